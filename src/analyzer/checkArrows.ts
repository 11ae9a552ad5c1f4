import { DEFAULT_LABELS, type MapEdit } from '../model';
import type { AnalysisContext } from './AnalysisContext';
import { KIND_ACTION, KIND_DECISION, KIND_END, KIND_START } from './buildFlowGraph';
import { chooseBranchLabels, labelKey } from './chooseBranchLabels';
import { quoteNode } from './describeNodes';
import { makeFinding, type RankedFinding } from './makeFinding';
import { FIX_OFFSET, newEdge, newNode, offsetFrom } from './repairHelpers';
import type { Suggestion } from './types';

/**
 * Rules 10-13: hidden decisions, arrows into a start or out of an end, duplicate arrows and
 * unnamed steps.
 * @example checkArrows(ctx).map((r) => r.finding.rule) // ['implicit-split']
 */
export function checkArrows(ctx: AnalysisContext): RankedFinding[] {
  const { g } = ctx;
  const out: RankedFinding[] = [];
  for (let u = 0; u < g.n; u++) {
    const kind = g.kind[u];
    const node = g.nodes[u]!;
    const from = g.outStart[u]!;
    const to = g.outStart[u + 1]!;
    if ((kind === KIND_START || kind === KIND_ACTION) && to - from > 1) {
      const edges = Array.from(g.outEdge.subarray(from, to));
      out.push(
        makeFinding(
          ctx,
          'implicit-split',
          `${quoteNode(node)} leads to ${to - from} next steps without saying which to take: it hides a decision.`,
          [u],
          edges,
          [splitSuggestion(ctx, u, edges)],
        ),
      );
    }
    if (kind === KIND_START && g.inStart[u + 1]! > g.inStart[u]!) {
      const arrows = Array.from(g.inEdge.subarray(g.inStart[u]!, g.inStart[u + 1]!));
      out.push(
        makeFinding(
          ctx,
          'start-has-incoming',
          `Arrows lead back into the start ${quoteNode(node)}; a start should only begin a case.`,
          [u],
          arrows,
          [startSuggestion(ctx, u)],
        ),
      );
    }
    if (kind === KIND_END && to > from) {
      const arrows = Array.from(g.outEdge.subarray(from, to));
      out.push(
        makeFinding(
          ctx,
          'end-has-outgoing',
          `The end ${quoteNode(node)} has arrows going out, but a case stops at an end.`,
          [u],
          arrows,
          [endSuggestion(ctx, u, arrows)],
        ),
      );
    }
    if (to - from > 1 && mayRepeat(ctx, from, to)) out.push(...duplicateArrows(ctx, u));
    if (g.blank[u] === 1) {
      const label = DEFAULT_LABELS[node.kind];
      out.push(
        makeFinding(
          ctx,
          'missing-label',
          `A ${kind === KIND_DECISION ? 'decision' : 'step'} has no name (id ${node.id}); name it so people know what happens there.`,
          [u],
          [],
          [
            {
              title: `Name it '${label}'`,
              edits: [{ type: 'setNodeLabel', nodeId: node.id, label }],
            },
          ],
        ),
      );
    }
  }
  return out;
}

/** False when no two of these arrows share a target (the usual case, checked without a map). */
function mayRepeat(ctx: AnalysisContext, from: number, to: number): boolean {
  if (to - from > 8) return true;
  const t = ctx.g.outTarget;
  for (let a = from + 1; a < to; a++) {
    for (let b = from; b < a; b++) if (t[a] === t[b]) return true;
  }
  return false;
}

/** Arrows from u with the same target and label as an earlier one (labels trimmed). */
function duplicateArrows(ctx: AnalysisContext, u: number): RankedFinding[] {
  const { g } = ctx;
  const from = g.outStart[u]!;
  const to = g.outStart[u + 1]!;
  const groups = new Map<string, number[]>();
  for (let k = from; k < to; k++) {
    const j = g.outEdge[k]!;
    const key = `${g.outTarget[k]}\u0000${(g.edges[j]!.label ?? '').trim()}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [j]);
    else group.push(j);
  }
  const out: RankedFinding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const later = group.slice(1);
    const first = g.edges[group[0]!]!;
    const target = g.edgeTarget[group[0]!]!;
    out.push(
      makeFinding(
        ctx,
        'duplicate-arrow',
        `The arrow from ${quoteNode(g.nodes[u]!)} to ${quoteNode(g.nodes[target]!)}${first.label?.trim() ? ` labelled '${first.label.trim()}'` : ''} is drawn ${group.length} times.`,
        [u, target],
        later,
        [
          {
            title:
              later.length === 1 ? 'Remove the duplicate arrow' : 'Remove the duplicate arrows',
            edits: later.map((j) => ({ type: 'removeEdge', edgeId: g.edges[j]!.id })),
          },
        ],
      ),
    );
  }
  return out;
}

/** Makes a hidden decision explicit: an action becomes a decision; a start gets one after it. */
function splitSuggestion(ctx: AnalysisContext, u: number, edges: number[]): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const used = new Set<string>();
  let missing = 0;
  for (const j of edges) {
    const key = labelKey(g.edges[j]!.label);
    if (key === '') missing++;
    else used.add(key);
  }
  const labels = chooseBranchLabels(used, missing, edges.length);
  let next = 0;
  const labelOf = (j: number): string | undefined =>
    labelKey(g.edges[j]!.label) === '' ? labels[next++] : undefined;
  if (g.kind[u] === KIND_ACTION) {
    const edits: MapEdit[] = [{ type: 'changeKind', nodeId: node.id, kind: 'decision' }];
    for (const j of edges) {
      const label = labelOf(j);
      if (label !== undefined) edits.push({ type: 'setEdgeLabel', edgeId: g.edges[j]!.id, label });
    }
    return { title: `Turn ${quoteNode(node)} into a decision`, edits };
  }
  const mint = ctx.ids.session();
  const choice = newNode(
    mint(`fix-choice-${node.id}`),
    'decision',
    'Which way?',
    offsetFrom(node, FIX_OFFSET),
  );
  const edits: MapEdit[] = [{ type: 'addNode', node: choice }];
  const added: MapEdit[] = [];
  for (const j of edges) {
    const edge = g.edges[j]!;
    edits.push({ type: 'removeEdge', edgeId: edge.id });
    const moved = { ...edge, source: choice.id };
    const label = labelOf(j);
    if (label !== undefined) moved.label = label;
    added.push({ type: 'addEdge', edge: moved });
  }
  edits.push(...added);
  edits.push({
    type: 'addEdge',
    edge: newEdge(mint(`fix-e-${node.id}-${choice.id}`), node.id, choice.id),
  });
  return { title: `Add a decision after ${quoteNode(node)}`, edits };
}

/**
 * An end with arrows out. When a start reaches it, it becomes a step with a new end after it
 * (everything after it stays reachable); otherwise its arrows out carry nothing and are
 * removed (every step that reached an end through them still reaches this end).
 */
function endSuggestion(ctx: AnalysisContext, u: number, arrows: number[]): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  if (ctx.reach[u] === 0) {
    return {
      title: `Remove the arrows out of ${quoteNode(node)}`,
      edits: arrows.map((j) => ({ type: 'removeEdge', edgeId: g.edges[j]!.id })),
    };
  }
  const mint = ctx.ids.session();
  const end = newNode(mint(`fix-end-${node.id}`), 'end', 'End', offsetFrom(node, FIX_OFFSET));
  return {
    title: `Turn ${quoteNode(node)} into a step and add an end after it`,
    edits: [
      { type: 'changeKind', nodeId: node.id, kind: 'action' },
      { type: 'addNode', node: end },
      { type: 'addEdge', edge: newEdge(mint(`fix-e-${node.id}-${end.id}`), node.id, end.id) },
    ],
  };
}

/**
 * A start with arrows in becomes a step with a new start before it: reachability and every
 * path to an end stay as they were (removing the arrows in could strand a loop).
 */
function startSuggestion(ctx: AnalysisContext, u: number): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const mint = ctx.ids.session();
  const start = newNode(
    mint(`fix-start-${node.id}`),
    'start',
    'Start',
    offsetFrom(node, -FIX_OFFSET),
  );
  return {
    title: `Turn ${quoteNode(node)} into a step and add a start before it`,
    edits: [
      { type: 'changeKind', nodeId: node.id, kind: 'action' },
      { type: 'addNode', node: start },
      { type: 'addEdge', edge: newEdge(mint(`fix-e-${start.id}-${node.id}`), start.id, node.id) },
    ],
  };
}

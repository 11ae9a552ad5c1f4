import type { MapEdit } from '../model';
import type { AnalysisContext } from './AnalysisContext';
import { KIND_DECISION } from './buildFlowGraph';
import { chooseBranchLabels, labelKey } from './chooseBranchLabels';
import { quoteNode } from './describeNodes';
import { makeFinding, type RankedFinding } from './makeFinding';
import { FIX_OFFSET, newEdge, newNode, offsetFrom, pickSafeEnd } from './repairHelpers';
import type { Suggestion } from './types';

/**
 * Rules 7-9 on decisions: fewer than two branches, unlabelled branches, repeated labels.
 * @example checkBranches(ctx).map((r) => r.finding.rule) // ['unlabeled-branch']
 */
export function checkBranches(ctx: AnalysisContext): RankedFinding[] {
  const { g } = ctx;
  const out: RankedFinding[] = [];
  for (let u = 0; u < g.n; u++) {
    if (g.kind[u] !== KIND_DECISION) continue;
    const from = g.outStart[u]!;
    const to = g.outStart[u + 1]!;
    const node = g.nodes[u]!;
    if (to - from < 2) {
      out.push(
        makeFinding(
          ctx,
          'decision-branches',
          to === from
            ? `The decision ${quoteNode(node)} has no way out; a decision needs at least two branches.`
            : `The decision ${quoteNode(node)} has only one way out; a decision needs at least two branches.`,
          [u],
          to > from ? [g.outEdge[from]!] : [],
          fewBranchSuggestions(ctx, u),
        ),
      );
      continue;
    }
    if (branchesLookFine(ctx, from, to)) continue;
    const used = new Set<string>();
    const unlabeled: number[] = [];
    const groups = new Map<string, number[]>();
    for (let k = from; k < to; k++) {
      const j = g.outEdge[k]!;
      const key = labelKey(g.edges[j]!.label);
      if (key === '') {
        unlabeled.push(j);
        continue;
      }
      used.add(key);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [j]);
      else group.push(j);
    }
    if (unlabeled.length > 0) {
      const labels = chooseBranchLabels(used, unlabeled.length, to - from);
      const edits: MapEdit[] = unlabeled.map((j, i) => ({
        type: 'setEdgeLabel',
        edgeId: g.edges[j]!.id,
        label: labels[i]!,
      }));
      out.push(
        makeFinding(
          ctx,
          'unlabeled-branch',
          `${unlabeled.length === 1 ? 'A branch' : `${unlabeled.length} branches`} out of ${quoteNode(node)} ${unlabeled.length === 1 ? 'has' : 'have'} no label, so nobody can tell which way to go.`,
          [u],
          unlabeled,
          [{ title: `Label the branches ${labels.join(' / ')}`, edits }],
        ),
      );
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const label = g.edges[group[0]!]!.label!.trim();
      const taken = new Set(used);
      const edits: MapEdit[] = [];
      for (let i = 1; i < group.length; i++) {
        let n = i + 1;
        while (taken.has(labelKey(`${label} (${n})`))) n++;
        const next = `${label} (${n})`;
        taken.add(labelKey(next));
        edits.push({ type: 'setEdgeLabel', edgeId: g.edges[group[i]!]!.id, label: next });
      }
      out.push(
        makeFinding(
          ctx,
          'duplicate-branch-label',
          `${group.length} branches out of ${quoteNode(node)} are all labelled '${label}', so the choice is ambiguous.`,
          [u],
          group,
          [{ title: `Rename the repeated '${label}' branches`, edits }],
        ),
      );
    }
  }
  return out;
}

/**
 * True when every branch out of a decision has a label and no two labels match (trimmed,
 * ignoring case): the usual case, checked without building sets or maps.
 */
function branchesLookFine(ctx: AnalysisContext, from: number, to: number): boolean {
  const { g } = ctx;
  if (to - from > 8) return false;
  for (let a = from; a < to; a++) {
    const la = (g.edges[g.outEdge[a]!]!.label ?? '').trim();
    if (la === '') return false;
    for (let b = from; b < a; b++) {
      const lb = (g.edges[g.outEdge[b]!]!.label ?? '').trim();
      if (la.length === lb.length && la.toLowerCase() === lb.toLowerCase()) return false;
    }
  }
  return true;
}

function fewBranchSuggestions(ctx: AnalysisContext, u: number): Suggestion[] {
  const { g, reach } = ctx;
  const node = g.nodes[u]!;
  const out: Suggestion[] = [];
  const count = g.outStart[u + 1]! - g.outStart[u]!;
  if (count === 1 && g.ends.length > 0) {
    const mint = ctx.ids.session();
    const only = g.edges[g.outEdge[g.outStart[u]!]!]!;
    const edits: MapEdit[] = [];
    const key = labelKey(only.label);
    const [first, second] = key === '' ? ['Yes', 'No'] : [only.label!, key === 'no' ? 'Yes' : 'No'];
    if (key === '') edits.push({ type: 'setEdgeLabel', edgeId: only.id, label: first! });
    const e = pickSafeEnd(g, reach, u);
    let title: string;
    if (e !== -1) {
      const end = g.nodes[e]!;
      edits.push({
        type: 'addEdge',
        edge: newEdge(mint(`fix-e-${node.id}-${end.id}`), node.id, end.id, second),
      });
      title = `Add a '${second}' branch from ${quoteNode(node)} to ${quoteNode(end)}`;
    } else {
      const end = newNode(mint(`fix-end-${node.id}`), 'end', 'End', offsetFrom(node, FIX_OFFSET));
      edits.push({ type: 'addNode', node: end });
      edits.push({
        type: 'addEdge',
        edge: newEdge(mint(`fix-e-${node.id}-${end.id}`), node.id, end.id, second),
      });
      title = `Add a '${second}' branch from ${quoteNode(node)} to a new end`;
    }
    out.push({ title, edits });
  }
  out.push({
    title: `Turn ${quoteNode(node)} into a plain step`,
    edits: [{ type: 'changeKind', nodeId: node.id, kind: 'action' }],
  });
  return out;
}

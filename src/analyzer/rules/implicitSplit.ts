import type { MapEdit, MapNode } from '../../model';
import { NODE_SIZE } from '../../model/nodeSize';
import type { AnalysisContext } from '../AnalysisContext';
import { outArrows } from '../arrowsAt';
import { KIND_ACTION, KIND_END, KIND_START } from '../buildFlowGraph';
import { branchEdits, clearedChancesNote } from '../decisionEdits';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import { present } from '../present';
import { FIX_OFFSET, newEdge, newNode, offsetFrom } from '../repairHelpers';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  const kind = g.kind[u];
  if (kind !== KIND_START && kind !== KIND_ACTION) return;
  if (g.outStart[u + 1]! - g.outStart[u]! < 2) return;
  // Two arrows to the same step are a duplicate (said by its own rule), not a way out more.
  const next = nextSteps(g, u);
  if (next < 2) return;
  const edges = outArrows(g, u);
  out.push(
    makeFinding(
      ctx,
      implicitSplit,
      `${quoteNode(g.nodes[u]!)} leads to ${next} next steps without saying whether they all happen or only one.`,
      [u],
      edges,
      [...present(parallelSuggestion(ctx, u, edges)), splitSuggestion(ctx, u, edges)],
    ),
  );
}

/** How many different steps the arrows out of u lead to. */
function nextSteps(g: AnalysisContext['g'], u: number): number {
  const from = g.outStart[u]!;
  const to = g.outStart[u + 1]!;
  if (to - from > 16) return new Set(g.outTarget.subarray(from, to)).size;
  let distinct = 0;
  for (let k = from; k < to; k++) {
    let seen = false;
    for (let q = from; q < k && !seen; q++) seen = g.outTarget[q] === g.outTarget[k];
    if (!seen) distinct++;
  }
  return distinct;
}

/** A start or an action with several ways out: a decision or parallel work nobody wrote down. */
export const implicitSplit: FlowRule = {
  id: 'implicit-split',
  severity: 'warning',
  title: 'Hidden decision',
  why: 'A step with several ways out does not say whether they all happen (side by side) or only one (a choice).',
  atNode,
};

/** Makes a hidden decision explicit: an action becomes a decision; a start gets one after it. */
function splitSuggestion(ctx: AnalysisContext, u: number, edges: number[]): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const branches = branchEdits(g, edges, []);
  const labelOf = (j: number): string | undefined => branches.labels.get(j);
  const note = clearedChancesNote(branches);
  if (g.kind[u] === KIND_ACTION) {
    const edits: MapEdit[] = [{ type: 'changeKind', nodeId: node.id, kind: 'decision' }];
    for (const j of edges) {
      const label = labelOf(j);
      if (label !== undefined) edits.push({ type: 'setEdgeLabel', edgeId: g.edgeIds[j]!, label });
    }
    edits.push(...branches.clearChances);
    return { title: `Only one happens: make ${quoteNode(node)} a decision${note}`, edits };
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
    if (branches.clearChances.length > 0) delete moved.probability;
    added.push({ type: 'addEdge', edge: moved });
  }
  edits.push(...added);
  edits.push({
    type: 'addEdge',
    edge: newEdge(mint(`fix-e-${node.id}-${choice.id}`), node.id, choice.id),
  });
  return { title: `Only one happens: add a decision after ${quoteNode(node)}${note}`, edits };
}

/** How many steps each branch is followed for when looking where the branches meet again. */
const MEET_SEARCH = 400;

/** The steps one branch reaches, and whether it stays out of trouble for a parallel split. */
interface Branch {
  /** Steps reached from the branch's first step, before the meeting step, BFS order. */
  steps: number[];
  /** False when the branch leads back to the step, or was followed too far to tell. */
  clean: boolean;
}

/**
 * "They all happen": a parallel split after the step takes its arrows out; where the
 * branches meet again at a step (not an end), a parallel join before that step waits for
 * them. Offered only where that is sure to be sound: no branch leads back to the step; with
 * a meeting step, each branch keeps to itself and reaches it by exactly one arrow (else the
 * join could wait forever); without one, the branches never share a step but an end.
 */
function parallelSuggestion(ctx: AnalysisContext, u: number, edges: number[]): Suggestion | null {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const heads = edges.map((j) => g.edgeTarget[j]!);
  const full = heads.map((h) => followBranch(ctx, u, h, -1));
  if (full.some((b) => !b.clean)) return null;
  const meet = meetingStep(ctx, full);
  let into: number[] = [];
  if (meet >= 0) {
    const branches = heads.map((h) => followBranch(ctx, u, h, meet));
    into = branchesMeetCleanly(ctx, branches, edges, meet);
    if (into.length === 0) return null;
  } else if (!disjointButEnds(ctx, full)) {
    return null;
  }
  const mint = ctx.ids.session();
  const size = NODE_SIZE[node.kind];
  const bar = NODE_SIZE.parallel;
  const split = newNode(mint(`fix-split-${node.id}`), 'parallel', '', {
    x: node.position.x + (size.width - bar.width) / 2,
    y: node.position.y + size.height + 20,
  });
  const target = meet >= 0 ? g.nodes[meet]! : undefined;
  const edits: MapEdit[] = [{ type: 'addNode', node: split }];
  let join: MapNode | undefined;
  if (target) {
    const tsize = NODE_SIZE[target.kind];
    join = newNode(mint(`fix-join-${target.id}`), 'parallel', '', {
      x: target.position.x + (tsize.width - bar.width) / 2,
      y: target.position.y - bar.height - 20,
    });
    edits.push({ type: 'addNode', node: join });
  }
  const added: MapEdit[] = [];
  for (const j of edges) {
    const edge = g.edges[j]!;
    edits.push({ type: 'removeEdge', edgeId: edge.id });
    // A branch straight to the meeting step goes to the join instead.
    const to = join && g.edgeTarget[j] === meet ? join.id : edge.target;
    added.push({ type: 'addEdge', edge: { ...edge, source: split.id, target: to } });
  }
  edits.push(...added);
  edits.push({
    type: 'addEdge',
    edge: newEdge(mint(`fix-e-${node.id}-${split.id}`), node.id, split.id),
  });
  if (!target || !join) {
    return { title: `They all happen: split in parallel after ${quoteNode(node)}`, edits };
  }
  for (const j of into) {
    if (g.edgeSource[j] === u) continue; // moved above
    const edge = g.edges[j]!;
    edits.push({ type: 'removeEdge', edgeId: edge.id });
    edits.push({ type: 'addEdge', edge: { ...edge, target: join.id } });
  }
  edits.push({
    type: 'addEdge',
    edge: newEdge(mint(`fix-e-${join.id}-${target.id}`), join.id, target.id),
  });
  return {
    title: `They all happen: split in parallel after ${quoteNode(node)} and join before ${quoteNode(target)}`,
    edits,
  };
}

/**
 * Per node: the call of followBranch that last reached it (a number per call, so nothing is
 * cleared between calls). Kept from analysis to analysis; grows with the map.
 */
let reachedIn = new Int32Array(0);
let calls = 0;

/** Follows a branch from `head`, not past `stop`; it is not clean if it comes back to `u`. */
function followBranch(ctx: AnalysisContext, u: number, head: number, stop: number): Branch {
  const { g } = ctx;
  if (head === u) return { steps: [], clean: false };
  if (reachedIn.length < g.n || calls === 0x7fffffff) {
    reachedIn = new Int32Array(Math.max(g.n, reachedIn.length));
    calls = 0;
  }
  const call = ++calls;
  const steps = [head];
  reachedIn[head] = call;
  for (let i = 0; i < steps.length; i++) {
    if (steps.length > MEET_SEARCH) return { steps, clean: false };
    const w = steps[i]!;
    if (w === stop) continue;
    for (let k = g.outStart[w]!; k < g.outStart[w + 1]!; k++) {
      const t = g.outTarget[k]!;
      if (t === u) return { steps, clean: false };
      if (reachedIn[t] !== call) {
        reachedIn[t] = call;
        steps.push(t);
      }
    }
  }
  return { steps, clean: true };
}

/**
 * True for an end that takes the case away: branches may meet there without a join. An end
 * with arrows out passes each branch on (a mistake said elsewhere), so it is like any step.
 */
function endsCase(g: AnalysisContext['g'], w: number): boolean {
  return g.kind[w] === KIND_END && g.outStart[w + 1] === g.outStart[w];
}

/**
 * The nearest step (not an end that takes the case away) every branch reaches: where the
 * branches meet again; -1 if none.
 */
function meetingStep(ctx: AnalysisContext, branches: Branch[]): number {
  const { g } = ctx;
  const others = branches.slice(1).map((b) => new Set(b.steps));
  for (const w of branches[0]!.steps) {
    if (endsCase(g, w)) continue;
    if (others.every((s) => s.has(w))) return w;
  }
  return -1;
}

/**
 * The arrows by which the branches reach `meet`, when each branch keeps to its own steps
 * (its arrows lead only to its own steps or to `meet`, and only the split's arrow and its own
 * steps lead into it) and reaches `meet` by exactly one
 * arrow; an empty list otherwise. A branch that is `meet` itself is its arrow from the split.
 */
function branchesMeetCleanly(
  ctx: AnalysisContext,
  branches: Branch[],
  edges: number[],
  meet: number,
): number[] {
  const { g } = ctx;
  const owner = new Map<number, number>();
  const into: number[] = [];
  for (let b = 0; b < branches.length; b++) {
    const head = g.edgeTarget[edges[b]!]!;
    if (head === meet) {
      into.push(edges[b]!);
      continue;
    }
    for (const w of branches[b]!.steps) {
      if (w === meet) continue;
      if (owner.has(w)) return [];
      owner.set(w, b);
    }
  }
  const arrivals = new Int32Array(branches.length);
  for (const [w, b] of owner) {
    // Nothing else enters a branch: a case elsewhere would reach the join alone.
    if (g.kind[w] === KIND_START) return [];
    // A branch that can stop before the meeting step (an end, a step with no way out)
    // leaves the join waiting forever.
    if (g.kind[w] === KIND_END || g.outStart[w + 1] === g.outStart[w]) return [];
    for (let k = g.inStart[w]!; k < g.inStart[w + 1]!; k++) {
      const p = g.inSource[k]!;
      if (owner.get(p) !== b && !edges.includes(g.inEdge[k]!)) return [];
    }
    for (let k = g.outStart[w]!; k < g.outStart[w + 1]!; k++) {
      const t = g.outTarget[k]!;
      if (t === meet) {
        arrivals[b]!++;
        into.push(g.outEdge[k]!);
      } else if (owner.get(t) !== b) return [];
    }
  }
  for (let b = 0; b < branches.length; b++) {
    const head = g.edgeTarget[edges[b]!]!;
    if (head !== meet && arrivals[b] !== 1) return [];
  }
  return into;
}

/** True when no two branches share a step other than an end that takes the case away. */
function disjointButEnds(ctx: AnalysisContext, branches: Branch[]): boolean {
  const { g } = ctx;
  const owner = new Map<number, number>();
  for (let b = 0; b < branches.length; b++) {
    for (const w of branches[b]!.steps) {
      if (endsCase(g, w)) continue;
      const o = owner.get(w);
      if (o !== undefined && o !== b) return false;
      owner.set(w, b);
    }
  }
  return true;
}

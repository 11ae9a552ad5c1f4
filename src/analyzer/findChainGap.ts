import type { MapEdit } from '../model';
import type { AnalysisContext } from './AnalysisContext';
import { KIND_ACTION, KIND_DECISION, KIND_END, KIND_START } from './buildFlowGraph';
import { quoteNode } from './describeNodes';
import { newEdge, newNode } from './repairHelpers';
import { scratch } from './scratch';
import type { Suggestion } from './types';

/** How many loose ends of each side are compared (the pairing is quadratic in them). */
const MAX_LOOSE_ENDS = 16;

/** A gap in a chain: `from` leads nowhere, `to` is led to by nothing (graph indices). */
export interface ChainGap {
  from: number;
  to: number;
}

/**
 * Where a step was taken out of a chain: a step a start reaches with no arrow out (`from`),
 * and a step nothing leads to with no arrow in that can reach an end (`to`), such that one
 * arrow from `from` to `to` makes every unreached step reachable and lets every dead end
 * finish. Of the pairs, the one whose steps are nearest on the canvas. null when there is none.
 * Linear in the map, plus one search per loose end (at most 16 a side).
 * @example findChainGap(ctx) // { from: 3, to: 4 } after deleting the step between them
 */
export function findChainGap(ctx: AnalysisContext): ChainGap | null {
  const { g, reach, coreach } = ctx;
  if (g.starts.length === 0 || g.ends.length === 0) return null;
  const tails: number[] = [];
  const heads: number[] = [];
  let unreached = 0;
  let dead = 0;
  for (let u = 0; u < g.n; u++) {
    const outs = g.outStart[u + 1]! - g.outStart[u]!;
    const ins = g.inStart[u + 1]! - g.inStart[u]!;
    const kind = g.kind[u]!;
    if (reach[u] === 0) unreached++;
    else if (coreach[u] === 0) dead++;
    if (outs === 0 && reach[u] === 1 && (kind === KIND_ACTION || kind === KIND_START)) {
      if (tails.length < MAX_LOOSE_ENDS) tails.push(u);
    }
    const stepOrEnd = kind === KIND_ACTION || kind === KIND_DECISION || kind === KIND_END;
    if (ins === 0 && reach[u] === 0 && coreach[u] === 1 && stepOrEnd) {
      if (heads.length < MAX_LOOSE_ENDS) heads.push(u);
    }
  }
  if (tails.length === 0 || heads.length === 0) return null;
  const froms = dead === 0 ? tails : tails.filter((u) => covered(ctx, u, false) === dead);
  const tos = unreached === 0 ? heads : heads.filter((u) => covered(ctx, u, true) === unreached);
  let best: ChainGap | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const to of tos) {
    for (const from of froms) {
      const a = g.nodes[from]!.position;
      const b = g.nodes[to]!.position;
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { from, to };
      }
    }
  }
  return best;
}

/**
 * How many unreached steps `to` leads to (forward), or how many dead-end steps lead to
 * `from` (backward), counting the step itself: an iterative search inside that set. -1 when
 * `to` leads to an unreached step that cannot finish.
 */
function covered(ctx: AnalysisContext, seed: number, forward: boolean): number {
  const { g, reach, coreach } = ctx;
  const inSet = (u: number) => (forward ? reach[u] === 0 : reach[u] === 1 && coreach[u] === 0);
  const start = forward ? g.outStart : g.inStart;
  const next = forward ? g.outTarget : g.inSource;
  const seen = scratch.uint8(g.n);
  const queue = scratch.int32(g.n);
  let tail = 0;
  seen[seed] = 1;
  queue[tail++] = seed;
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    // Every step the arrow makes reachable must be able to finish, or it adds a dead end.
    if (forward && coreach[u] === 0) return -1;
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const v = next[k]!;
      if (seen[v] === 0 && inSet(v)) {
        seen[v] = 1;
        queue[tail++] = v;
      }
    }
  }
  return tail;
}

/**
 * The two ways to close a gap in a chain: an arrow across it, or a new step in it.
 * @example chainGapFixes(ctx, gap)[1].title // "Insert a step between 'Draft' and 'Send'"
 */
export function chainGapFixes(ctx: AnalysisContext, gap: ChainGap): Suggestion[] {
  const { g } = ctx;
  const from = g.nodes[gap.from]!;
  const to = g.nodes[gap.to]!;
  const mint = ctx.ids.session();
  const across: MapEdit[] = [
    { type: 'addEdge', edge: newEdge(mint(`fix-e-${from.id}-${to.id}`), from.id, to.id) },
  ];
  const step = newNode(mint('fix-step'), 'action', 'New step', {
    x: Math.round((from.position.x + to.position.x) / 2),
    y: Math.round((from.position.y + to.position.y) / 2),
  });
  const inside: MapEdit[] = [
    { type: 'addNode', node: step },
    { type: 'addEdge', edge: newEdge(mint(`fix-e-${from.id}-${step.id}`), from.id, step.id) },
    { type: 'addEdge', edge: newEdge(mint(`fix-e-${step.id}-${to.id}`), step.id, to.id) },
  ];
  return [
    { title: `Connect ${quoteNode(from)} to ${quoteNode(to)}`, edits: across },
    { title: `Insert a step between ${quoteNode(from)} and ${quoteNode(to)}`, edits: inside },
  ];
}

import { applyEdits, type MapEdit } from '../model';
import type { AnalysisContext } from './AnalysisContext';
import { buildFlowGraph, KIND_ACTION, KIND_DECISION, KIND_END, KIND_START } from './buildFlowGraph';
import { checkCases } from './checkCases';
import { quoteNode } from './describeNodes';
import { newEdge, newNode } from './repairHelpers';
import { scratch } from './scratch';
import type { Suggestion } from './types';

/** How many loose ends of each side are compared (the pairing is quadratic in them). */
const MAX_LOOSE_ENDS = 16;

/** On maps with parallel steps: how many of the nearest pairs are played with the arrow. */
const MAX_PLAYED = 3;

/** A gap in a chain: `from` leads nowhere, `to` is led to by nothing (graph indices). */
export interface ChainGap {
  from: number;
  to: number;
}

/**
 * Where a step was taken out of a chain: a step a start reaches with no arrow out (`from`),
 * and a step nothing leads to with no arrow in that can reach an end (`to`), such that one
 * arrow from `from` to `to` makes every unreached step reachable and lets every dead end
 * finish. Of the pairs, the one whose steps are nearest on the canvas; on maps with parallel
 * steps, the nearest of the 3 nearest whose arrow lets no branches that run side by side meet
 * at a step that does not wait for them, and leaves no join waiting forever (each is played).
 * null when there is none. Linear in the map, plus one search per loose end (at most 16 a
 * side), plus on maps with parallel steps up to 3 token games.
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
  const pairs: (ChainGap & { distance: number })[] = [];
  for (const to of tos) {
    for (const from of froms) {
      const a = g.nodes[from]!.position;
      const b = g.nodes[to]!.position;
      pairs.push({ from, to, distance: Math.hypot(a.x - b.x, a.y - b.y) });
    }
  }
  pairs.sort((p, q) => p.distance - q.distance);
  const played = ctx.cases === null ? pairs.slice(0, 1) : pairs.slice(0, MAX_PLAYED);
  for (const { from, to } of played) {
    if (!addsTokenTrouble(ctx, from, to)) return { from, to };
  }
  return null;
}

/**
 * True when, on a map with parallel steps, the arrow from `from` to `to` lets two branches
 * that run side by side reach a step that is not a join, or leaves a join waiting forever,
 * where neither was found before: the map with the arrow is played. A join is only told
 * waiting forever when every case was played; two tokens before a step, whenever seen.
 */
function addsTokenTrouble(ctx: AnalysisContext, from: number, to: number): boolean {
  const { g, cases } = ctx;
  if (cases === null) return false;
  const edge = newEdge('fix-e-probe', g.nodes[from]!.id, g.nodes[to]!.id);
  const after = checkCases(buildFlowGraph(applyEdits(ctx.map, [{ type: 'addEdge', edge }])));
  // Adding an arrow keeps the steps, in the same order.
  for (let v = 0; v < g.n; v++) {
    if (after.doubled[v] === 1 && cases.doubled[v] === 0) return true;
    if (after.complete && after.missing.has(v) && !cases.missing.has(v)) return true;
  }
  return false;
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

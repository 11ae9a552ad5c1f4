import { blockLeadTime } from './blockLeadTime';
import { type FlowGraph, KIND_END, KIND_PARALLEL, KIND_START } from './buildFlowGraph';
import type { BranchChain } from './findSoundBlocks';
import { scratch } from './scratch';
import type { LeadTime } from './types';

/**
 * Lead time of a case (elapsed, start to finish) on a map without loops: a step starts when
 * the case reaches it (a join: when its last branch arrives) and ends its duration later.
 * Where several arrows lead into a step that is not a join, its start is their average
 * weighted by how often each is taken; where several ends are reached, the finish is their
 * average weighted the same way. Exact when no step chooses between ways (no decision on a
 * branch); otherwise an estimate (the longest of several uncertain branches is not the
 * longest of their expected times). On maps with loops, read block by block where every
 * parallel step belongs to a block told sound by its branches (`chains`, see blockLeadTime);
 * null otherwise.
 * @example estimateLeadTime(g, prob, visits) // { minutes: 30, estimate: false }
 */
export function estimateLeadTime(
  g: FlowGraph,
  prob: Float64Array,
  visits: Float64Array,
  chains: readonly BranchChain[] = [],
): LeadTime | null {
  const indegree = scratch.int32(g.n);
  for (let v = 0; v < g.n; v++) indegree[v] = g.inStart[v + 1]! - g.inStart[v]!;
  const order: number[] = [];
  for (let v = 0; v < g.n; v++) if (indegree[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    const u = order[i]!;
    for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
      const t = g.outTarget[k]!;
      if (--indegree[t]! === 0) order.push(t);
    }
  }
  if (order.length < g.n) return blockLeadTime(g, visits, chains); // a loop
  let estimate = false;
  const done = scratch.float64(g.n);
  let finish = 0;
  let ended = 0;
  for (const v of order) {
    let start = 0;
    if (g.kind[v] === KIND_PARALLEL && g.inStart[v + 1]! - g.inStart[v]! >= 2) {
      for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
        start = Math.max(start, done[g.inSource[k]!]!);
      }
    } else if (g.kind[v] !== KIND_START) {
      let weight = 0;
      let sum = 0;
      for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
        const s = g.inSource[k]!;
        const w = visits[s]! * prob[g.inEdge[k]!]!;
        weight += w;
        sum += w * done[s]!;
      }
      start = weight > 0 ? sum / weight : 0;
    }
    done[v] = start + g.duration[v]!;
    if (g.kind[v] !== KIND_PARALLEL && g.outStart[v + 1]! - g.outStart[v]! >= 2) estimate = true;
    if (g.kind[v] === KIND_END && visits[v]! > 0) {
      finish += visits[v]! * done[v]!;
      ended += visits[v]!;
    }
  }
  if (ended === 0) return null;
  return { minutes: finish / ended, estimate: estimate || ended > 1 + 1e-9 };
}

import type { ProcessMap } from '../../model';
import { branchProbabilities } from '../branchProbabilities';
import { buildFlowGraph, KIND_END } from '../buildFlowGraph';

/**
 * ||b - (I - Q)^T v|| / ||b|| for a map's reported expected visits v (aligned with the
 * graph's nodes, as `metrics.expectedVisits` is), with b the cases arriving evenly at the
 * starts: how far the reported visits are from solving the whole map's flow equations.
 * For checks and the bench; the analysis itself measures each loop as it solves it.
 * @example visitsResidual(map, analyze(map).metrics.expectedVisits) // 3e-16
 */
export function visitsResidual(map: ProcessMap, visits: Float64Array): number {
  const g = buildFlowGraph(map);
  const { prob } = branchProbabilities(g);
  const share = g.starts.length > 0 ? 1 / g.starts.length : 0;
  const b = new Float64Array(g.n);
  for (let i = 0; i < g.starts.length; i++) b[g.starts[i]!]! += share;
  let rr = 0;
  let bb = 0;
  for (let v = 0; v < g.n; v++) {
    let r = b[v]! - visits[v]!;
    for (let s = g.inStart[v]!; s < g.inStart[v + 1]!; s++) {
      const u = g.inSource[s]!;
      if (g.kind[u] !== KIND_END) r += prob[g.inEdge[s]!]! * visits[u]!;
    }
    rr += r * r;
    bb += b[v]! * b[v]!;
  }
  return bb > 0 ? Math.sqrt(rr / bb) : 0;
}

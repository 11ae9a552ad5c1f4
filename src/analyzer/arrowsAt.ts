import type { FlowGraph } from './buildFlowGraph';

/** The file indices of the arrows out of graph node `u`, as a plain array. */
export function outArrows(g: FlowGraph, u: number): number[] {
  return Array.from(g.outEdge.subarray(g.outStart[u]!, g.outStart[u + 1]!));
}

/** The file indices of the arrows into graph node `u`, as a plain array. */
export function inArrows(g: FlowGraph, u: number): number[] {
  return Array.from(g.inEdge.subarray(g.inStart[u]!, g.inStart[u + 1]!));
}

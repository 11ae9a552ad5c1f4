import { type FlowGraph, KIND_END, KIND_START } from './buildFlowGraph';
import { findDominators } from './findDominators';
import { scratch } from './scratch';

/**
 * Nodes every start-to-end path passes through: the dominators of a virtual sink (after
 * every end) from a virtual source (before every start), over the nodes on some
 * start-to-end path. Returned ascending; empty when no start reaches an end.
 * @example findMustPass(g, onPath) // [1, 3]
 */
export function findMustPass(g: FlowGraph, onPath: Uint8Array): number[] {
  const { n } = g;
  const source = n;
  const sink = n + 1;
  const total = n + 2;
  const succStart = scratch.int32(total + 1);
  const predStart = scratch.int32(total + 1);
  // Count.
  for (let u = 0; u < n; u++) {
    if (onPath[u] === 0) continue;
    for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
      const v = g.outTarget[k]!;
      if (onPath[v] === 0) continue;
      succStart[u + 1]!++;
      predStart[v + 1]!++;
    }
    if (g.kind[u] === KIND_START) {
      succStart[source + 1]!++;
      predStart[u + 1]!++;
    }
    if (g.kind[u] === KIND_END) {
      succStart[u + 1]!++;
      predStart[sink + 1]!++;
    }
  }
  for (let i = 0; i < total; i++) {
    succStart[i + 1]! += succStart[i]!;
    predStart[i + 1]! += predStart[i]!;
  }
  const succ = scratch.int32(succStart[total]!);
  const pred = scratch.int32(predStart[total]!);
  const sFill = scratch.int32(total);
  sFill.set(succStart.subarray(0, total));
  const pFill = scratch.int32(total);
  pFill.set(predStart.subarray(0, total));
  const link = (a: number, b: number) => {
    succ[sFill[a]!++] = b;
    pred[pFill[b]!++] = a;
  };
  for (let u = 0; u < n; u++) {
    if (onPath[u] === 0) continue;
    if (g.kind[u] === KIND_START) link(source, u);
  }
  for (let u = 0; u < n; u++) {
    if (onPath[u] === 0) continue;
    for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
      const v = g.outTarget[k]!;
      if (onPath[v] === 1) link(u, v);
    }
    if (g.kind[u] === KIND_END) link(u, sink);
  }
  const idom = findDominators(total, source, succStart, succ, predStart, pred);
  const out: number[] = [];
  if (idom[sink] === -1) return out;
  for (let v = idom[sink]!; v !== source; v = idom[v]!) out.push(v);
  return out.sort((a, b) => a - b);
}

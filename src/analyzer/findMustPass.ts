import { type FlowGraph, KIND_END, KIND_START } from './buildFlowGraph';
import { findDominators } from './findDominators';
import type { BranchChain } from './findSoundBlocks';
import { scratch } from './scratch';

/**
 * Nodes every start-to-end path passes through: the dominators of a virtual sink (after
 * every end) from a virtual source (before every start), over the nodes on some
 * start-to-end path. Returned ascending; empty when no start reaches an end.
 *
 * A parallel split is otherwise read like a decision (its arrows as ways around each other).
 * The blocks in `chains` run every branch in every case, so their branches are read one after
 * the other: the split leads to the first branch's first step, each branch's last step to the
 * next branch's first, and the last branch's to the join. A step every case passes inside one
 * branch is then found like any other.
 * @example findMustPass(g, onPath) // [1, 3]
 */
export function findMustPass(
  g: FlowGraph,
  onPath: Uint8Array,
  chains: readonly BranchChain[] = [],
): number[] {
  const { n } = g;
  const source = n;
  const sink = n + 1;
  const total = n + 2;
  // Per node: where its arrows lead instead (a chained split: its one way on), and, for a
  // branch's last step, the arrow into `relinkFrom` that leads to `relinkTo` instead.
  const chained = chains.length > 0;
  const splitTo = chained ? scratch.int32(n).fill(-1) : null;
  const relinkFrom = chained ? scratch.int32(n).fill(-1) : null;
  const relinkTo = chained ? scratch.int32(n) : null;
  for (const { split, join, branches } of chains) {
    if (branches.length === 0) continue;
    splitTo![split] = branches[0]![0];
    for (let b = 0; b + 1 < branches.length; b++) {
      const last = branches[b]![1];
      relinkFrom![last] = join;
      relinkTo![last] = branches[b + 1]![0];
    }
  }
  /** The k-th arrow out of u as read here (k = -1: a chained split's one way on). */
  const target = (u: number, k: number) => {
    if (k < 0) return splitTo![u]!;
    const v = g.outTarget[k]!;
    return chained && v === relinkFrom![u] ? relinkTo![u]! : v;
  };
  // The arrows out of u as read here: [first(u), end(u)) over outTarget, or [-1, 0) for a
  // chained split (two functions, not a pair: no array made per step).
  const first = (u: number) => (chained && splitTo![u]! >= 0 ? -1 : g.outStart[u]!);
  const end = (u: number) => (chained && splitTo![u]! >= 0 ? 0 : g.outStart[u + 1]!);
  const succStart = scratch.int32(total + 1);
  const predStart = scratch.int32(total + 1);
  // Count.
  for (let u = 0; u < n; u++) {
    if (onPath[u] === 0) continue;
    for (let k = first(u), to = end(u); k < to; k++) {
      const v = target(u, k);
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
    for (let k = first(u), to = end(u); k < to; k++) {
      const v = target(u, k);
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

import { type FlowGraph, KIND_DECISION, KIND_END, KIND_PARALLEL } from './buildFlowGraph';
import { scratch } from './scratch';

/** The chance each arrow is taken, and what had to be assumed to get it. */
export interface BranchProbabilities {
  /** Per file edge index; 0 for ignored arrows (missing ends, arrows out of an end). */
  prob: Float64Array;
  /** Nodes whose chances were partly or wholly assumed, ascending. */
  assumed: number[];
  /** Nodes whose given chances were invalid (negative, above 1 or summing above 1). */
  invalid: { node: number; sum: number }[];
}

const EPS = 1e-9;

/**
 * Chance of taking each arrow. Rules:
 * - An end absorbs: arrows out of an end carry no flow in the metrics.
 * - A start or action with one arrow passes everything along it.
 * - A decision, or a start/action with several arrows (an implicit split, treated as a
 *   choice like a decision), uses the given `probability` values: arrows without one share
 *   what is left equally; if all are given and add up to less than 1 they are scaled up;
 *   if any is invalid (negative, above 1) or they add up to more than 1, they are ignored and
 *   every arrow gets an equal share. Duplicate arrows each take their own share.
 * - A parallel step sends the case down every arrow out (each carries the whole flow, chances
 *   ignored), and as a join passes it on once for all its arrows in: an arrow into a parallel
 *   step with k arrows in carries 1/k of what leaves its source. Exact for sound maps.
 * @example branchProbabilities(buildFlowGraph(map)).prob
 */
export function branchProbabilities(g: FlowGraph): BranchProbabilities {
  const prob = scratch.float64(g.edges.length);
  const assumed: number[] = [];
  const invalid: { node: number; sum: number }[] = [];
  for (let u = 0; u < g.n; u++) {
    if (g.kind[u] === KIND_END) continue;
    const from = g.outStart[u]!;
    const to = g.outStart[u + 1]!;
    const k = to - from;
    if (k === 0) continue;
    if (g.kind[u] === KIND_PARALLEL) {
      for (let s = from; s < to; s++) prob[g.outEdge[s]!] = 1;
      continue;
    }
    if (k === 1 && g.kind[u] !== KIND_DECISION) {
      prob[g.outEdge[from]!] = 1;
      continue;
    }
    let sum = 0;
    let missing = 0;
    let bad = false;
    for (let s = from; s < to; s++) {
      const j = g.outEdge[s]!;
      if (g.hasChance[j] === 0) {
        missing++;
        continue;
      }
      const p = g.chance[j]!;
      if (!Number.isFinite(p) || p < 0 || p > 1) bad = true;
      else sum += p;
    }
    if (bad || sum > 1 + EPS) {
      invalid.push({ node: u, sum });
      assumed.push(u);
      for (let s = from; s < to; s++) prob[g.outEdge[s]!] = 1 / k;
      continue;
    }
    if (missing > 0) {
      assumed.push(u);
      const rest = Math.max(0, 1 - sum) / missing;
      for (let s = from; s < to; s++) {
        const j = g.outEdge[s]!;
        prob[j] = g.hasChance[j] === 0 ? rest : g.chance[j]!;
      }
      continue;
    }
    if (sum < EPS) {
      assumed.push(u);
      for (let s = from; s < to; s++) prob[g.outEdge[s]!] = 1 / k;
      continue;
    }
    if (Math.abs(sum - 1) > EPS) assumed.push(u);
    for (let s = from; s < to; s++) {
      const j = g.outEdge[s]!;
      prob[j] = (g.hasChance[j] === 0 ? 0 : g.chance[j]!) / sum;
    }
  }
  scaleIntoJoins(g, prob);
  return { prob, assumed, invalid };
}

/** A join passes the case on once when it has come in on all k arrows: each carries 1/k. */
function scaleIntoJoins(g: FlowGraph, prob: Float64Array): void {
  for (let v = 0; v < g.n; v++) {
    if (g.kind[v] !== KIND_PARALLEL) continue;
    const from = g.inStart[v]!;
    const k = g.inStart[v + 1]! - from;
    if (k < 2) continue;
    for (let s = from; s < from + k; s++) prob[g.inEdge[s]!]! /= k;
  }
}

import { type FlowGraph, KIND_END } from './buildFlowGraph';
import type { Sccs } from './findSccs';
import { scratch as pool } from './scratch';

/** Expected visits per case, solved per strongly connected component. */
export interface Visits {
  /** Expected visits per node (finite; 0 inside a trapped component). */
  visits: Float64Array;
  /** Chance of visiting each node at least once (for the rework share). */
  firstVisits: Float64Array;
  /** Chance that a case enters each component (components are entered at most once). */
  compEntry: Float64Array;
  /** A component a case can enter but never leave (infinite visits), or -1. */
  trappedComp: number;
  /** A component too large to solve to precision, or -1. */
  unsolvedComp: number;
  /** True when firstVisits are bounds for large loops rather than exact values. */
  approximated: boolean;
}

/** Components up to this size are solved exactly (dense Gauss-Jordan, k^3). */
const DENSE_MAX = 160;
const SWEEP_BUDGET = 40_000_000;
const TINY = 1e-12;

/**
 * Expected visits of the absorbing Markov chain (ends and dead ends absorb). Cases start
 * evenly across the start nodes. Components are solved in topological order of the
 * condensation (the reverse of Tarjan's order), so each one sees its full inflow once:
 * singletons in O(degree), small loops densely, large loops by Gauss-Seidel sweeps.
 * @example solveVisits(g, findSccs(g.n, g.outStart, g.outTarget), prob).visits
 */
export function solveVisits(g: FlowGraph, sccs: Sccs, prob: Float64Array): Visits {
  const { n } = g;
  const visits = new Float64Array(n);
  const firstVisits = pool.float64(n);
  const inflow = pool.float64(n);
  const compEntry = pool.float64(sccs.count);
  const local = pool.int32(n).fill(-1);
  const scratch: Scratch = {
    entered: pool.int32(n),
    queue: pool.int32(n),
    escapes: pool.uint8(n),
    a: new Float64Array(64),
    m: new Float64Array(64),
    range: new Int32Array(24),
  };
  let trappedComp = -1;
  let unsolvedComp = -1;
  let approximated = false;
  const share = g.starts.length > 0 ? 1 / g.starts.length : 0;
  for (let i = 0; i < g.starts.length; i++) inflow[g.starts[i]!]! += share;

  for (let c = sccs.count - 1; c >= 0; c--) {
    const from = sccs.start[c]!;
    const to = sccs.start[c + 1]!;
    let entry = 0;
    for (let k = from; k < to; k++) entry += inflow[sccs.nodes[k]!]!;
    compEntry[c] = entry;
    if (entry <= 0) continue;
    if (to - from === 1) {
      const u = sccs.nodes[from]!;
      let self = 0;
      if (g.kind[u] !== KIND_END) {
        for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
          if (g.outTarget[s] === u) self += prob[g.outEdge[s]!]!;
        }
      }
      if (self >= 1 - TINY) {
        if (trappedComp === -1) trappedComp = c;
        continue;
      }
      visits[u] = inflow[u]! / (1 - self);
      firstVisits[u] = inflow[u]!;
    } else {
      const status = solveComponent(g, sccs, c, prob, inflow, visits, firstVisits, local, scratch);
      if (status === 'trapped') {
        if (trappedComp === -1) trappedComp = c;
        continue;
      }
      if (status === 'unsolved') {
        if (unsolvedComp === -1) unsolvedComp = c;
        continue;
      }
      if (status === 'approximated') approximated = true;
    }
    for (let k = from; k < to; k++) {
      const u = sccs.nodes[k]!;
      const vu = visits[u]!;
      if (vu === 0 || g.kind[u] === KIND_END) continue;
      for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
        const t = g.outTarget[s]!;
        if (sccs.comp[t] !== c) inflow[t]! += vu * prob[g.outEdge[s]!]!;
      }
    }
  }
  return { visits, firstVisits, compEntry, trappedComp, unsolvedComp, approximated };
}

type Status = 'solved' | 'approximated' | 'trapped' | 'unsolved';

/** Buffers reused across components, so many small loops allocate nothing. */
interface Scratch {
  entered: Int32Array;
  queue: Int32Array;
  escapes: Uint8Array;
  a: Float64Array;
  m: Float64Array;
  /** Nonzero column ranges of the rows of `a` and `m` (see solveDense). */
  range: Int32Array;
}

function solveComponent(
  g: FlowGraph,
  sccs: Sccs,
  c: number,
  prob: Float64Array,
  inflow: Float64Array,
  visits: Float64Array,
  firstVisits: Float64Array,
  local: Int32Array,
  scratch: Scratch,
): Status {
  const from = sccs.start[c]!;
  const size = sccs.start[c + 1]! - from;
  const { comp } = sccs;
  // Nodes a case can actually get to inside the component (arrows with a positive chance).
  const { entered, queue, escapes } = scratch;
  let k = 0;
  for (let i = 0; i < size; i++) {
    const u = sccs.nodes[from + i]!;
    if (inflow[u]! > 0) {
      local[u] = k;
      entered[k++] = u;
    }
  }
  for (let h = 0; h < k; h++) {
    const u = entered[h]!;
    if (g.kind[u] === KIND_END) continue;
    for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
      const t = g.outTarget[s]!;
      if (comp[t] === c && local[t] === -1 && prob[g.outEdge[s]!]! > 0) {
        local[t] = k;
        entered[k++] = t;
      }
    }
  }
  // Which of them can leave (an end inside, or an arrow out with a positive chance).
  escapes.fill(0, 0, k);
  let tail = 0;
  for (let i = 0; i < k; i++) {
    const u = entered[i]!;
    let out = g.kind[u] === KIND_END;
    for (let s = g.outStart[u]!; !out && s < g.outStart[u + 1]!; s++) {
      if (comp[g.outTarget[s]!] !== c && prob[g.outEdge[s]!]! > 0) out = true;
    }
    if (out) {
      escapes[i] = 1;
      queue[tail++] = i;
    }
  }
  for (let h = 0; h < tail; h++) {
    const v = entered[queue[h]!]!;
    for (let s = g.inStart[v]!; s < g.inStart[v + 1]!; s++) {
      const u = g.inSource[s]!;
      const lu = local[u]!;
      if (lu >= 0 && comp[u] === c && escapes[lu] === 0 && g.kind[u] !== KIND_END) {
        if (prob[g.inEdge[s]!]! > 0) {
          escapes[lu] = 1;
          queue[tail++] = lu;
        }
      }
    }
  }
  const reset = () => {
    for (let i = 0; i < k; i++) local[entered[i]!] = -1;
  };
  if (tail < k) {
    reset();
    return 'trapped';
  }
  const status =
    k <= DENSE_MAX
      ? solveDense(g, c, comp, prob, inflow, visits, firstVisits, entered, k, local, scratch)
      : solveSweeps(g, c, comp, prob, inflow, visits, firstVisits, entered, k, local);
  reset();
  return status;
}

/**
 * (I - Q)^-1 by Gauss-Jordan: visits = b M, first-visit chance = visits / M_jj.
 *
 * Rework loops are nearly chains, so their rows are mostly zeros. Each row keeps the range
 * of columns outside which it is exactly zero (never written), and a row update only runs
 * over the pivot row's range: the skipped terms are f * 0, which change nothing, so the
 * result is the same as the full elimination's, in far fewer steps for long loops.
 */
function solveDense(
  g: FlowGraph,
  c: number,
  comp: Int32Array,
  prob: Float64Array,
  inflow: Float64Array,
  visits: Float64Array,
  firstVisits: Float64Array,
  entered: Int32Array,
  k: number,
  local: Int32Array,
  scratch: Scratch,
): Status {
  if (scratch.a.length < k * k) {
    scratch.a = new Float64Array(k * k);
    scratch.m = new Float64Array(k * k);
  }
  if (scratch.range.length < 3 * k) scratch.range = new Int32Array(3 * k);
  const { a, m, range } = scratch;
  // Per row: last nonzero column of `a`; first and last nonzero column of `m`.
  const aHi = 0;
  const mLo = k;
  const mHi = 2 * k;
  a.fill(0, 0, k * k);
  m.fill(0, 0, k * k);
  for (let i = 0; i < k; i++) {
    a[i * k + i] = 1;
    m[i * k + i] = 1;
    range[aHi + i] = i;
    range[mLo + i] = i;
    range[mHi + i] = i;
    const u = entered[i]!;
    if (g.kind[u] === KIND_END) continue;
    for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
      const t = g.outTarget[s]!;
      const j = local[t]!;
      if (comp[t] === c && j >= 0) {
        a[i * k + j]! -= prob[g.outEdge[s]!]!;
        if (j > range[aHi + i]!) range[aHi + i] = j;
      }
    }
  }
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) {
      if (Math.abs(a[r * k + col]!) > Math.abs(a[pivot * k + col]!)) pivot = r;
    }
    const pv = a[pivot * k + col]!;
    if (Math.abs(pv) < TINY) return 'trapped';
    if (pivot !== col) {
      for (let x = 0; x < k; x++) {
        const t1 = a[col * k + x]!;
        a[col * k + x] = a[pivot * k + x]!;
        a[pivot * k + x] = t1;
        const t2 = m[col * k + x]!;
        m[col * k + x] = m[pivot * k + x]!;
        m[pivot * k + x] = t2;
      }
      for (let q = 0; q < 3 * k; q += k) {
        const t3 = range[q + col]!;
        range[q + col] = range[q + pivot]!;
        range[q + pivot] = t3;
      }
    }
    // Columns of `a` left of col are already eliminated and never read again.
    const aTo = range[aHi + col]!;
    const mFrom = range[mLo + col]!;
    const mTo = range[mHi + col]!;
    const inv = 1 / pv;
    for (let x = col; x <= aTo; x++) a[col * k + x]! *= inv;
    for (let x = mFrom; x <= mTo; x++) m[col * k + x]! *= inv;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r * k + col]!;
      if (f === 0) continue;
      for (let x = col; x <= aTo; x++) a[r * k + x]! -= f * a[col * k + x]!;
      for (let x = mFrom; x <= mTo; x++) m[r * k + x]! -= f * m[col * k + x]!;
      if (aTo > range[aHi + r]!) range[aHi + r] = aTo;
      if (mFrom < range[mLo + r]!) range[mLo + r] = mFrom;
      if (mTo > range[mHi + r]!) range[mHi + r] = mTo;
    }
  }
  for (let j = 0; j < k; j++) {
    let v = 0;
    for (let i = 0; i < k; i++) v += inflow[entered[i]!]! * m[i * k + j]!;
    const u = entered[j]!;
    const diag = m[j * k + j]!;
    if (!Number.isFinite(v) || v < 0) return 'trapped';
    visits[u] = v;
    firstVisits[u] = diag > 0 ? Math.min(v, v / diag) : v;
  }
  return 'solved';
}

/** Gauss-Seidel on v = b + Q^T v, in flow order, for large loops. */
function solveSweeps(
  g: FlowGraph,
  c: number,
  comp: Int32Array,
  prob: Float64Array,
  inflow: Float64Array,
  visits: Float64Array,
  firstVisits: Float64Array,
  entered: Int32Array,
  k: number,
  local: Int32Array,
): Status {
  let work = 0;
  let entry = 0;
  for (let i = 0; i < k; i++) entry += inflow[entered[i]!]!;
  for (;;) {
    let delta = 0;
    let largest = 0;
    for (let i = 0; i < k; i++) {
      const v = entered[i]!;
      let sum = inflow[v]!;
      let self = 0;
      for (let s = g.inStart[v]!; s < g.inStart[v + 1]!; s++) {
        const u = g.inSource[s]!;
        if (comp[u] !== c || local[u]! < 0 || g.kind[u] === KIND_END) continue;
        const p = prob[g.inEdge[s]!]!;
        if (u === v) self += p;
        else sum += visits[u]! * p;
      }
      work += g.inStart[v + 1]! - g.inStart[v]! + 1;
      const next = self >= 1 - TINY ? 0 : sum / (1 - self);
      const d = Math.abs(next - visits[v]!);
      if (d > delta) delta = d;
      if (next > largest) largest = next;
      visits[v] = next;
    }
    if (delta <= 1e-12 * (1 + largest)) break;
    if (work > SWEEP_BUDGET) {
      for (let i = 0; i < k; i++) visits[entered[i]!] = 0;
      return 'unsolved';
    }
  }
  for (let i = 0; i < k; i++) {
    const u = entered[i]!;
    firstVisits[u] = Math.min(visits[u]!, entry);
  }
  return 'approximated';
}

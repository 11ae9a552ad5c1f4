import { type FlowGraph, KIND_END } from './buildFlowGraph';
import type { Sccs } from './findSccs';
import { scratch as pool } from './scratch';
import { bicgstab } from './solve/bicgstab';
import { gmres } from './solve/gmres';
import { ilu0 } from './solve/ilu0';
import { inverseDiagonal } from './solve/inverseDiagonal';
import { reverseCuthillMcKee } from './solve/reverseCuthillMcKee';
import {
  componentMatrix,
  permute,
  residual as residualOf,
  type SparseMatrix,
  withoutZeros,
} from './solve/SparseMatrix';
import { type LuFactors, luSolve, sparseLu } from './solve/sparseLu';

/** Expected visits per case, solved per strongly connected component. */
export interface Visits {
  /** Expected visits per node (finite; 0 inside a trapped component). */
  visits: Float64Array;
  /**
   * Chance of visiting each node at least once (for the rework share): exact for nodes
   * outside loops and in loops of up to DENSE_MAX steps; for larger loops an upper bound
   * (see firstVisitsBounded).
   */
  firstVisits: Float64Array;
  /** Chance that a case enters each component (components are entered at most once). */
  compEntry: Float64Array;
  /** A component a case can enter but never leave (infinite visits), or -1. */
  trappedComp: number;
  /** A component whose solve broke down (no finite figures), or -1. */
  unsolvedComp: number;
  /**
   * The first component whose solve did not reach a relative residual of RESIDUAL_GOAL
   * (its visits, and everything after it, are approximate), or -1.
   */
  approximateComp: number;
  /** The relative residual approximateComp's solve reached (0 when there is none). */
  approximateResidual: number;
  /** Largest relative residual ||b - (I - Q)^T v|| / ||b|| over the loop components solved. */
  residual: number;
  /**
   * True when the first-visit chances of some loop larger than DENSE_MAX steps are upper
   * bounds (the entry chance of the loop, or the visits), so the rework share is a lower bound.
   */
  firstVisitsBounded: boolean;
}

/**
 * How loops are solved; for tests, which check every method on small maps. `denseMax`:
 * loops up to this many steps are solved densely (default DENSE_MAX). `method`: for larger
 * ones, 'auto' picks by structure (see solveSparse); 'lu', 'band' and 'krylov' force the
 * flow-order LU, the reverse Cuthill-McKee LU or BiCGSTAB (each falls back to the next when
 * it cannot be used).
 */
export interface SolveOptions {
  denseMax?: number;
  method?: 'auto' | 'lu' | 'band' | 'krylov';
}

/** A solve is exact when its relative residual is at most this. */
export const RESIDUAL_GOAL = 1e-9;
/** Components up to this size are solved exactly (dense Gauss-Jordan, k^3). */
const DENSE_MAX = 160;
/** What the iterative solve aims at, well below RESIDUAL_GOAL (its figure is recomputed). */
const KRYLOV_TOLERANCE = 1e-11;
const TINY = 1e-12;

/**
 * Expected visits of the absorbing Markov chain (ends and dead ends absorb). Cases start
 * evenly across the start nodes. Components are solved in topological order of the
 * condensation (the reverse of Tarjan's order), so each one sees its full inflow once:
 * singletons in O(degree), small loops densely, large loops as sparse systems (see
 * solveSparse). Each loop's relative residual is measured on the graph after its solve.
 * @example solveVisits(g, findSccs(g.n, g.outStart, g.outTarget), prob).visits
 */
export function solveVisits(
  g: FlowGraph,
  sccs: Sccs,
  prob: Float64Array,
  options: SolveOptions = {},
): Visits {
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
  let approximateComp = -1;
  let approximateResidual = 0;
  let residual = 0;
  let firstVisitsBounded = false;
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
      const solved = solveComponent(g, sccs, c, prob, inflow, visits, firstVisits, local, scratch, {
        denseMax: options.denseMax ?? DENSE_MAX,
        method: options.method ?? 'auto',
      });
      if (solved.status === 'trapped') {
        if (trappedComp === -1) trappedComp = c;
        continue;
      }
      if (solved.status === 'unsolved') {
        if (unsolvedComp === -1) unsolvedComp = c;
        continue;
      }
      if (solved.residual > residual) residual = solved.residual;
      if (solved.residual > RESIDUAL_GOAL && approximateComp === -1) {
        approximateComp = c;
        approximateResidual = solved.residual;
      }
      if (solved.status === 'bounded') firstVisitsBounded = true;
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
  return {
    visits,
    firstVisits,
    compEntry,
    trappedComp,
    unsolvedComp,
    approximateComp,
    approximateResidual,
    residual,
    firstVisitsBounded,
  };
}

/**
 * 'solved': visits and first-visit chances exact; 'bounded': visits solved, first-visit
 * chances bounded; 'trapped': a case can stay forever; 'unsolved': no finite figures.
 */
type Status = 'solved' | 'bounded' | 'trapped' | 'unsolved';

/** A component's status and the relative residual of its visits. */
interface Solved {
  status: Status;
  residual: number;
}

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
  options: Required<SolveOptions>,
): Solved {
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
  // Breadth first from where cases come in, counting the levels and the arrows inside: how
  // tangled the loop is (see looksTangled).
  const roots = k;
  let depth = 0;
  let levelEnd = k;
  let arcs = 0;
  for (let h = 0; h < k; h++) {
    if (h === levelEnd) {
      depth++;
      levelEnd = k;
    }
    const u = entered[h]!;
    if (g.kind[u] === KIND_END) continue;
    for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
      const t = g.outTarget[s]!;
      if (comp[t] === c && prob[g.outEdge[s]!]! > 0) {
        arcs++;
        if (local[t] === -1) {
          local[t] = k;
          entered[k++] = t;
        }
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
    return { status: 'trapped', residual: 0 };
  }
  const status =
    k <= options.denseMax
      ? solveDense(g, c, comp, prob, inflow, visits, firstVisits, entered, k, local, scratch)
      : solveSparse(
          g,
          c,
          comp,
          prob,
          inflow,
          visits,
          firstVisits,
          entered,
          k,
          local,
          options.method,
          roots === 1 && looksTangled(k, depth, arcs),
        );
  const residual =
    status === 'trapped' || status === 'unsolved'
      ? 0
      : componentResidual(g, c, comp, prob, inflow, visits, entered, k, local);
  reset();
  if (!Number.isFinite(residual)) {
    for (let i = 0; i < k; i++) visits[entered[i]!] = 0;
    return { status: 'unsolved', residual };
  }
  return { status, residual };
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

/**
 * A loop of more than DENSE_MAX steps, as the sparse system (I - Q)^T v = b:
 * 1. a sparse LU in flow order (the order cases first reach the steps), which for chains of
 *    rework loops, overlapping or nested, fills in only where loops overlap;
 * 2. otherwise, when reverse Cuthill-McKee gives a band narrow enough, the LU in that order
 *    (fill-in stays inside the band);
 * 3. otherwise (a tangle with no narrow order, such as a map discovered from an event log)
 *    BiCGSTAB with an ILU(0) preconditioner, and restarted GMRES from where it got to when
 *    BiCGSTAB breaks down.
 * A direct solve is followed by one step of iterative refinement. The chance of reaching
 * step j at least once is v_j / (A^-1)_jj, with the diagonal of the inverse from the LU
 * factors (inverseDiagonal). Without factors (the iterative solve) it gets the bound
 * min(visits, chance of entering the loop): a case reaches a step at most as often as it
 * visits it, and only if it enters the loop.
 */
function solveSparse(
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
  method: Required<SolveOptions>['method'],
  tangle: boolean,
): Status {
  // A tangle (a map discovered from a messy log) is sent straight to the iterative solve:
  // neither direct solve can work there, and trying costs a third of the solve.
  const tangled = method === 'auto' && tangle;
  const a = componentMatrix(g, c, comp, prob, entered, k, local, !tangled);
  const b = pool.float64(k);
  const x = pool.float64(k);
  let entry = 0;
  for (let i = 0; i < k; i++) {
    b[i] = inflow[entered[i]!]!;
    entry += b[i]!;
  }
  const entries = a.rowStart[k]!;
  // Caps on the direct solves: a few times the matrix itself. A chain of rework loops in
  // flow order fills in only where loops overlap (a handful of entries per row); a tangle
  // reaches the cap within its first rows, so trying costs little.
  const maxEntries = 6 * entries + 16 * k;
  const maxWork = 16 * entries + 32 * k;
  const maxBandwidth = Math.floor(maxEntries / (2 * k));
  const lu =
    !tangled && (method === 'auto' || method === 'lu') ? sparseLu(a, maxEntries, maxWork) : null;
  const order =
    lu === null && method !== 'krylov' && !tangled
      ? reverseCuthillMcKee(a, method === 'band' ? k : maxBandwidth)
      : null;
  const banded =
    order !== null && (method === 'band' || order.bandwidth <= maxBandwidth)
      ? permute(a, order.perm, order.inv)
      : null;
  // Fill-in stays inside the band: at most 2 * bandwidth entries a row.
  const bandLu =
    banded === null ? null : sparseLu(banded, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  // (A^-1)_jj, expected visits to step j of a case that starts there, when it comes cheap.
  let returns: Float64Array | null = null;
  // As much as the dense solve may take (DENSE_MAX^3), or a few times the matrix.
  const maxInverseWork = Math.max(DENSE_MAX ** 3, 32 * entries + 64 * k);
  if (lu !== null) {
    directSolve(a, lu, b, x);
    returns = inverseDiagonal(lu, maxInverseWork);
  } else if (order !== null && banded !== null && bandLu !== null) {
    const pb = pool.float64(k);
    const px = pool.float64(k);
    for (let i = 0; i < k; i++) pb[order.inv[i]!] = b[i]!;
    directSolve(banded, bandLu, pb, px);
    for (let i = 0; i < k; i++) x[i] = px[order.inv[i]!]!;
    const permuted = inverseDiagonal(bandLu, maxInverseWork);
    if (permuted !== null) {
      returns = pool.float64(k);
      for (let i = 0; i < k; i++) returns[i] = permuted[order.inv[i]!]!;
    }
  } else {
    const sparse = tangled ? a : withoutZeros(a);
    const f = ilu0(sparse);
    const limit = 20 * Math.ceil(Math.sqrt(k)) + 200;
    const done = bicgstab(sparse, f, b, x, KRYLOV_TOLERANCE, limit);
    if (done.residual > KRYLOV_TOLERANCE) {
      gmres(sparse, f, b, x, KRYLOV_TOLERANCE, limit, Math.min(40, k));
    }
  }
  for (let i = 0; i < k; i++) {
    const u = entered[i]!;
    // Rounding can leave a visit a hair below zero; a visit is never negative.
    const v = Math.max(x[i]!, 0);
    visits[u] = v;
    // Without the diagonal, the bound: a case reaches a step at most as often as it visits
    // it, and only if it enters the loop.
    const back = returns === null ? 0 : returns[i]!;
    firstVisits[u] = back > 0 ? Math.min(v, v / back) : Math.min(v, entry);
  }
  return returns === null ? 'bounded' : 'solved';
}

/**
 * True when a loop of k steps, entered at one step, is a tangle no direct solve can handle:
 * every step is at most `depth` arrows from the entry (breadth first along the arrows), and
 * depth is at most 2 log2 k, so any two steps are within 2 depth of each other without
 * regard to direction and no order gives a bandwidth under (k - 1) / (2 depth) (see
 * reverseCuthillMcKee); that bound is over 16 times the band the direct solves are allowed
 * (from the `arcs` inside). Loops of loops, however many, are deeper (a nested map of 4,096
 * steps: 26 levels) and keep the direct solve with its exact first-visit chances.
 */
function looksTangled(k: number, depth: number, arcs: number): boolean {
  if (depth === 0 || depth > 2 * Math.log2(k)) return false;
  // The direct solves' band (see solveSparse), from the symmetric matrix's entries.
  const entries = k + 2 * arcs;
  const maxBandwidth = Math.floor((6 * entries + 16 * k) / (2 * k));
  return (k - 1) / (2 * depth) > 16 * maxBandwidth;
}

/** x = A^-1 b by the LU factors of A, plus one step of iterative refinement. */
function directSolve(a: SparseMatrix, lu: LuFactors, b: Float64Array, x: Float64Array): void {
  const { k } = a;
  x.set(b.subarray(0, k));
  luSolve(lu, x);
  const r = pool.float64(k);
  residualOf(a, x, b, r);
  luSolve(lu, r);
  for (let i = 0; i < k; i++) x[i]! += r[i]!;
}

/**
 * ||b - (I - Q)^T v|| / ||b|| on one component, read off the graph: the relative residual
 * of the visits just solved, whichever way they were solved.
 */
function componentResidual(
  g: FlowGraph,
  c: number,
  comp: Int32Array,
  prob: Float64Array,
  inflow: Float64Array,
  visits: Float64Array,
  entered: Int32Array,
  k: number,
  local: Int32Array,
): number {
  let rr = 0;
  let bb = 0;
  for (let i = 0; i < k; i++) {
    const v = entered[i]!;
    const b = inflow[v]!;
    let r = b - visits[v]!;
    for (let s = g.inStart[v]!; s < g.inStart[v + 1]!; s++) {
      const u = g.inSource[s]!;
      if (comp[u] !== c || local[u]! < 0 || g.kind[u] === KIND_END) continue;
      r += prob[g.inEdge[s]!]! * visits[u]!;
    }
    rr += r * r;
    bb += b * b;
  }
  return bb > 0 ? Math.sqrt(rr / bb) : 0;
}

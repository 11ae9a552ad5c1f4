import { type FlowGraph, KIND_END } from '../buildFlowGraph';
import { scratch } from '../scratch';

/**
 * A square sparse matrix in compressed rows: the entries of row i are at
 * `rowStart[i] .. rowStart[i+1]` of `col` / `val`, in increasing column order.
 */
export interface SparseMatrix {
  k: number;
  rowStart: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/**
 * A = (I - Q)^T on one loop component, in the order of `members` (local index i is node
 * `members[i]`, and `local[node]` must give it back): row i holds 1 - (chance of the arrows
 * from the node to itself) on the diagonal and -p for each arrow from another member into
 * it (duplicate arrows added together), plus an explicit zero at (i, j) wherever only
 * (j, i) is an arrow, so that the pattern is symmetric. A v = b gives the expected visits
 * v for inflow b. With `symmetric` false, the explicit zeros are left out (what an iterative
 * solve takes; the same as withoutZeros of the symmetric one).
 * @example componentMatrix(g, c, sccs.comp, prob, entered, k, local).rowStart[k]
 */
export function componentMatrix(
  g: FlowGraph,
  c: number,
  comp: Int32Array,
  prob: Float64Array,
  members: Int32Array,
  k: number,
  local: Int32Array,
  symmetric = true,
): SparseMatrix {
  let size = k;
  for (let i = 0; i < k; i++) {
    const v = members[i]!;
    size += g.inStart[v + 1]! - g.inStart[v]! + g.outStart[v + 1]! - g.outStart[v]!;
  }
  const rowStart = scratch.int32(k + 1);
  const col = scratch.int32(size);
  const val = scratch.float64(size);
  const at = scratch.int32(k).fill(-1);
  let nz = 0;
  for (let i = 0; i < k; i++) {
    const v = members[i]!;
    const first = nz;
    col[nz] = i;
    val[nz] = 1;
    at[i] = nz++;
    for (let s = g.inStart[v]!; s < g.inStart[v + 1]!; s++) {
      const u = g.inSource[s]!;
      const j = local[u]!;
      if (j < 0 || comp[u] !== c || g.kind[u] === KIND_END) continue;
      const p = prob[g.inEdge[s]!]!;
      if (p === 0) continue;
      if (at[j]! < first) {
        col[nz] = j;
        val[nz] = 0;
        at[j] = nz++;
      }
      val[at[j]!]! -= p;
    }
    // Explicit zeros where only the transposed entry is nonzero: a structurally symmetric
    // pattern, which the selected inversion of the LU factors needs (inverseDiagonal).
    if (symmetric && g.kind[v] !== KIND_END) {
      for (let s = g.outStart[v]!; s < g.outStart[v + 1]!; s++) {
        const t = g.outTarget[s]!;
        const j = local[t]!;
        if (j < 0 || comp[t] !== c || prob[g.outEdge[s]!]! === 0 || at[j]! >= first) continue;
        col[nz] = j;
        val[nz] = 0;
        at[j] = nz++;
      }
    }
    sortRow(col, val, first, nz);
    rowStart[i + 1] = nz;
  }
  return { k, rowStart, col: col.subarray(0, nz), val: val.subarray(0, nz) };
}

/**
 * P A P^T for the order `perm` (new index r is old index perm[r]; inv is its inverse).
 * @example permute(a, perm, inv).rowStart
 */
export function permute(a: SparseMatrix, perm: Int32Array, inv: Int32Array): SparseMatrix {
  const { k } = a;
  const rowStart = scratch.int32(k + 1);
  const col = scratch.int32(a.col.length);
  const val = scratch.float64(a.col.length);
  let nz = 0;
  for (let r = 0; r < k; r++) {
    const i = perm[r]!;
    const first = nz;
    for (let s = a.rowStart[i]!; s < a.rowStart[i + 1]!; s++) {
      col[nz] = inv[a.col[s]!]!;
      val[nz++] = a.val[s]!;
    }
    sortRow(col, val, first, nz);
    rowStart[r + 1] = nz;
  }
  return { k, rowStart, col, val };
}

/**
 * A without its explicit zeros off the diagonal (for the iterative solves, which gain
 * nothing from them).
 * @example withoutZeros(componentMatrix(g, c, comp, prob, entered, k, local))
 */
export function withoutZeros(a: SparseMatrix): SparseMatrix {
  const { k } = a;
  const rowStart = scratch.int32(k + 1);
  const col = scratch.int32(a.col.length);
  const val = scratch.float64(a.col.length);
  let nz = 0;
  for (let i = 0; i < k; i++) {
    for (let s = a.rowStart[i]!; s < a.rowStart[i + 1]!; s++) {
      if (a.val[s] === 0 && a.col[s] !== i) continue;
      col[nz] = a.col[s]!;
      val[nz++] = a.val[s]!;
    }
    rowStart[i + 1] = nz;
  }
  return { k, rowStart, col, val };
}

/** r = b - A x; returns the 2-norm of r. */
export function residual(
  a: SparseMatrix,
  x: Float64Array,
  b: Float64Array,
  r: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < a.k; i++) {
    let ax = 0;
    for (let s = a.rowStart[i]!; s < a.rowStart[i + 1]!; s++) ax += a.val[s]! * x[a.col[s]!]!;
    const ri = b[i]! - ax;
    r[i] = ri;
    sum += ri * ri;
  }
  return Math.sqrt(sum);
}

/** y = A x. */
export function multiply(a: SparseMatrix, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < a.k; i++) {
    let ax = 0;
    for (let s = a.rowStart[i]!; s < a.rowStart[i + 1]!; s++) ax += a.val[s]! * x[a.col[s]!]!;
    y[i] = ax;
  }
}

/** 2-norm of x[0 .. k). */
export function norm(x: Float64Array, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum);
}

/** Insertion sort of the entries from .. to by column (rows are short). */
function sortRow(col: Int32Array, val: Float64Array, from: number, to: number): void {
  for (let s = from + 1; s < to; s++) {
    const c = col[s]!;
    if (c >= col[s - 1]!) continue;
    const x = val[s]!;
    let t = s - 1;
    while (t >= from && col[t]! > c) {
      col[t + 1] = col[t]!;
      val[t + 1] = val[t]!;
      t--;
    }
    col[t + 1] = c;
    val[t + 1] = x;
  }
}

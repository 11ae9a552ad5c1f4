import { scratch } from '../scratch';
import type { SparseMatrix } from './SparseMatrix';

/**
 * A = L U with L unit lower triangular and U upper triangular, both in compressed rows
 * (U's diagonal kept apart in `diag`; U's rows in increasing column order).
 */
export interface LuFactors {
  k: number;
  lStart: Int32Array;
  lCol: Int32Array;
  lVal: Float64Array;
  uStart: Int32Array;
  uCol: Int32Array;
  uVal: Float64Array;
  diag: Float64Array;
}

/**
 * Sparse LU without pivoting, row by row ("up-looking"): row i of L and U is row i of A
 * minus multiples of the earlier rows of U, taken in increasing column order (a heap keeps
 * the columns left of the diagonal, fill-in included).
 *
 * No pivoting is needed for the matrices solved here: I - Q^T of an absorbing chain (every
 * member can leave) is a nonsingular M-matrix, and Gaussian elimination keeps an M-matrix
 * an M-matrix, so every pivot is positive and no multiplier exceeds what the rows hold.
 * Gives up (returns null) once the factors would hold more than `maxEntries` entries or
 * the elimination more than `maxWork` multiply-adds (or, after row i, more than
 * 4 (i + 1) / k + 1/64 of either): then fill-in has made the direct
 * solve the wrong tool, and the caller tries another order or an iterative solve.
 * @example sparseLu(a, 10 * a.col.length, 1e6)?.diag
 */
export function sparseLu(a: SparseMatrix, maxEntries: number, maxWork: number): LuFactors | null {
  const { k } = a;
  const lStart = scratch.int32(k + 1);
  const uStart = scratch.int32(k + 1);
  // Room for A's own entries and a little fill; grown when the fill needs more. (Taking
  // maxEntries up front would touch megabytes a failed attempt never uses.)
  let room = Math.min(maxEntries, (a.rowStart[k]! >> 1) + 2 * k);
  let lCol = scratch.int32(room);
  let lVal = scratch.float64(room);
  let uCol = scratch.int32(room);
  let uVal = scratch.float64(room);
  const diag = scratch.float64(k);
  const w = scratch.float64(k);
  const mark = scratch.int32(k).fill(-1);
  const heap = scratch.int32(k);
  const upper = scratch.int32(k);
  let ln = 0;
  let un = 0;
  let work = 0;
  for (let i = 0; i < k; i++) {
    let size = 0;
    let ups = 0;
    for (let s = a.rowStart[i]!; s < a.rowStart[i + 1]!; s++) {
      const j = a.col[s]!;
      w[j] = a.val[s]!;
      mark[j] = i;
      if (j < i) size = heapPush(heap, size, j);
      else if (j > i) upper[ups++] = j;
    }
    if (mark[i] !== i) {
      mark[i] = i;
      w[i] = 0;
    }
    while (size > 0) {
      const j = heap[0]!;
      size = heapPop(heap, size);
      const l = w[j]! / diag[j]!;
      if (ln >= room) {
        if (room >= maxEntries) return null;
        room = Math.min(maxEntries, 2 * room);
        lCol = grownInt32(lCol, room);
        lVal = grownFloat64(lVal, room);
        uCol = grownInt32(uCol, room);
        uVal = grownFloat64(uVal, room);
      }
      lCol[ln] = j;
      lVal[ln++] = l;
      // A zero multiplier still carries its row's pattern: the fill-in stays structural, so
      // a structurally symmetric A gives structurally symmetric factors (inverseDiagonal).
      const to = uStart[j + 1]!;
      work += to - uStart[j]!;
      if (work > maxWork) return null;
      for (let s = uStart[j]!; s < to; s++) {
        const m = uCol[s]!;
        if (mark[m] !== i) {
          mark[m] = i;
          w[m] = 0;
          if (m < i) size = heapPush(heap, size, m);
          else if (m > i) upper[ups++] = m;
        }
        w[m]! -= l * uVal[s]!;
      }
    }
    const d = w[i]!;
    if (!(d > 0) || un + ups > maxEntries) return null;
    while (un + ups > room) {
      room = Math.min(maxEntries, 2 * room);
      lCol = grownInt32(lCol, room);
      lVal = grownFloat64(lVal, room);
      uCol = grownInt32(uCol, room);
      uVal = grownFloat64(uVal, room);
    }
    diag[i] = d;
    upper.subarray(0, ups).sort();
    for (let t = 0; t < ups; t++) {
      const m = upper[t]!;
      uCol[un] = m;
      uVal[un++] = w[m]!;
    }
    lStart[i + 1] = ln;
    uStart[i + 1] = un;
    // Fill-in that runs ahead of its share of the caps only grows (rows take in the fill
    // of the rows before them): give up early rather than at the cap.
    const share = (4 * (i + 1)) / k + 1 / 64;
    if (ln + un > share * maxEntries || work > share * maxWork) return null;
  }
  return { k, lStart, lCol, lVal, uStart, uCol, uVal, diag };
}

/**
 * Solves L U x = b in place (b becomes x).
 * @example luSolve(factors, rhs)
 */
export function luSolve(f: LuFactors, x: Float64Array): void {
  const { k } = f;
  for (let i = 0; i < k; i++) {
    let sum = x[i]!;
    for (let s = f.lStart[i]!; s < f.lStart[i + 1]!; s++) sum -= f.lVal[s]! * x[f.lCol[s]!]!;
    x[i] = sum;
  }
  for (let i = k - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let s = f.uStart[i]!; s < f.uStart[i + 1]!; s++) sum -= f.uVal[s]! * x[f.uCol[s]!]!;
    x[i] = sum / f.diag[i]!;
  }
}

function grownInt32(xs: Int32Array, length: number): Int32Array {
  const out = scratch.int32(length);
  out.set(xs);
  return out;
}

function grownFloat64(xs: Float64Array, length: number): Float64Array {
  const out = scratch.float64(length);
  out.set(xs);
  return out;
}

/** Adds j to the min-heap of `size` entries; returns the new size. */
function heapPush(heap: Int32Array, size: number, j: number): number {
  let at = size;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heap[parent]! <= j) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = j;
  return size + 1;
}

/** Removes the smallest entry of the min-heap; returns the new size. */
function heapPop(heap: Int32Array, size: number): number {
  const last = heap[--size]!;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= last) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = last;
  return size;
}

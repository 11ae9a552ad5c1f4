import { scratch } from '../scratch';
import type { SparseMatrix } from './SparseMatrix';

/**
 * ILU(0) of A: L and U on A's own pattern (no fill), stored over a copy of A's values,
 * with the position of each row's diagonal. Rows must be sorted by column and hold their
 * diagonal. For an M-matrix every pivot is positive (Meijerink and van der Vorst, 1977).
 * @example precondition(ilu0(a), y, x)
 */
export interface Ilu0 {
  a: SparseMatrix;
  lu: Float64Array;
  diagAt: Int32Array;
}

export function ilu0(a: SparseMatrix): Ilu0 {
  const { k, rowStart, col } = a;
  const lu = scratch.float64(a.val.length);
  lu.set(a.val.subarray(0, lu.length));
  const diagAt = scratch.int32(k);
  const at = scratch.int32(k).fill(-1);
  for (let i = 0; i < k; i++) {
    const from = rowStart[i]!;
    const to = rowStart[i + 1]!;
    for (let s = from; s < to; s++) at[col[s]!] = s;
    let s = from;
    for (; s < to && col[s]! < i; s++) {
      const j = col[s]!;
      const l = lu[s]! / lu[diagAt[j]!]!;
      lu[s] = l;
      if (l === 0) continue;
      for (let t = diagAt[j]! + 1; t < rowStart[j + 1]!; t++) {
        const m = at[col[t]!]!;
        if (m >= 0) lu[m]! -= l * lu[t]!;
      }
    }
    diagAt[i] = s;
    for (let t = from; t < to; t++) at[col[t]!] = -1;
  }
  return { a, lu, diagAt };
}

/**
 * x = (LU)^-1 y for the ILU(0) factors.
 * @example precondition(ilu0(a), y, x)
 */
export function precondition(f: Ilu0, y: Float64Array, x: Float64Array): void {
  const { rowStart, col, k } = f.a;
  const { lu, diagAt } = f;
  for (let i = 0; i < k; i++) {
    let sum = y[i]!;
    for (let s = rowStart[i]!; s < diagAt[i]!; s++) sum -= lu[s]! * x[col[s]!]!;
    x[i] = sum;
  }
  for (let i = k - 1; i >= 0; i--) {
    let sum = x[i]!;
    const d = diagAt[i]!;
    for (let s = d + 1; s < rowStart[i + 1]!; s++) sum -= lu[s]! * x[col[s]!]!;
    x[i] = sum / lu[d]!;
  }
}

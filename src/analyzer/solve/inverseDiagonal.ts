import { scratch } from '../scratch';
import type { LuFactors } from './sparseLu';

/**
 * The diagonal of A^-1 from the LU factors of A, by Takahashi's recurrences (selected
 * inversion, Erisman and Tinney 1975): with Z = A^-1 and S_j the columns of U's row j right
 * of the diagonal, for j from the last row up,
 *   Z_ij = -sum_{m in S_j} Z_im L_mj,   Z_ji = -sum_{m in S_j} U_jm Z_mi / d_j   (i in S_j),
 *   Z_jj = (1 - sum_{m in S_j} U_jm Z_mj) / d_j.
 * When L's pattern is U's transposed (factors of a structurally symmetric A), S_j is a
 * clique of the filled pattern, so every Z_im read is one computed before: Z is only ever
 * needed on the pattern of the factors, which costs sum_j |S_j|^2 lookups.
 *
 * For the chance of reaching each step of a loop at least once: (A^-1)_jj is the expected
 * number of visits to step j of a case that starts there. Returns null when the factors'
 * patterns are not each other's transpose, or when the work would pass `maxWork`.
 * @example inverseDiagonal(sparseLu(a, cap, cap)!, 1e7)
 */
export function inverseDiagonal(f: LuFactors, maxWork: number): Float64Array | null {
  const { k, uStart, uCol, uVal, lStart, lCol, lVal, diag } = f;
  let work = 0;
  for (let j = 0; j < k; j++) {
    const len = uStart[j + 1]! - uStart[j]!;
    work += len * len;
  }
  if (work > maxWork || lStart[k] !== uStart[k]) return null;
  // L by columns, aligned with U's rows: lT[s] = L_{uCol[s], j} for s in row j.
  const lT = scratch.float64(uStart[k]!);
  for (let m = 0; m < k; m++) {
    for (let s = lStart[m]!; s < lStart[m + 1]!; s++) {
      const at = find(uStart, uCol, lCol[s]!, m);
      if (at < 0) return null;
      lT[at] = lVal[s]!;
    }
  }
  // Z on the pattern: zU[s] = Z_{j, uCol[s]} (upper), zL[s] = Z_{uCol[s], j} (lower).
  const zU = scratch.float64(uStart[k]!);
  const zL = scratch.float64(uStart[k]!);
  const z = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    const from = uStart[j]!;
    const to = uStart[j + 1]!;
    const d = diag[j]!;
    for (let a = from; a < to; a++) {
      const i = uCol[a]!;
      let lower = 0;
      let upper = 0;
      for (let b = from; b < to; b++) {
        const m = uCol[b]!;
        let zim: number;
        let zmi: number;
        if (m === i) {
          zim = z[i]!;
          zmi = zim;
        } else if (i < m) {
          const at = find(uStart, uCol, i, m);
          if (at < 0) return null;
          zim = zU[at]!;
          zmi = zL[at]!;
        } else {
          const at = find(uStart, uCol, m, i);
          if (at < 0) return null;
          zim = zL[at]!;
          zmi = zU[at]!;
        }
        lower += zim * lT[b]!;
        upper += uVal[b]! * zmi;
      }
      zL[a] = -lower;
      zU[a] = -upper / d;
    }
    let sum = 0;
    for (let b = from; b < to; b++) sum += uVal[b]! * zL[b]!;
    z[j] = (1 - sum) / d;
  }
  return z;
}

/** Position of column `c` in U's row `row` (sorted), or -1. */
function find(uStart: Int32Array, uCol: Int32Array, row: number, c: number): number {
  let lo = uStart[row]!;
  let hi = uStart[row + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = uCol[mid]!;
    if (x === c) return mid;
    if (x < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

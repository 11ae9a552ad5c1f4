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
 * needed on the pattern of the factors, which costs sum_j |S_j|^2 steps.
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
  // Position of each column in the row scattered last (rows are read one at a time).
  const pos = scratch.int32(k);
  for (let j = k - 1; j >= 0; j--) {
    const from = uStart[j]!;
    const to = uStart[j + 1]!;
    const d = diag[j]!;
    // zL[a] and zU[a] gather -sum Z_im L_mj and -sum U_jm Z_mi over m in S_j. Each pair
    // i < m of S_j is read once, from row i (m is in S_i: the clique), for both sums.
    for (let a = from; a < to; a++) {
      const i = uCol[a]!;
      zL[a] = z[i]! * lT[a]!;
      zU[a] = uVal[a]! * z[i]!;
    }
    for (let a = from; a < to; a++) {
      const i = uCol[a]!;
      const rowTo = uStart[i + 1]!;
      for (let s = uStart[i]!; s < rowTo; s++) pos[uCol[s]!] = s;
      for (let b = a + 1; b < to; b++) {
        const m = uCol[b]!;
        const at = pos[m]!;
        if (at < uStart[i]! || at >= rowTo || uCol[at] !== m) return null;
        const zim = zU[at]!; // Z_{i,m}
        const zmi = zL[at]!; // Z_{m,i}
        zL[a]! += zim * lT[b]!;
        zU[a]! += uVal[b]! * zmi;
        zL[b]! += zmi * lT[a]!;
        zU[b]! += uVal[a]! * zim;
      }
    }
    let sum = 0;
    for (let a = from; a < to; a++) {
      zL[a] = -zL[a]!;
      zU[a] = -zU[a]! / d;
      sum += uVal[a]! * zL[a]!;
    }
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

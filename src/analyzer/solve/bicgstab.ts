import { scratch } from '../scratch';
import { multiply, norm, residual, type SparseMatrix } from './SparseMatrix';

/** How an iterative solve ended. */
export interface IterativeResult {
  /** ||b - A x|| / ||b||, recomputed from x at the end (not the recurrence's estimate). */
  residual: number;
  iterations: number;
}

/**
 * ILU(0) of A: L and U on A's own pattern (no fill), stored over a copy of A's values,
 * with the position of each row's diagonal. Rows must be sorted by column and hold their
 * diagonal.
 */
interface Ilu0 {
  a: SparseMatrix;
  lu: Float64Array;
  diagAt: Int32Array;
}

function ilu0(a: SparseMatrix): Ilu0 {
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

/** x = (LU)^-1 y for the ILU(0) factors. */
function precondition(f: Ilu0, y: Float64Array, x: Float64Array): void {
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

/**
 * BiCGSTAB with ILU(0) as right preconditioner (van der Vorst 1992) for A x = b, from the
 * x given. Each pass runs until the recurrence's residual is below `tol` ||b|| or it stalls
 * or breaks down; then the true residual b - A x is recomputed and, when still above `tol`,
 * a new pass starts from there (which also removes the drift of the recurrence). At most
 * `maxIterations` in all.
 * @example bicgstab(a, b, x, 1e-12, 2000).residual
 */
export function bicgstab(
  a: SparseMatrix,
  b: Float64Array,
  x: Float64Array,
  tol: number,
  maxIterations: number,
): IterativeResult {
  const { k } = a;
  const f = ilu0(a);
  const r = scratch.float64(k);
  const rHat = scratch.float64(k);
  const p = scratch.float64(k);
  const v = scratch.float64(k);
  const s = scratch.float64(k);
  const t = scratch.float64(k);
  const pHat = scratch.float64(k);
  const sHat = scratch.float64(k);
  const bNorm = norm(b, k);
  if (bNorm === 0) {
    x.fill(0, 0, k);
    return { residual: 0, iterations: 0 };
  }
  let iterations = 0;
  let rNorm = residual(a, x, b, r);
  let best = Number.POSITIVE_INFINITY;
  while (rNorm > tol * bNorm && iterations < maxIterations) {
    // A pass that did not lower the true residual by much has stalled for good.
    if (rNorm > 0.5 * best) break;
    best = rNorm;
    rHat.set(r.subarray(0, k));
    p.fill(0, 0, k);
    v.fill(0, 0, k);
    let rho = 1;
    let alpha = 1;
    let omega = 1;
    while (iterations < maxIterations) {
      iterations++;
      const rho1 = dot(rHat, r, k);
      if (rho1 === 0 || !Number.isFinite(rho1)) break;
      const beta = (rho1 / rho) * (alpha / omega);
      rho = rho1;
      for (let i = 0; i < k; i++) p[i] = r[i]! + beta * (p[i]! - omega * v[i]!);
      precondition(f, p, pHat);
      multiply(a, pHat, v);
      const rv = dot(rHat, v, k);
      if (rv === 0 || !Number.isFinite(rv)) break;
      alpha = rho / rv;
      for (let i = 0; i < k; i++) s[i] = r[i]! - alpha * v[i]!;
      if (norm(s, k) <= tol * bNorm * 0.1) {
        for (let i = 0; i < k; i++) x[i]! += alpha * pHat[i]!;
        break;
      }
      precondition(f, s, sHat);
      multiply(a, sHat, t);
      const tt = dot(t, t, k);
      omega = tt > 0 ? dot(t, s, k) / tt : 0;
      for (let i = 0; i < k; i++) {
        x[i]! += alpha * pHat[i]! + omega * sHat[i]!;
        r[i] = s[i]! - omega * t[i]!;
      }
      if (omega === 0 || norm(r, k) <= tol * bNorm * 0.1) break;
    }
    rNorm = residual(a, x, b, r);
  }
  return { residual: rNorm / bNorm, iterations };
}

function dot(x: Float64Array, y: Float64Array, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += x[i]! * y[i]!;
  return sum;
}

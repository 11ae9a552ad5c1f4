import { scratch } from '../scratch';
import { type Ilu0, precondition } from './ilu0';
import { multiply, norm, residual, type SparseMatrix } from './SparseMatrix';

/** How an iterative solve ended. */
export interface IterativeResult {
  /** ||b - A x|| / ||b||, recomputed from x at the end (not the recurrence's estimate). */
  residual: number;
  iterations: number;
}

/**
 * BiCGSTAB with ILU(0) as right preconditioner (van der Vorst 1992) for A x = b, from the
 * x given. Each pass runs until the recurrence's residual is below `tol` ||b|| or it stalls
 * or breaks down; then the true residual b - A x is recomputed and, when still above `tol`,
 * a new pass starts from there (which also removes the drift of the recurrence). At most
 * `maxIterations` in all. A pass that makes the residual worse (a breakdown) is undone: x
 * is left at the best iterate found.
 * @example bicgstab(a, ilu0(a), b, x, 1e-12, 2000).residual
 */
export function bicgstab(
  a: SparseMatrix,
  f: Ilu0,
  b: Float64Array,
  x: Float64Array,
  tol: number,
  maxIterations: number,
): IterativeResult {
  const { k } = a;
  const r = scratch.float64(k);
  const rHat = scratch.float64(k);
  const p = scratch.float64(k);
  const v = scratch.float64(k);
  const s = scratch.float64(k);
  const t = scratch.float64(k);
  const pHat = scratch.float64(k);
  const sHat = scratch.float64(k);
  const kept = scratch.float64(k);
  const bNorm = norm(b, k);
  if (bNorm === 0) return solvedByZero(x, k);
  let iterations = 0;
  let rNorm = residual(a, x, b, r);
  let best = Number.POSITIVE_INFINITY;
  while (rNorm > tol * bNorm && iterations < maxIterations) {
    // A pass that did not lower the true residual by much has stalled for good.
    if (rNorm > 0.5 * best) break;
    best = rNorm;
    kept.set(x.subarray(0, k));
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
    if (!(rNorm <= best)) {
      x.set(kept.subarray(0, k));
      rNorm = best;
      break;
    }
  }
  return { residual: rNorm / bNorm, iterations };
}

/**
 * x = 0, the solution for b = 0 (every step's inflow is zero).
 * @example if (norm(b, k) === 0) return solvedByZero(x, k);
 */
export function solvedByZero(x: Float64Array, k: number): IterativeResult {
  x.fill(0, 0, k);
  return { residual: 0, iterations: 0 };
}

function dot(x: Float64Array, y: Float64Array, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += x[i]! * y[i]!;
  return sum;
}

import { scratch } from '../scratch';
import { type IterativeResult, solvedByZero } from './bicgstab';
import { type Ilu0, precondition } from './ilu0';
import { multiply, norm, residual, type SparseMatrix } from './SparseMatrix';

/**
 * Restarted GMRES(m) with ILU(0) as right preconditioner (Saad and Schultz 1986), from the
 * x given: the fallback when BiCGSTAB breaks down, as GMRES cannot (its residual never
 * grows). Modified Gram-Schmidt, Givens rotations; each cycle ends by recomputing the true
 * residual. At most `maxIterations` in all.
 * @example gmres(a, ilu0(a), b, x, 1e-12, 2000, 40).residual
 */
export function gmres(
  a: SparseMatrix,
  f: Ilu0,
  b: Float64Array,
  x: Float64Array,
  tol: number,
  maxIterations: number,
  m: number,
): IterativeResult {
  const { k } = a;
  const basis = scratch.float64((m + 1) * k);
  const h = new Float64Array((m + 1) * m);
  const cs = new Float64Array(m);
  const sn = new Float64Array(m);
  const g = new Float64Array(m + 1);
  const y = new Float64Array(m);
  const r = scratch.float64(k);
  const z = scratch.float64(k);
  const w = scratch.float64(k);
  const bNorm = norm(b, k);
  if (bNorm === 0) return solvedByZero(x, k);
  let iterations = 0;
  let rNorm = residual(a, x, b, r);
  while (rNorm > tol * bNorm && iterations < maxIterations) {
    g.fill(0);
    g[0] = rNorm;
    for (let i = 0; i < k; i++) basis[i] = r[i]! / rNorm;
    let j = 0;
    for (; j < m && iterations < maxIterations; j++) {
      iterations++;
      precondition(f, basis.subarray(j * k, (j + 1) * k), z);
      multiply(a, z, w);
      for (let i = 0; i <= j; i++) {
        const v = basis.subarray(i * k, (i + 1) * k);
        let d = 0;
        for (let t = 0; t < k; t++) d += w[t]! * v[t]!;
        h[i * m + j] = d;
        for (let t = 0; t < k; t++) w[t]! -= d * v[t]!;
      }
      const wn = norm(w, k);
      h[(j + 1) * m + j] = wn;
      if (wn > 0) {
        const next = basis.subarray((j + 1) * k, (j + 2) * k);
        for (let t = 0; t < k; t++) next[t] = w[t]! / wn;
      }
      for (let i = 0; i < j; i++) {
        const a1 = h[i * m + j]!;
        const a2 = h[(i + 1) * m + j]!;
        h[i * m + j] = cs[i]! * a1 + sn[i]! * a2;
        h[(i + 1) * m + j] = -sn[i]! * a1 + cs[i]! * a2;
      }
      const a1 = h[j * m + j]!;
      const a2 = h[(j + 1) * m + j]!;
      const rho = Math.hypot(a1, a2);
      cs[j] = rho > 0 ? a1 / rho : 1;
      sn[j] = rho > 0 ? a2 / rho : 0;
      h[j * m + j] = rho;
      h[(j + 1) * m + j] = 0;
      g[j + 1] = -sn[j]! * g[j]!;
      g[j] = cs[j]! * g[j]!;
      if (Math.abs(g[j + 1]!) <= tol * bNorm * 0.1 || wn === 0) {
        j++;
        break;
      }
    }
    // y = H^-1 g (upper triangular), then x += M^-1 (V y).
    for (let i = j - 1; i >= 0; i--) {
      let sum = g[i]!;
      for (let t = i + 1; t < j; t++) sum -= h[i * m + t]! * y[t]!;
      y[i] = h[i * m + i]! !== 0 ? sum / h[i * m + i]! : 0;
    }
    w.fill(0, 0, k);
    for (let i = 0; i < j; i++) {
      const v = basis.subarray(i * k, (i + 1) * k);
      const yi = y[i]!;
      for (let t = 0; t < k; t++) w[t]! += yi * v[t]!;
    }
    precondition(f, w, z);
    for (let t = 0; t < k; t++) x[t]! += z[t]!;
    const before = rNorm;
    rNorm = residual(a, x, b, r);
    if (!(rNorm < before)) break;
  }
  return { residual: rNorm / bNorm, iterations };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random } from '../../../bench/random';
import { bicgstab } from './bicgstab';
import { gmres } from './gmres';
import { ilu0 } from './ilu0';
import type { SparseMatrix } from './SparseMatrix';
import { luSolve, sparseLu } from './sparseLu';

/**
 * A = I - Q^T for a random sub-stochastic Q on k states (each row of Q sends a share of at
 * most 0.95 to up to four other states): the shape of a loop's visit equations. Rows in
 * column order, with the symmetric pattern the direct solves expect.
 */
function loopMatrix(k: number, seed: number): { a: SparseMatrix; dense: Float64Array } {
  const rnd = random(seed);
  const dense = new Float64Array(k * k);
  for (let i = 0; i < k; i++) dense[i * k + i] = 1;
  for (let from = 0; from < k; from++) {
    const out = 1 + Math.floor(rnd() * 4);
    const stay = 0.5 + rnd() * 0.45;
    for (let o = 0; o < out; o++) {
      let to = Math.floor(rnd() * k);
      if (to === from) to = (to + 1) % k;
      dense[to * k + from]! -= stay / out; // row `to` of (I - Q)^T
    }
  }
  const rowStart = new Int32Array(k + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (dense[i * k + j] !== 0 || dense[j * k + i] !== 0) {
        col.push(j);
        val.push(dense[i * k + j]!);
      }
    }
    rowStart[i + 1] = col.length;
  }
  return { a: { k, rowStart, col: Int32Array.from(col), val: Float64Array.from(val) }, dense };
}

/** x of dense A x = b by Gaussian elimination with partial pivoting. */
function denseSolve(dense: Float64Array, b: Float64Array, k: number): Float64Array {
  const m = Float64Array.from(dense);
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r * k + c]!) > Math.abs(m[p * k + c]!)) p = r;
    if (p !== c) {
      for (let j = 0; j < k; j++) [m[c * k + j], m[p * k + j]] = [m[p * k + j]!, m[c * k + j]!];
      [x[c], x[p]] = [x[p]!, x[c]!];
    }
    for (let r = c + 1; r < k; r++) {
      const f = m[r * k + c]! / m[c * k + c]!;
      if (f === 0) continue;
      for (let j = c; j < k; j++) m[r * k + j]! -= f * m[c * k + j]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let j = r + 1; j < k; j++) s -= m[r * k + j]! * x[j]!;
    x[r] = s / m[r * k + r]!;
  }
  return x;
}

/** The largest difference from `want`, relative to want's largest entry. */
function relativeError(got: Float64Array, want: Float64Array): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
    scale = Math.max(scale, Math.abs(want[i]!));
  }
  return worst / scale;
}

describe('the loop solvers, each on its own', () => {
  it('BiCGSTAB, restarted GMRES (both with ILU(0)) and the sparse LU agree with a dense solve', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 120 }),
        fc.integer({ min: 1, max: 10_000 }),
        (k, seed) => {
          const { a, dense } = loopMatrix(k, seed);
          const b = new Float64Array(k);
          b[seed % k] = 1; // cases enter the loop at one step
          const want = denseSolve(dense, b, k);
          const f = ilu0(a);

          const viaBicgstab = new Float64Array(k);
          const bi = bicgstab(a, f, b, viaBicgstab, 1e-12, 2000);
          expect(bi.residual).toBeLessThanOrEqual(1e-9);
          expect(relativeError(viaBicgstab, want)).toBeLessThan(1e-7);

          // GMRES, the fallback when BiCGSTAB breaks down, with a small restart length so
          // that it restarts on the larger systems.
          const viaGmres = new Float64Array(k);
          const gm = gmres(a, f, b, viaGmres, 1e-12, 4000, 8);
          expect(gm.residual).toBeLessThanOrEqual(1e-9);
          expect(relativeError(viaGmres, want)).toBeLessThan(1e-7);

          const lu = sparseLu(a, 1_000_000, 100_000_000);
          if (lu === null) throw new Error('the LU should fit its caps');
          const viaLu = Float64Array.from(b);
          luSolve(lu, viaLu);
          expect(relativeError(viaLu, want)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('GMRES goes on from where a failed solve left x, and keeps a zero right-hand side at zero', () => {
    const { a, dense } = loopMatrix(60, 7);
    const b = new Float64Array(60).fill(1 / 60);
    const want = denseSolve(dense, b, 60);
    const x = new Float64Array(60).fill(3); // a poor start
    expect(gmres(a, ilu0(a), b, x, 1e-12, 4000, 5).residual).toBeLessThanOrEqual(1e-9);
    expect(relativeError(x, want)).toBeLessThan(1e-7);
    const zero = new Float64Array(60).fill(2);
    expect(gmres(a, ilu0(a), new Float64Array(60), zero, 1e-12, 100, 5).residual).toBe(0);
    expect([...zero].every((v) => v === 0)).toBe(true);
  });
});

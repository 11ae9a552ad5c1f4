import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/random';
import type { MapEdge, MapNode, ProcessMap } from '../model';
import { analyze } from './analyze';
import { branchProbabilities } from './branchProbabilities';
import { buildFlowGraph, type FlowGraph, KIND_END } from './buildFlowGraph';
import { findSccs } from './findSccs';
import { visitsResidual } from './solve/visitsResidual';
import { type SolveOptions, solveVisits } from './solveVisits';
import { generatedMap, nestedMap, spaghettiMap, tangledMap } from './testing/hardMaps';

/**
 * A random map of `size` steps: a start, steps in a row (a third of them decisions), each
 * with an arrow on, decisions with one to three more arrows anywhere (back arrows make
 * loops that overlap), a few ends; chances given on some decisions.
 */
function randomMap(size: number, seed: number): ProcessMap {
  const rnd = random(seed);
  const ends = 1 + Math.floor(rnd() * 3);
  const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'S', position: { x: 0, y: 0 } }];
  const edges: MapEdge[] = [{ id: 'e-s', source: 's', target: 'n0' }];
  const position = { x: 0, y: 0 };
  for (let i = 0; i < size; i++) {
    const decision = rnd() < 0.35;
    const durationMinutes = Math.floor(rnd() * 30);
    nodes.push({
      id: `n${i}`,
      kind: decision ? 'decision' : 'action',
      label: `N${i}`,
      position,
      durationMinutes,
    });
    const next = i + 1 < size ? `n${i + 1}` : `end${Math.floor(rnd() * ends)}`;
    edges.push({ id: `f${i}`, source: `n${i}`, target: next, label: 'Yes' });
    if (!decision) continue;
    const more = 1 + Math.floor(rnd() * 3);
    for (let m = 0; m < more; m++) {
      const r = rnd();
      const target = r < 0.15 ? `end${Math.floor(rnd() * ends)}` : `n${Math.floor(rnd() * size)}`;
      const edge: MapEdge = { id: `b${i}-${m}`, source: `n${i}`, target, label: `No ${m}` };
      if (rnd() < 0.5) edge.probability = Math.round(rnd() * 40) / 100;
      edges.push(edge);
    }
  }
  for (let e = 0; e < ends; e++) nodes.push({ id: `end${e}`, kind: 'end', label: 'E', position });
  return generatedMap('random', nodes, edges);
}

/**
 * Expected visits by a dense solve of (I - Q)^T v = b over the nodes a case can reach
 * (Gaussian elimination with partial pivoting), or null when a case can be trapped.
 */
function denseVisits(g: FlowGraph, prob: Float64Array): Float64Array | null {
  const reached = new Int32Array(g.n).fill(-1);
  const order: number[] = [];
  for (let i = 0; i < g.starts.length; i++) {
    const s = g.starts[i]!;
    if (reached[s] === -1) {
      reached[s] = order.length;
      order.push(s);
    }
  }
  for (let h = 0; h < order.length; h++) {
    const u = order[h]!;
    if (g.kind[u] === KIND_END) continue;
    for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
      const t = g.outTarget[s]!;
      if (reached[t] === -1 && prob[g.outEdge[s]!]! > 0) {
        reached[t] = order.length;
        order.push(t);
      }
    }
  }
  const k = order.length;
  const m = new Float64Array(k * (k + 1));
  for (let i = 0; i < k; i++) m[i * (k + 1) + i] = 1;
  for (let i = 0; i < g.starts.length; i++)
    m[reached[g.starts[i]!]! * (k + 1) + k]! += 1 / g.starts.length;
  for (let j = 0; j < k; j++) {
    const u = order[j]!;
    if (g.kind[u] === KIND_END) continue;
    for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
      const i = reached[g.outTarget[s]!]!;
      if (i >= 0) m[i * (k + 1) + j]! -= prob[g.outEdge[s]!]!;
    }
  }
  for (let col = 0; col < k; col++) {
    let p = col;
    for (let r = col + 1; r < k; r++)
      if (Math.abs(m[r * (k + 1) + col]!) > Math.abs(m[p * (k + 1) + col]!)) p = r;
    if (Math.abs(m[p * (k + 1) + col]!) < 1e-12) return null;
    for (let x = 0; x <= k; x++) {
      const t = m[col * (k + 1) + x]!;
      m[col * (k + 1) + x] = m[p * (k + 1) + x]!;
      m[p * (k + 1) + x] = t;
    }
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = m[r * (k + 1) + col]! / m[col * (k + 1) + col]!;
      if (f === 0) continue;
      for (let x = col; x <= k; x++) m[r * (k + 1) + x]! -= f * m[col * (k + 1) + x]!;
    }
  }
  const v = new Float64Array(g.n);
  for (let i = 0; i < k; i++) {
    const x = m[i * (k + 1) + k]! / m[i * (k + 1) + i]!;
    if (!(x >= -1e-9) || !Number.isFinite(x)) return null;
    v[order[i]!] = x;
  }
  return v;
}

const METHODS: SolveOptions[] = [
  {},
  { denseMax: 1, method: 'auto' },
  { denseMax: 1, method: 'lu' },
  { denseMax: 1, method: 'band' },
  { denseMax: 1, method: 'krylov' },
];

describe('solveVisits', () => {
  it('agrees with a dense exact solve to 1e-9 relative on random maps up to 200 steps, by every method', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (size, seed) => {
        const g = buildFlowGraph(randomMap(size, seed));
        const { prob } = branchProbabilities(g);
        const expected = denseVisits(g, prob);
        const sccs = findSccs(g.n, g.outStart, g.outTarget);
        // Dense Gauss-Jordan (loops up to 160 steps) gives exact first-visit chances too.
        const reference = solveVisits(g, sccs, prob, { denseMax: 1000 });
        for (const options of METHODS) {
          const got = solveVisits(g, sccs, prob, options);
          if (expected === null) {
            expect(got.trappedComp).not.toBe(-1);
            continue;
          }
          expect(got.trappedComp).toBe(-1);
          expect(got.approximateComp).toBe(-1);
          let scale = 0;
          for (let u = 0; u < g.n; u++) scale = Math.max(scale, Math.abs(expected[u]!));
          for (let u = 0; u < g.n; u++) {
            expect(Math.abs(got.visits[u]! - expected[u]!)).toBeLessThanOrEqual(1e-9 * scale);
            // The chance of a first visit never exceeds the visits.
            expect(got.firstVisits[u]!).toBeLessThanOrEqual(got.visits[u]! * (1 + 1e-12));
            if (!got.firstVisitsBounded) {
              expect(Math.abs(got.firstVisits[u]! - reference.firstVisits[u]!)).toBeLessThanOrEqual(
                1e-9 * scale,
              );
            }
          }
          // The band LU always applies, and gives exact first-visit chances (selected inversion).
          if (options.method === 'band') {
            expect(got.firstVisitsBounded).toBe(false);
          }
          compared++;
        }
      }),
      { numRuns: 120 },
    );
    expect(compared).toBeGreaterThan(100);
  }, 60_000);

  it('solves tangled and spaghetti maps up to 5,000 steps to a residual of at most 1e-9', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tangled', 'spaghetti', 'nested'),
        fc.integer({ min: 200, max: 5000 }),
        fc.integer({ min: 1, max: 1000 }),
        (kind, size, seed) => {
          const map =
            kind === 'tangled'
              ? tangledMap(size, 2 + (seed % 12), seed)
              : kind === 'spaghetti'
                ? spaghettiMap(size, seed)
                : nestedMap(size, 1 + (seed % 6), seed);
          const g = buildFlowGraph(map);
          const { prob } = branchProbabilities(g);
          const got = solveVisits(g, findSccs(g.n, g.outStart, g.outTarget), prob);
          expect(got.trappedComp).toBe(-1);
          expect(got.approximateComp).toBe(-1);
          expect(got.residual).toBeLessThanOrEqual(1e-9);
          expect(visitsResidual(map, got.visits)).toBeLessThanOrEqual(1e-9);
          // Chains of loops are solved directly, with exact first-visit chances.
          if (kind !== 'spaghetti') expect(got.firstVisitsBounded).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('sends a 20,000-step tangle straight to the iterative solve, with the same visits as trying the direct solves first; loops of loops keep the direct solve', () => {
    const solve = (map: ReturnType<typeof spaghettiMap>, method: 'auto' | 'lu') => {
      const g = buildFlowGraph(map);
      const { prob } = branchProbabilities(g);
      return { map, got: solveVisits(g, findSccs(g.n, g.outStart, g.outTarget), prob, { method }) };
    };
    const tangle = spaghettiMap(20_000, 3);
    const direct = solve(tangle, 'auto').got;
    const tried = solve(tangle, 'lu').got;
    expect(direct.residual).toBeLessThanOrEqual(1e-9);
    expect(visitsResidual(tangle, direct.visits)).toBeLessThanOrEqual(1e-9);
    let worst = 0;
    for (let i = 0; i < direct.visits.length; i++) {
      const scale = Math.max(1e-12, Math.abs(tried.visits[i]!));
      worst = Math.max(worst, Math.abs(direct.visits[i]! - tried.visits[i]!) / scale);
    }
    expect(worst).toBeLessThan(1e-6);
    for (const map of [nestedMap(20_000, 6, 5), tangledMap(20_000, 7, 7)]) {
      expect(solve(map, 'auto').got.firstVisitsBounded).toBe(false);
    }
  }, 60_000);

  it('bounds the chance of reaching each step at least once from above where a loop is solved iteratively, so the rework share given is at most the true one', () => {
    let bounded = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 400 }),
        fc.integer({ min: 1, max: 1000 }),
        (size, seed) => {
          const map = spaghettiMap(size, seed);
          const g = buildFlowGraph(map);
          const { prob } = branchProbabilities(g);
          const sccs = findSccs(g.n, g.outStart, g.outTarget);
          const got = solveVisits(g, sccs, prob);
          // The dense solve of the whole loop gives the exact first-visit chances.
          const exact = solveVisits(g, sccs, prob, { denseMax: 100_000 });
          expect(exact.firstVisitsBounded).toBe(false);
          if (!got.firstVisitsBounded) return;
          bounded++;
          let rework = 0;
          let cycle = 0;
          for (let u = 0; u < g.n; u++) {
            expect(got.firstVisits[u]!).toBeGreaterThanOrEqual(exact.firstVisits[u]! - 1e-9);
            expect(got.firstVisits[u]!).toBeLessThanOrEqual(got.visits[u]! + 1e-9);
            const d = g.duration[u]!;
            cycle += exact.visits[u]! * d;
            rework += (exact.visits[u]! - exact.firstVisits[u]!) * d;
          }
          const { metrics } = analyze(map);
          if (!metrics.available) throw new Error(metrics.unavailableReason);
          expect(metrics.precision.reworkShare).toBe('lower-bound');
          expect(metrics.reworkShare).toBeLessThanOrEqual(rework / cycle + 1e-9);
        },
      ),
      { numRuns: 12 },
    );
    expect(bounded).toBeGreaterThan(6);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { analyze } from './analyze';
import { nodeFigure } from './nodeFigure';
import { nearTrapMap, tangledMap } from './testing/hardMaps';
import { mapOf } from './testing/mapOf';

describe('analyze metrics', () => {
  it('solves the example: rework loop visits, cycle time, rework share, longest path', () => {
    const { metrics } = analyze(exampleMap());
    if (!metrics.available) throw new Error(metrics.unavailableReason);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'a')).toBeCloseTo(1 / 0.9, 10);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'r')).toBeCloseTo(0.1 / 0.9, 10);
    expect(nodeFigure(metrics, metrics.expectedMinutesPerCase, 'p')).toBeCloseTo(15, 10);
    expect(metrics.cycleTimeMinutes).toBeCloseTo(5 / 0.9 + 10 * (0.1 / 0.9) + 15, 10);
    expect(metrics.endProbabilities).toEqual({ e: 1 });
    // Rework: a's second and later passes (5 min x 0.111) and r's (10 min x (0.111 - 0.1)).
    expect(metrics.reworkShare * metrics.cycleTimeMinutes).toBeCloseTo(
      5 * (1 / 0.9 - 1) + 10 * (0.1 / 0.9 - 0.1),
      10,
    );
    expect(metrics.assumedProbabilities).toEqual(['d']);
    expect(metrics.longestPath).toEqual({ nodeIds: ['s', 'a', 'd', 'p', 'e'], minutes: 20 });
  });

  it('splits missing chances equally and reports the chance of each end', () => {
    const map = mapOf('s:s d:d a:e b:e c:e', 's>d d>a:1 d>b:2 d>c:3');
    map.edges[1]!.probability = 0.5;
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error(metrics.unavailableReason);
    expect(metrics.endProbabilities.a).toBeCloseTo(0.5);
    expect(metrics.endProbabilities.b).toBeCloseTo(0.25);
    expect(metrics.endProbabilities.c).toBeCloseTo(0.25);
  });

  it('reports an end whose id is "__proto__" like any other end', () => {
    const map = mapOf('s:s d:d a:e b:e', 's>d d>a:1 d>b:2');
    map.nodes[2]!.id = '__proto__';
    map.edges[1]!.target = '__proto__';
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error(metrics.unavailableReason);
    expect(Object.entries(metrics.endProbabilities).sort()).toEqual([
      ['__proto__', 0.5],
      ['b', 0.5],
    ]);
    expect(JSON.parse(JSON.stringify(metrics.endProbabilities))).toEqual({
      ['__proto__']: 0.5,
      b: 0.5,
    });
  });

  it('calls the figures approximate only when a loop truly cannot be solved, naming the loop and the residual it reached', () => {
    // Cases leave the loop once in 100 million passes: visits of ~1e8 per step are past
    // what double precision can solve to a relative residual of 1e-9.
    const { metrics } = analyze(nearTrapMap(400));
    if (!metrics.available) throw new Error(metrics.unavailableReason);
    expect(metrics.precision.visits).toBe('approximate');
    expect(metrics.precision.reworkShare).toBe('approximate');
    const unconverged = metrics.precision.unconverged;
    expect(unconverged?.nodeIds).toHaveLength(400);
    expect(unconverged?.nodeIds).toContain('n0');
    expect(unconverged?.residual).toBeGreaterThan(1e-9);
    expect(metrics.notes).toContain(
      `The figures are approximate: the expected visits in the loop through 'Step 0', 'Step 1', 'Step 2' and 397 more did not converge (relative residual ${unconverged?.residual.toExponential(1)}).`,
    );
    // The same chain with a real exit is solved exactly, with no such note.
    const exact = analyze(tangledMap(400)).metrics;
    if (!exact.available) throw new Error(exact.unavailableReason);
    expect(exact.precision).toMatchObject({
      visits: 'exact',
      reworkShare: 'exact',
      unconverged: null,
    });
    expect(exact.precision.residual).toBeLessThanOrEqual(1e-9);
    expect(exact.notes.join(' ')).not.toMatch(/approximate/);
  });

  it('is unavailable, with a reason, when a case can be trapped', () => {
    const { metrics } = analyze(mapOf('s:s d:d b:a c:a e:e', 's>d d>e:Yes d>b:No b>c c>b'));
    expect(metrics.available).toBe(false);
    if (!metrics.available) expect(metrics.unavailableReason).toContain("'b'");
  });

  it('is unavailable without a start or an end, and for an empty map', () => {
    expect(analyze(mapOf('a:a e:e', 'a>e')).metrics.available).toBe(false);
    expect(analyze(mapOf('s:s a:a', 's>a')).metrics.available).toBe(false);
    expect(analyze(mapOf('')).metrics.available).toBe(false);
    expect(analyze(mapOf('')).findings).toEqual([]);
  });

  it('counts cases that stop at a dead end', () => {
    const { metrics } = analyze(mapOf('s:s d:d b:a e:e', 's>d d>e:Yes d>b:No'));
    if (!metrics.available) throw new Error(metrics.unavailableReason);
    expect(metrics.stuckProbability).toBeCloseTo(0.5);
    expect(metrics.endProbabilities.e).toBeCloseTo(0.5);
  });

  it('ignores repeated node ids and arrows to missing nodes', () => {
    const map = mapOf('s:s a:a e:e a:d', 's>a a>e a>ghost ghost>e');
    const report = analyze(map);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.metrics.available).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessMap } from '../model';
import { analyze } from './analyze';
import { blockLeadTime } from './blockLeadTime';
import { branchProbabilities } from './branchProbabilities';
import { buildFlowGraph, KIND_PARALLEL } from './buildFlowGraph';
import { checkCases } from './checkCases';
import { estimateLeadTime } from './estimateLeadTime';
import { scratch } from './scratch';
import { mapOf } from './testing/mapOf';
import { propertyRuns } from './testing/propertyRuns';
import { structuredMap } from './testing/structuredMap';

/** Sets each action's and decision's minutes; the others stay without. */
function timed(map: ProcessMap, minutes: Record<string, number>): ProcessMap {
  for (const n of map.nodes) {
    if ((n.kind === 'action' || n.kind === 'decision') && minutes[n.id] !== undefined) {
      n.durationMinutes = minutes[n.id];
    }
  }
  return map;
}

describe('lead time on maps with loops', () => {
  it('a rework loop inside one branch: the block takes its longest branch, by expected time', () => {
    // Pick (30 min) is checked and redone half the time: 2 passes, 60 min expected;
    // Invoice (45 min) runs beside it; then Ship (10 min).
    const map = timed(
      mapOf(
        's:s p:p a:a:Pick d:d:Right? b:a:Invoice j:p w:a:Ship e:e',
        's>p p>a a>d d>j:Yes d>a:No p>b b>j j>w w>e',
      ),
      { a: 30, b: 45, w: 10 },
    );
    for (const edge of map.edges) if (edge.source === 'd') edge.probability = 0.5;
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error('metrics should be available');
    expect(metrics.cycleTimeMinutes).toBeCloseTo(115, 9);
    expect(metrics.leadTime?.minutes).toBeCloseTo(70, 9);
    // The number of passes is uncertain: the longest branch is only an estimate.
    expect(metrics.leadTime?.estimate).toBe(true);
  });

  it('a loop back around a whole block: each pass takes the block’s longest branch', () => {
    // Kickoff, then Design (20) beside Budget (50), then a review that sends the case back to
    // the kickoff a quarter of the time: 4/3 passes of 5 + 50 + 5 minutes.
    const map = timed(
      mapOf(
        's:s k:a:Kickoff p:p x:a:Design y:a:Budget j:p r:d:Approved? e:e',
        's>k k>p p>x p>y x>j y>j j>r r>e:Yes r>k:No',
      ),
      { k: 5, x: 20, y: 50, r: 5 },
    );
    for (const edge of map.edges) {
      if (edge.source === 'r') edge.probability = edge.target === 'e' ? 0.75 : 0.25;
    }
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error('metrics should be available');
    expect(metrics.cycleTimeMinutes).toBeCloseTo((4 / 3) * 80, 9);
    expect(metrics.leadTime?.minutes).toBeCloseTo((4 / 3) * 60, 9);
    // Each branch is one step: no uncertainty inside the block.
    expect(metrics.leadTime?.estimate).toBe(false);
  });

  it('is not given where a parallel step is not part of a block its branches check', () => {
    // A branch splits again and its two branches go straight to the outer join: sound, but
    // told so only by playing it, not by its branches.
    const map = timed(
      mapOf(
        's:s k:a p:p a:a q:p c:a x:a b:a j:p r:d e:e',
        's>k k>p p>a p>b a>q q>c q>x c>j x>j b>j j>r r>e:Yes r>k:No',
      ),
      { k: 5, a: 10, b: 10, c: 10, x: 10, r: 5 },
    );
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error('metrics should be available');
    expect(metrics.cycleTimeMinutes).toBeGreaterThan(0);
    expect(metrics.leadTime).toBeNull();
  });

  it('agrees with the step-by-step reading on every loop-free map built of such blocks', () => {
    // Choices 30-44 draw a rework loop and below 8 a mistake: both are moved out of the way.
    const loopFree = fc
      .array(fc.nat(99), { minLength: 40, maxLength: 40 })
      .map((cs) => cs.map((c) => (c < 8 ? c + 8 : c >= 30 && c < 45 ? c + 15 : c)));
    let compared = 0;
    fc.assert(
      fc.property(loopFree, fc.array(fc.nat(120), { minLength: 8, maxLength: 8 }), (cs, mins) => {
        const map = structuredMap(cs);
        map.nodes.forEach((n, i) => {
          if (n.kind === 'action' || n.kind === 'decision') n.durationMinutes = mins[i % 8]! + 1;
        });
        scratch.run(() => {
          const g = buildFlowGraph(map);
          const { chains } = checkCases(g);
          const covered = new Set(chains.flatMap((c) => [c.split, c.join]));
          for (let v = 0; v < g.n; v++) if (g.kind[v] === KIND_PARALLEL && !covered.has(v)) return;
          const { metrics } = analyze(map);
          if (!metrics.available) return;
          const visits = Float64Array.from(metrics.expectedVisits);
          const byBlocks = blockLeadTime(g, visits, chains);
          const byOrder = estimateLeadTime(g, branchProbabilities(g).prob, visits, chains);
          if (byOrder === null || byBlocks === null) {
            expect(byBlocks).toEqual(byOrder);
            return;
          }
          compared++;
          expect(byBlocks.minutes).toBeCloseTo(byOrder.minutes, 6);
        });
      }),
      propertyRuns(300, 3),
    );
    expect(compared).toBeGreaterThan(100);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../model';
import { analyze } from '../analyze';
import { buildFlowGraph, KIND_PARALLEL } from '../buildFlowGraph';
import { checkCases } from '../checkCases';
import { bruteForceCases, bruteForceMustRun } from '../testing/bruteForceCases';
import { propertyRuns } from '../testing/propertyRuns';
import { structuredMap } from '../testing/structuredMap';

// Must-pass against the token game itself: a step is one when no case that finishes can
// avoid it. Checked on maps built as people structure work (nested parallel blocks,
// either/ors, rework, and the usual mistakes).

const choices = fc.array(fc.nat(99), { minLength: 40, maxLength: 40 });
/** Half the maps as drawn, half with none of the mistakes (choices below 8 draw them). */
const arbStructured = fc.oneof(
  choices.map((cs) => structuredMap(cs)),
  choices.map((cs) => structuredMap(cs.map((c) => (c < 8 ? c + 8 : c)))),
);

/** The steps the report names as must-pass. */
function reported(map: ProcessMap): string[] {
  return analyze(map)
    .findings.filter((f) => f.rule === 'must-pass')
    .flatMap((f) => f.nodeIds)
    .sort();
}

/** Steps a finishing case may run (some case runs them, and they lead on to an end). */
function live(map: ProcessMap): Set<string> {
  const runs = bruteForceCases(map, 3_000).runs;
  const toEnd = new Set(map.nodes.filter((n) => n.kind === 'end').map((n) => n.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of map.edges) {
      if (toEnd.has(e.target) && !toEnd.has(e.source)) {
        toEnd.add(e.source);
        grew = true;
      }
    }
  }
  return new Set([...runs].filter((id) => toEnd.has(id)));
}

describe('must-pass: exactly the merges no finishing case can avoid', () => {
  it('names only steps every finishing case runs; all of them where every parallel block is read by its branches', () => {
    let checked = 0;
    let chained = 0;
    let insideBranch = 0;
    fc.assert(
      fc.property(arbStructured, (map) => {
        const must = bruteForceMustRun(map, 3_000);
        if (must === null) return;
        checked++;
        const names = reported(map);
        // Never wrong: every step it names, every finishing case runs.
        for (const id of names) expect(must.has(id)).toBe(true);

        const g = buildFlowGraph(map);
        const { chains } = checkCases(g);
        const chainedSteps = new Set(chains.flatMap((c) => [c.split, c.join]));
        const parallel = g.ids.map((_, u) => u).filter((u) => g.kind[u] === KIND_PARALLEL);
        if (parallel.length === 0 || !parallel.every((u) => chainedSteps.has(u))) return;
        chained++;
        // Every parallel step is a chained block's split or join: nothing is missed.
        const on = live(map);
        const want = map.nodes
          .filter((n) => n.kind === 'action' || n.kind === 'decision')
          .filter((n) => must.has(n.id))
          .filter(
            (n) =>
              new Set(
                map.edges.filter((e) => e.target === n.id && on.has(e.source)).map((e) => e.source),
              ).size >= 2,
          )
          .map((n) => n.id)
          .sort();
        expect(names).toEqual(want);
        const inside = new Set(
          chains.flatMap((c) => c.branches.flatMap(([first, last]) => [g.ids[first], g.ids[last]])),
        );
        if (names.some((id) => inside.has(id))) insideBranch++;
      }),
      propertyRuns(300, 14),
    );
    if (process.env.FC_STATS) console.log({ checked, chained, insideBranch });
    // Both halves are exercised, and merges inside a branch are among those found.
    expect(checked).toBeGreaterThan(150);
    expect(chained).toBeGreaterThan(30);
    expect(insideBranch).toBeGreaterThan(5);
  }, 180_000);
});

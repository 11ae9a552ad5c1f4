import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFlowGraph } from './buildFlowGraph';
import { checkCases } from './checkCases';
import { findSoundBlocks } from './findSoundBlocks';
import { bruteForceCases } from './testing/bruteForceCases';
import { mapOf } from './testing/mapOf';
import { propertyRuns } from './testing/propertyRuns';
import { structuredMap } from './testing/structuredMap';

const arbStructured = fc
  .array(fc.nat(99), { minLength: 40, maxLength: 40 })
  .map((choices) => structuredMap(choices));

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('checkCases: fragment by fragment, exactly what the full token game finds', () => {
  it('agrees with a brute-force state-space search on nested parallel blocks, sound or not', () => {
    let checked = 0;
    let folded = 0;
    let played = 0;
    let unsound = 0;
    fc.assert(
      fc.property(arbStructured, (map) => {
        const truth = bruteForceCases(map, 3_000);
        const g = buildFlowGraph(map);
        const facts = checkCases(g);
        if (!truth.complete || !facts.complete) return;
        checked++;
        const blocks = findSoundBlocks(g);
        if (blocks.byBranches > 0) folded++;
        if (blocks.byPlay > 0) played++;
        if (truth.waits.size > 0 || truth.doubled.size > 0) unsound++;
        expect(sorted(g.ids.filter((_, u) => facts.runs[u] === 1))).toEqual(sorted(truth.runs));
        const waits = map.edges.filter((_, j) => facts.waits[j] === 1).map((e) => e.id);
        expect(sorted(waits)).toEqual(sorted(truth.waits));
        expect(sorted(g.ids.filter((_, u) => facts.doubled[u] === 1))).toEqual(
          sorted(truth.doubled),
        );
        const doubledEdges = map.edges.filter((_, j) => facts.doubledEdge[j] === 1);
        expect(sorted(doubledEdges.map((e) => e.id))).toEqual(sorted(truth.doubledEdges));
      }),
      propertyRuns(400, 8),
    );
    if (process.env.FC_STATS) console.log({ checked, folded, played, unsound });
    // Every path is exercised: blocks told sound by their branches and by playing them, and
    // maps with real mistakes.
    expect(checked).toBeGreaterThan(300);
    expect(folded).toBeGreaterThan(50);
    expect(played).toBeGreaterThan(25);
    expect(unsound).toBeGreaterThan(50);
  }, 120_000);

  it('folds nested sound blocks and reads the rest without playing it', () => {
    // start > split1 ( a | split2 ( b | c ) join2 ) join1 > end
    const map = mapOf(
      's:s p1:p a:a p2:p b:a c:a j2:p j1:p e:e',
      's>p1 p1>a p1>p2 p2>b p2>c b>j2 c>j2 a>j1 j2>j1 j1>e',
    );
    const g = buildFlowGraph(map);
    const blocks = findSoundBlocks(g);
    const name = (u: number) => g.ids[u];
    expect(blocks.splits.map(name)).toEqual(['p2', 'p1']); // inner first
    const facts = checkCases(g);
    expect(facts.complete).toBe(true);
    expect(g.ids.filter((_, u) => facts.runs[u] === 0)).toEqual([]);
    expect(facts.crowded[g.indexOf.get('j1')!]).toBe(1);
  });

  it('does not fold a block a branch leaves, and finds its deadlock by the full game', () => {
    // The check may send the case to the end: the join then waits forever.
    const map = mapOf('s:s p:p a:a d:d b:a j:p e:e', 's>p p>a p>b a>d d>j:Yes d>e:No b>j j>e');
    const g = buildFlowGraph(map);
    expect(findSoundBlocks(g).splits).toEqual([]);
    const facts = checkCases(g);
    const waiting = map.edges.filter((_, k) => facts.waits[k] === 1).map((e) => e.id);
    expect(waiting.length).toBeGreaterThan(0);
    expect(sorted(waiting)).toEqual(sorted(bruteForceCases(map).waits));
  });
});

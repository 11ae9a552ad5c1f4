import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode, ProcessMap } from '../model';
import { analyze } from './analyze';
import { buildFlowGraph } from './buildFlowGraph';
import { exploreCases } from './exploreCases';
import { bruteForceCases } from './testing/bruteForceCases';
import { mapOf } from './testing/mapOf';

const KINDS = ['start', 'end', 'action', 'decision', 'parallel', 'parallel'] as const;

/**
 * Small random maps with parallel steps: a start first, then 1-7 nodes, up to 12 arrows
 * mostly pointing onwards (to one of the next three nodes), some back (loops), some repeated.
 */
const arbParallelMap: fc.Arbitrary<ProcessMap> = fc
  .record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 7 }),
    edges: fc.array(fc.record({ s: fc.nat(7), d: fc.integer({ min: -2, max: 3 }) }), {
      maxLength: 12,
    }),
  })
  .map(({ kinds: rest, edges: drawn }) => {
    const kinds = ['start' as const, ...rest];
    const edges = drawn.map(({ s, d }) => ({ s, t: s + (d === 0 ? 1 : d) }));
    const nodes: MapNode[] = kinds.map((kind, i) => ({
      id: `n${i}`,
      kind,
      label: `N${i}`,
      position: { x: 0, y: i * 100 },
    }));
    const mapEdges: MapEdge[] = edges
      .filter((e) => e.s < kinds.length && e.t >= 0 && e.t < kinds.length)
      .map((e, j) => ({ id: `e${j}`, source: `n${e.s}`, target: `n${e.t}` }));
    return { ...mapOf(''), nodes, edges: mapEdges };
  });

/**
 * Parallel blocks as people draw them, rightly or not: start -> split -> two or three
 * branches of 0-2 steps (a decision may leave its branch for the end, or loop back) -> a
 * meeting step that is a join or not -> end; and maybe a second split and meeting.
 */
const arbBlockMap: fc.Arbitrary<ProcessMap> = fc
  .record({
    branches: fc.array(
      fc.array(fc.constantFrom('action', 'decision', 'decision-out', 'decision-back'), {
        maxLength: 2,
      }),
      { minLength: 2, maxLength: 3 },
    ),
    meet: fc.constantFrom('parallel', 'action', 'decision'),
    splitKind: fc.constantFrom('parallel', 'parallel', 'action'),
  })
  .map(({ branches, meet, splitKind }) => {
    const nodes: MapNode[] = [];
    const edges: MapEdge[] = [];
    const node = (kind: MapNode['kind']) => {
      const id = `n${nodes.length}`;
      nodes.push({ id, kind, label: id, position: { x: 0, y: 0 } } as MapNode);
      return id;
    };
    const arrow = (source: string, target: string) =>
      edges.push({ id: `e${edges.length}`, source, target });
    const s = node('start');
    const split = node(splitKind);
    const m = node(meet);
    const e = node('end');
    arrow(s, split);
    for (const steps of branches) {
      let at = split;
      for (const step of steps) {
        const id = node(step === 'action' ? 'action' : 'decision');
        arrow(at, id);
        if (step === 'decision-out') arrow(id, e);
        if (step === 'decision-back') arrow(id, split);
        at = id;
      }
      arrow(at, m);
    }
    arrow(m, e);
    return { ...mapOf(''), nodes, edges };
  });

const sorted = (xs: Iterable<string>) => [...xs].sort();
const idsOf = (map: ProcessMap, rule: string, what: 'nodeIds' | 'edgeIds') =>
  sorted(
    analyze(map)
      .findings.filter((f) => f.rule === rule)
      .flatMap((f) => f[what]),
  );

describe('exploreCases agrees with a brute-force state-space search', () => {
  it.each([
    ['random small maps', arbParallelMap, 3, 1],
    ['parallel blocks as people draw them', arbBlockMap, 20, 20],
  ] as const)(
    'on %s: which steps run, which join arrows wait forever, where branches meet unsynchronised',
    (_, arbitrary, leastJoin, leastDouble) => {
      let checked = 0;
      let withJoinProblems = 0;
      let withDoubles = 0;
      fc.assert(
        fc.property(arbitrary, (map) => {
          const truth = bruteForceCases(map, 5_000);
          const facts = exploreCases(buildFlowGraph(map), 5_000);
          if (!truth.complete || !facts.complete) return; // unbounded cases: checked below
          checked++;
          const g = buildFlowGraph(map);
          const runs = g.ids.filter((_, u) => facts.runs[u] === 1);
          expect(sorted(runs)).toEqual(sorted(truth.runs));
          const waits = map.edges.filter((_, j) => facts.waits[j] === 1).map((e) => e.id);
          expect(sorted(waits)).toEqual(sorted(truth.waits));
          const doubled = g.ids.filter((_, u) => facts.doubled[u] === 1);
          expect(sorted(doubled)).toEqual(sorted(truth.doubled));
          const doubledEdges = map.edges.filter((_, j) => facts.doubledEdge[j] === 1);
          expect(sorted(doubledEdges.map((e) => e.id))).toEqual(sorted(truth.doubledEdges));
          if (truth.waits.size > 0) withJoinProblems++;
          if (truth.doubled.size > 0) withDoubles++;

          // The findings say the same, by id.
          expect(idsOf(map, 'deadlock', 'edgeIds')).toEqual(sorted(truth.waits));
          const joins = new Set(
            map.edges.filter((e) => truth.waits.has(e.id)).map((e) => e.target),
          );
          expect(idsOf(map, 'deadlock', 'nodeIds')).toEqual(sorted(joins));
          expect(idsOf(map, 'lack-of-sync', 'nodeIds')).toEqual(sorted(truth.doubled));
          expect(idsOf(map, 'lack-of-sync', 'edgeIds')).toEqual(sorted(truth.doubledEdges));
          const hasStart = map.nodes.some((n) => n.kind === 'start');
          const never = map.nodes.filter((n) => !truth.runs.has(n.id)).map((n) => n.id);
          expect(idsOf(map, 'unreachable', 'nodeIds')).toEqual(hasStart ? sorted(never) : []);
        }),
        { numRuns: 300, seed: 14 },
      );
      // The maps really exercise the rules (not only empty agreements).
      expect(checked).toBeGreaterThan(250);
      expect(withJoinProblems).toBeGreaterThan(leastJoin);
      expect(withDoubles).toBeGreaterThan(leastDouble);
    },
    120_000,
  );

  it('says when a map has more case states than the bound, and reports no deadlock then', () => {
    // A split in a loop with no join: every round adds a token, without end.
    const map = mapOf('s:s m:a p:p a:a b:a e:e', 's>m m>p p>a p>b a>m b>e');
    const g = buildFlowGraph(map);
    const facts = exploreCases(g, 200);
    expect(facts.complete).toBe(false);
    expect(facts.doubled[g.indexOf.get('b')!]).toBe(1);
    expect(bruteForceCases(map, 200).complete).toBe(false);
    expect(facts.stoppedAt.length).toBeGreaterThan(0);
    // analyze() says so in the metrics notes, naming where the check stopped.
    // Each round may go again (finite visits), but tokens can pile up before 'Grows' without end.
    const big = mapOf(
      's:s m:a p:p a:a d:d:Again? b:a:Grows e:e',
      's>m m>p p>a p>b a>d d>m:Yes d>e:No b>e',
    );
    const { metrics } = analyze(big);
    expect(metrics.available && metrics.notes.join(' ')).toMatch(
      /more than \d+ case states \(the check stopped around .*'Grows'.*\): waiting joins and double runs were checked only in part/,
    );
    expect(analyze(big).findings.map((f) => f.rule)).not.toContain('deadlock');
  });
});

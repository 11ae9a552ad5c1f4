import fc from 'fast-check';
import type { MapEdge, MapNode, ProcessMap } from '../../model';

const KINDS = ['start', 'end', 'action', 'decision'] as const;
const WITH_PARALLEL = [...KINDS, 'parallel'] as const;
const LABELS = [undefined, '', 'Yes', 'no', ' yes ', 'Maybe'];

/** Random maps: 0-10 nodes, arrows with duplicates, self-loops, missing ends, chances. */
export const arbMap: fc.Arbitrary<ProcessMap> = arbMapOf(KINDS, false);

/**
 * Like {@link arbMap}, with parallel steps too, and people: the owner, an outsourcer at
 * $15/h and a client, each step done by one of them or by no one (so hand-off, agreement
 * and parallel fixes are offered as well).
 */
export const arbMapWithParallelAndPeople: fc.Arbitrary<ProcessMap> = arbMapOf(WITH_PARALLEL, true);

function arbMapOf(
  kinds: readonly (typeof WITH_PARALLEL)[number][],
  withPeople: boolean,
): fc.Arbitrary<ProcessMap> {
  return fc
    .record({
      owners: fc.array(fc.constantFrom(undefined, 'me', 'va', 'client'), { maxLength: 10 }),
      kinds: fc.array(fc.constantFrom(...kinds), { maxLength: 10 }),
      labels: fc.array(fc.constantFrom('A', 'B', '', ' '), { maxLength: 10 }),
      durations: fc.array(fc.option(fc.integer({ min: 0, max: 60 })), { maxLength: 10 }),
      edges: fc.array(
        fc.record({
          s: fc.nat(11),
          t: fc.nat(11),
          label: fc.nat(LABELS.length - 1),
          p: fc.option(fc.constantFrom(0, 0.2, 0.5, 0.9, 1)),
        }),
        { maxLength: 24 },
      ),
    })
    .map(({ owners, kinds, labels, durations, edges }) => {
      const nodes: MapNode[] = kinds.map((kind, i) => {
        const base = {
          id: `n${i}`,
          label: `${labels[i] ?? 'X'}${i}`,
          position: { x: 0, y: i * 100 },
        };
        if (labels[i] === ' ') base.label = ' ';
        if (kind === 'action' || kind === 'decision') {
          const d = durations[i];
          const owner = withPeople ? owners[i] : undefined;
          const step = owner === undefined ? { ...base, kind } : { ...base, kind, ownerId: owner };
          return d === null || d === undefined ? step : { ...step, durationMinutes: d };
        }
        return { ...base, kind };
      });
      const mapEdges: MapEdge[] = edges.map((e, j) => {
        const edge: MapEdge = { id: `e${j}`, source: `n${e.s}`, target: `n${e.t}` };
        const label = LABELS[e.label];
        if (label !== undefined) edge.label = label;
        if (e.p !== null) edge.probability = e.p;
        return edge;
      });
      return {
        format: 'leverflow-map' as const,
        version: 3 as const,
        name: 'random',
        settings: {
          currency: 'USD',
          targetHourlyRate: 100,
          casesPerWeek: 10,
          defaultHandOffRate: 25,
        },
        people: withPeople
          ? [
              { id: 'me', name: 'Me', role: 'owner' as const, hourlyCost: 100, hoursPerWeek: 40 },
              {
                id: 'va',
                name: 'Maria',
                role: 'outsourcer' as const,
                hourlyCost: 15,
                hoursPerWeek: 20,
              },
              {
                id: 'client',
                name: 'Acme',
                role: 'client' as const,
                hourlyCost: 0,
                hoursPerWeek: 0,
              },
            ]
          : [],
        acceptedFindings: [],
        nodes,
        edges: mapEdges,
      };
    });
}

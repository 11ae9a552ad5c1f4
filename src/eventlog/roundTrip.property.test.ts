import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleMap, type MapEdge, type MapNode, mapSchema, type ProcessMap } from '../model';
import { activityGraph } from './activityGraph';
import { discoverMap } from './discoverMap';
import { indexLog } from './indexLog';
import { simulateLog } from './simulateLog';

/**
 * A sound map without parallel steps: a line of actions where some actions are followed by
 * a decision that either goes on, skips the next action, or (rarely) goes back one.
 */
const soundMap = fc
  .record({
    steps: fc.array(
      fc.record({
        minutes: fc.integer({ min: 2, max: 600 }),
        fork: fc.constantFrom('none', 'skip', 'back'),
        chance: fc.integer({ min: 15, max: 85 }),
      }),
      { minLength: 2, maxLength: 7 },
    ),
  })
  .map(({ steps }): ProcessMap => {
    const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } }];
    const edges: MapEdge[] = [];
    const at = (i: number) => (i >= steps.length ? 'e' : `a${i}`);
    steps.forEach((step, i) => {
      nodes.push({
        id: `a${i}`,
        kind: 'action',
        label: `Step ${i + 1}`,
        position: { x: 0, y: i * 100 },
        durationMinutes: step.minutes,
      });
      const other =
        step.fork === 'skip' ? at(i + 2) : step.fork === 'back' && i > 0 ? at(i - 1) : null;
      if (other === null || other === at(i + 1)) {
        edges.push({ id: `x${i}`, source: `a${i}`, target: at(i + 1) });
        return;
      }
      // Going back is kept rare so that every case ends soon.
      const stay = step.fork === 'back' ? Math.max(step.chance, 70) / 100 : step.chance / 100;
      nodes.push({ id: `d${i}`, kind: 'decision', label: `Q${i}?`, position: { x: 0, y: 0 } });
      edges.push({ id: `x${i}`, source: `a${i}`, target: `d${i}` });
      edges.push({
        id: `y${i}`,
        source: `d${i}`,
        target: at(i + 1),
        label: 'Go on',
        probability: stay,
      });
      edges.push({
        id: `z${i}`,
        source: `d${i}`,
        target: other,
        label: 'Other',
        probability: +(1 - stay).toFixed(2),
      });
    });
    nodes.push({ id: 'e', kind: 'end', label: 'End', position: { x: 0, y: 900 } });
    edges.push({ id: 'first', source: 's', target: 'a0' });
    return { ...exampleMap(), name: 'Random', people: [], nodes, edges };
  });

function checkRoundTrip(map: ProcessMap, seed: number) {
  expect(mapSchema.safeParse(map).success).toBe(true);
  const log = simulateLog(map, { cases: 20_000, seed, waitMinutes: { a0: 30 } });
  const index = indexLog(log);
  const found = discoverMap(index, { activities: log.activities.length, paths: 1 }).map;
  const expected = activityGraph(map);
  const got = activityGraph(found);
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, p] of expected)
    expect(Math.abs(got.get(key)! - p), key).toBeLessThanOrEqual(0.02);
  const labels = (m: ProcessMap) =>
    m.nodes
      .filter((n) => n.kind === 'action')
      .map((n) => n.label)
      .sort();
  expect(labels(found)).toEqual(labels(map));
  for (const node of map.nodes) {
    if (node.kind !== 'action') continue;
    const twin = found.nodes.find((n) => n.label === node.label);
    const minutes = twin && 'durationMinutes' in twin ? twin.durationMinutes! : Number.NaN;
    expect(
      Math.abs(minutes - node.durationMinutes!) / node.durationMinutes!,
      node.label,
    ).toBeLessThanOrEqual(0.05);
  }
}

describe('round trip: simulate a map, discover it back', () => {
  it('gives the example map back: same steps and arrows, chances within 0.02, durations within 5%', {
    timeout: 60_000,
  }, () => {
    checkRoundTrip(exampleMap(), 11);
  });

  it('gives random sound maps back', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(soundMap, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (map, seed) => {
        checkRoundTrip(map, seed);
      }),
      { numRuns: 8, seed: 19 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { exampleMap, mapSchema } from '../model';
import { createLogBuilder } from './createLogBuilder';
import { discoverMap } from './discoverMap';
import { indexLog } from './indexLog';
import { simulateLog } from './simulateLog';

function logOf(traces: Record<string, string[]>) {
  const b = createLogBuilder();
  let t = Date.UTC(2024, 0, 1);
  for (const [id, acts] of Object.entries(traces)) {
    for (const a of acts) {
      t += 10 * 60_000;
      b.add(id, a, t, { resource: a === 'Pack' ? 'Bob' : 'Ann' });
    }
  }
  return b.finish().log;
}

describe('discoverMap', () => {
  const log = logOf({
    c1: ['Check', 'Pack', 'Ship'],
    c2: ['Check', 'Pack', 'Ship'],
    c3: ['Check', 'Remind', 'Check', 'Pack', 'Ship'],
    c4: ['Check', 'Pack'],
  });

  it('makes a valid map with a step per activity, a start, an end, and a decision where steps fork', () => {
    const { map, activities, paths } = discoverMap(indexLog(log), { activities: 4, paths: 1 });
    expect(mapSchema.safeParse(map).success).toBe(true);
    expect(activities).toEqual({ shown: 4, total: 4 });
    const labels = map.nodes.map((n) => `${n.kind}:${n.label}`).sort();
    expect(labels).toEqual([
      'action:Check',
      'action:Pack',
      'action:Remind',
      'action:Ship',
      'decision:After Check?',
      'decision:After Pack?',
      'end:End',
      'start:Start',
    ]);
    expect(paths.total).toBe(7);
    const byLabel = (label: string) => map.nodes.find((n) => n.label === label)!.id;
    const branches = map.edges.filter((e) => e.source === byLabel('After Check?'));
    expect(branches.map((e) => [e.label, e.probability]).sort()).toEqual([
      ['Pack', 0.8],
      ['Remind', 0.2],
    ]);
    const check = map.nodes.find((n) => n.label === 'Check');
    expect(check).toMatchObject({ durationMinutes: 10 });
    const pack = map.nodes.find((n) => n.label === 'Pack');
    const bob = map.people.find((p) => p.name === 'Bob');
    expect(pack && 'ownerId' in pack && pack.ownerId).toBe(bob?.id);
  });

  it('gives the steps of a resource called "Me" to the owner, not to a second "Me"', () => {
    const b = createLogBuilder();
    let t = Date.UTC(2024, 0, 1);
    for (const [act, who] of [
      ['Quote', 'Me'],
      ['Send', 'Ann'],
      ['Quote', 'me'],
      ['Send', 'Ann'],
    ]) {
      t += 10 * 60_000;
      b.add(t < Date.UTC(2024, 0, 1, 0, 25) ? 'c1' : 'c2', act!, t, { resource: who! });
    }
    const { map } = discoverMap(indexLog(b.finish().log), { activities: 2, paths: 1 });
    expect(map.people.map((p) => `${p.name}:${p.role}`)).toEqual(['Me:owner', 'Ann:staff']);
    const quote = map.nodes.find((n) => n.label === 'Quote');
    expect(quote && 'ownerId' in quote && quote.ownerId).toBe('me');
  });

  it('shows fewer activities and paths as the sliders move, most frequent first', () => {
    const index = indexLog(log);
    const two = discoverMap(index, { activities: 2, paths: 1 }).map;
    expect(
      two.nodes
        .filter((n) => n.kind === 'action')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['Check', 'Pack']);
    const few = discoverMap(index, { activities: 4, paths: 0 });
    expect(few.paths.shown).toBeLessThan(few.paths.total);
    // Every shown step still has a way in and a way out.
    for (const node of few.map.nodes.filter((n) => n.kind === 'action')) {
      expect(few.map.edges.some((e) => e.target === node.id)).toBe(true);
      expect(few.map.edges.some((e) => e.source === node.id)).toBe(true);
    }
  });

  it('measures durations from start times when the log has them', () => {
    const sim = simulateLog(exampleMap(), {
      cases: 2000,
      seed: 3,
      spread: 0,
      waitMinutes: { p: 60 },
    });
    const { map } = discoverMap(indexLog(sim), { activities: 10, paths: 1 });
    const pack = map.nodes.find((n) => n.label === 'Pack order');
    expect(pack && 'durationMinutes' in pack && pack.durationMinutes).toBeCloseTo(15, 5);
  });

  it('gives an empty log a map with just a start and an end', () => {
    const { map } = discoverMap(indexLog(createLogBuilder().finish().log), {
      activities: 1,
      paths: 1,
    });
    expect(mapSchema.safeParse(map).success).toBe(true);
    expect(map.nodes.map((n) => n.kind)).toEqual(['start', 'end']);
  });
});

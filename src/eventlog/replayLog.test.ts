import { describe, expect, it } from 'vitest';
import { exampleMap, type ProcessMap } from '../model';
import { createLogBuilder } from './createLogBuilder';
import { replayLog } from './replayLog';
import { simulateLog } from './simulateLog';

const HOUR = 3_600_000;

/** The example map with the assistant packing orders under a 24-hour agreement. */
function mapWithAgreement(): ProcessMap {
  const map = exampleMap();
  return {
    ...map,
    people: map.people.map((p) =>
      p.id === 'va'
        ? {
            ...p,
            agreement: { turnaroundHours: 24, onTimeBonusPercent: 25, minimumLevel: '80% on time' },
          }
        : p,
    ),
    nodes: map.nodes.map((n) => (n.id === 'p' ? { ...n, ownerId: 'va' } : n)),
  };
}

describe('replayLog', () => {
  it('counts cases through each step and arrow, through the decision', { timeout: 30_000 }, () => {
    const map = exampleMap();
    const log = simulateLog(map, { cases: 5000, seed: 5, spread: 0 });
    const replay = replayLog(map, log);
    expect(replay.cases).toBe(5000);
    expect(replay.fittingCases).toBe(5000);
    expect(replay.deviations).toEqual([]);
    expect(replay.steps.get('p')).toMatchObject({ cases: 5000, events: 5000, median: 15, p90: 15 });
    expect(replay.arrows.get('e6')?.count).toBe(5000);
    const yes = replay.arrows.get('e3')!;
    const no = replay.arrows.get('e4')!;
    expect(yes.count).toBe(5000);
    expect(yes.count + no.count).toBe(replay.arrows.get('e2')!.count);
    expect(yes.share).toBeCloseTo(0.9, 1);
    expect(replay.leadTimes).toHaveLength(5000);
  });

  it('matches activities to steps ignoring case and spaces, and lists the rest', () => {
    const b = createLogBuilder();
    b.add('1', '  check   PAYMENT ', 1000);
    b.add('1', 'Phone the client', 2000);
    b.add('1', 'pack order', 3000);
    const replay = replayLog(exampleMap(), b.finish().log);
    expect(replay.steps.get('a')?.events).toBe(1);
    expect(replay.unmatched).toEqual([{ activity: 'Phone the client', events: 1 }]);
    expect(replay.fittingCases).toBe(1);
    const manual = replayLog(exampleMap(), b.finish().log, { 'Phone the client': 'r' });
    expect(manual.unmatched).toEqual([]);
  });

  it('finds moves with no arrow (with example cases), unused steps and unfinished cases', {
    timeout: 30_000,
  }, () => {
    const map = exampleMap();
    const log = simulateLog(map, {
      cases: 2000,
      seed: 9,
      detours: [{ fromId: 'r', toId: 'p', share: 0.5 }],
    });
    const replay = replayLog(map, log);
    const move = replay.deviations.find((d) => d.kind === 'move');
    expect(move).toMatchObject({ fromId: 'r', toId: 'p', key: 'log-move:r>p', intended: false });
    expect(move!.count).toBeGreaterThan(50);
    expect(move!.examples).toHaveLength(3);

    const b = createLogBuilder();
    b.add('stuck', 'Check payment', 1000);
    const accepted = { ...map, acceptedFindings: [{ key: 'log-unused:r' }] };
    const other = replayLog(accepted, b.finish().log);
    expect(other.deviations.map((d) => [d.kind, d.nodeId, d.intended])).toEqual([
      ['unused', 'r', true],
      ['unused', 'p', false],
      ['unfinished', 'a', false],
    ]);
  });

  it('checks each agreement: on-time share, late cases and the bonus week by week', () => {
    const map = mapWithAgreement();
    const b = createLogBuilder();
    const monday = Date.UTC(2026, 0, 5, 9);
    // Week 1: 4 cases, one packed 30 hours after the payment check (late): 75% < 80%.
    // Week 2: 5 cases, all on time: bonus earned.
    const cases = [
      [monday, 2],
      [monday, 30],
      [monday + 24 * HOUR, 3],
      [monday + 24 * HOUR, 1],
      ...[0, 1, 2, 3, 4].map((i) => [monday + 7 * 24 * HOUR + i * HOUR, 5]),
    ];
    cases.forEach(([t, wait], i) => {
      b.add(`c${i}`, 'Check payment', t!, { resource: 'Me' });
      b.add(`c${i}`, 'Pack order', t! + wait! * HOUR, { resource: 'Virtual assistant' });
    });
    const replay = replayLog(map, b.finish().log);
    const va = replay.agreements.find((a) => a.personId === 'va')!;
    expect(va).toMatchObject({
      steps: 9,
      onTime: 8,
      lateCases: ['c1'],
      lateCaseCount: 1,
      threshold: 0.8,
    });
    expect(va.weeks).toEqual([
      { week: '2026-01-05', steps: 4, onTime: 3, earned: false },
      { week: '2026-01-12', steps: 5, onTime: 5, earned: true },
    ]);
    expect(replay.withoutAgreement).toEqual([]);
    // The owner has no agreement: the first step has no hand-over to time, so nothing to say.
    expect(replayLog(exampleMap(), b.finish().log).withoutAgreement).toEqual([
      { personId: 'va', name: 'Virtual assistant', steps: 9 },
    ]);
  });
});

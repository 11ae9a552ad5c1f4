import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer';
import { exampleMap } from '../model';
import { computeLeverage } from './computeLeverage';
import { lineMap, ME, VA } from './testing/leverageMap';

describe('computeLeverage: the worked example of issue 6', () => {
  // Target $500/h, 20 cases a week; the owner answers customer emails, 30 minutes, once per
  // case; hand-off rate $25/h. 30/60 h x 1 visit x 20 cases = 10 h a week; worth
  // 10 x (500 - 25) = $4,750 a week. A 5-minute step: 5/60 x 20 = 1.667 h, worth $791.67.
  const map = lineMap([
    { id: 'small', label: 'File receipt', ownerId: 'me', durationMinutes: 5, handOffRate: 25 },
    { id: 'mail', label: 'Answer customer emails', ownerId: 'me', durationMinutes: 30 },
  ]);
  const lev = computeLeverage(map);

  it('counts 10 hours a week, worth $4,750, ranked above the 5-minute step', () => {
    expect(lev.handOffCandidates.map((c) => c.nodeId)).toEqual(['mail', 'small']);
    const [mail, small] = lev.handOffCandidates;
    expect(mail!.hoursPerWeek).toBeCloseTo(10, 10);
    expect(mail!.worthPerWeek).toBeCloseTo(4750, 10);
    expect(mail!.handOffRate).toBe(25);
    expect(small!.hoursPerWeek).toBeCloseTo(5 / 3, 10);
    expect(small!.worthPerWeek).toBeCloseTo((5 / 3) * 475, 10);
  });

  it("puts the owner's hours on the owner, valued at the target rate", () => {
    const me = lev.people.find((p) => p.personId === 'me')!;
    expect(me.hoursPerWeek).toBeCloseTo(10 + 5 / 3, 10);
    expect(me.availableHoursPerWeek).toBe(40);
    expect(me.utilisation).toBeCloseTo((10 + 5 / 3) / 40, 10);
    // (30 + 5) / 60 h x $500 per case.
    expect(lev.costPerCase).toBeCloseTo((35 / 60) * 500, 10);
    expect(lev.ownerId).toBe('me');
  });

  it('reads the same from a report passed in', () => {
    expect(computeLeverage(map, analyze(map))).toEqual(lev);
  });
});

describe('computeLeverage: loops with probabilities', () => {
  // s -> a (10 min) -> d (decision, 2 min) -> e with 0.8, back to a with 0.2:
  // a and d run 1 / 0.8 = 1.25 times a case.
  const map = lineMap(
    [
      { id: 'a', label: 'Draft', ownerId: 'me', durationMinutes: 10 },
      { id: 'd', kind: 'decision', label: 'Approved?', ownerId: 'va', durationMinutes: 2 },
    ],
    { forward: { d: 0.8 }, extraEdges: [['d', 'a', 0.2]] },
  );
  const lev = computeLeverage(map);

  it('multiplies by expected visits, a decision counting like an action', () => {
    const a = lev.steps.find((s) => s.nodeId === 'a')!;
    const d = lev.steps.find((s) => s.nodeId === 'd')!;
    expect(a.visitsPerCase).toBeCloseTo(1.25, 10);
    expect(a.hoursPerWeek).toBeCloseTo(((1.25 * 10) / 60) * 20, 10); // 4.1667
    expect(d.hoursPerWeek).toBeCloseTo(((1.25 * 2) / 60) * 20, 10); // 0.8333
    expect(lev.people.find((p) => p.personId === 'va')!.hoursPerWeek).toBeCloseTo(5 / 6, 10);
    // 1.25 x (10/60 x 500) + 1.25 x (2/60 x 25)
    expect(lev.costPerCase).toBeCloseTo(1.25 * ((10 / 60) * 500 + (2 / 60) * 25), 10);
    expect(lev.handOffCandidates.map((c) => c.nodeId)).toEqual(['a']);
    expect(lev.handOffCandidates[0]!.worthPerWeek).toBeCloseTo((25 / 6) * 475, 10);
  });
});

describe('computeLeverage: one-time steps', () => {
  const map = lineMap([
    { id: 'a', label: 'Answer emails', ownerId: 'me', durationMinutes: 30 },
    {
      id: 'p',
      label: 'Set up shared inbox',
      ownerId: 'me',
      durationMinutes: 120,
      costPerCase: 50,
      cadence: 'one-time',
    },
  ]);
  const lev = computeLeverage(map);

  it('counts them once, apart from every per-case and per-week figure', () => {
    const p = lev.steps.find((s) => s.nodeId === 'p')!;
    expect(p.hoursPerWeek).toBe(0);
    expect(p.costPerCase).toBe(0);
    expect(p.oneTimeHours).toBe(2);
    expect(p.oneTimeCost).toBe(2 * 500 + 50);
    expect(lev.oneTimeSteps.map((s) => s.nodeId)).toEqual(['p']);
    const me = lev.people.find((x) => x.personId === 'me')!;
    expect(me.hoursPerWeek).toBeCloseTo(10, 10);
    expect(me.oneTimeHours).toBe(2);
    expect(lev.costPerCase).toBeCloseTo(250, 10);
    expect(lev.handOffCandidates.map((c) => c.nodeId)).toEqual(['a']);
  });
});

describe('computeLeverage: defaults', () => {
  it("counts a step with no owner (or an unknown one) as the owner's", () => {
    const map = lineMap([
      { id: 'a', durationMinutes: 30 },
      { id: 'b', durationMinutes: 30, ownerId: 'gone' },
    ]);
    const lev = computeLeverage(map);
    expect(lev.steps.map((s) => [s.doerId, s.ownerByDefault])).toEqual([
      ['me', true],
      ['me', true],
    ]);
    expect(lev.people.find((p) => p.personId === 'me')!.hoursPerWeek).toBeCloseTo(20, 10);
  });

  it('with nobody in People, an implicit owner does everything at the target rate', () => {
    const map = lineMap([{ id: 'a', durationMinutes: 60, workType: 'productive' }], {
      people: [],
    });
    const lev = computeLeverage(map);
    expect(lev.ownerId).toBeNull();
    expect(lev.people).toEqual([
      {
        personId: null,
        name: 'Owner',
        role: 'owner',
        hoursPerWeek: 20,
        availableHoursPerWeek: 0,
        utilisation: null,
        oneTimeHours: 0,
      },
    ]);
    expect(lev.costPerCase).toBe(500);
    expect(lev.owner.productiveHoursPerWeek).toBe(20);
    // Productive work is the owner's to keep: never a candidate.
    expect(lev.handOffCandidates).toHaveLength(0);
  });

  it('a map without any leverage data still works: zero figures, nothing to hand off', () => {
    const lev = computeLeverage(lineMap([{ id: 'a' }, { id: 'b', kind: 'decision' }]));
    expect(lev.costPerCase).toBe(0);
    expect(lev.handOffCandidates).toEqual([]);
    expect(lev.people.every((p) => p.hoursPerWeek === 0)).toBe(true);
  });

  it("uses the step's hand-off rate over the default, and skips steps at or above target", () => {
    const map = lineMap([
      { id: 'a', durationMinutes: 30, handOffRate: 100 },
      { id: 'b', durationMinutes: 30, handOffRate: 500 },
      { id: 'c', durationMinutes: 30 },
    ]);
    const lev = computeLeverage(map);
    expect(lev.handOffCandidates.map((c) => [c.nodeId, c.handOffRate, c.worthPerWeek])).toEqual([
      ['c', 25, 4750],
      ['a', 100, 4000],
    ]);
  });

  it("splits the owner's hours into productive, non-productive and unmarked", () => {
    const map = lineMap([
      { id: 'a', durationMinutes: 60, workType: 'productive' },
      { id: 'b', durationMinutes: 30, workType: 'non-productive' },
      { id: 'c', durationMinutes: 15 },
      { id: 'd', durationMinutes: 60, workType: 'non-productive', ownerId: 'va' },
    ]);
    expect(computeLeverage(map).owner).toEqual({
      personId: 'me',
      productiveHoursPerWeek: 20,
      nonProductiveHoursPerWeek: 10,
      unmarkedHoursPerWeek: 5,
    });
  });

  it('adds staff time at their hourly cost and out-of-pocket cost to cost per case', () => {
    const staff = {
      id: 'st',
      name: 'Sam',
      role: 'staff' as const,
      hourlyCost: 40,
      hoursPerWeek: 30,
    };
    const map = lineMap([{ id: 'a', durationMinutes: 15, ownerId: 'st', costPerCase: 3 }], {
      people: [ME, VA, staff],
    });
    expect(computeLeverage(map).costPerCase).toBeCloseTo(13, 10);
  });

  it('counts one visit per step, and says so, when flow metrics are unavailable', () => {
    const map = lineMap([{ id: 'a', durationMinutes: 30 }]);
    const noEnd = { ...map, nodes: map.nodes.filter((n) => n.id !== 'e') };
    const lev = computeLeverage(noEnd);
    expect(lev.visitsNote).toMatch(/^Each step counts once per case: /);
    expect(lev.steps[0]!.visitsPerCase).toBe(1);
    expect(lev.handOffCandidates[0]!.hoursPerWeek).toBe(10);
  });

  it('gives unreachable steps no time', () => {
    const map = lineMap([{ id: 'a', durationMinutes: 30 }]);
    map.nodes.push({
      id: 'z',
      kind: 'action',
      label: 'z',
      durationMinutes: 60,
      position: { x: 0, y: 0 },
    });
    const lev = computeLeverage(map);
    expect(lev.steps.find((s) => s.nodeId === 'z')!.hoursPerWeek).toBe(0);
    expect(lev.handOffCandidates.map((c) => c.nodeId)).toEqual(['a']);
  });
});

describe('computeLeverage: the example map', () => {
  it('ranks Pack order, Check payment, Send reminder', () => {
    // Paid? 0.9 yes: Check payment runs 1/0.9 times, Send reminder 0.1/0.9.
    const lev = computeLeverage(exampleMap());
    expect(lev.handOffCandidates.map((c) => c.nodeId)).toEqual(['p', 'a', 'r']);
    expect(lev.handOffCandidates[0]!.hoursPerWeek).toBeCloseTo(5, 10);
    expect(lev.handOffCandidates[1]!.hoursPerWeek).toBeCloseTo((5 / 60 / 0.9) * 20, 10);
    expect(lev.handOffCandidates[2]!.hoursPerWeek).toBeCloseTo((10 / 60) * (0.1 / 0.9) * 20, 10);
    expect(lev.people.map((p) => p.personId)).toEqual([ME.id, VA.id]);
  });
});

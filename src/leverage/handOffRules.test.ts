import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer';
import { applyEdits, type Person } from '../model';
import { computeLeverage } from './computeLeverage';
import { leverageFindings } from './leverageFindings';
import { stepsCsv } from './stepsCsv';
import { targetRate } from './targetRate';
import { lineMap, ME } from './testing/leverageMap';
import { whatIf } from './whatIf';

// The article's worked figures: 2 productive hours a day, 5 days a week, 52 weeks = 520 h a
// year; a $260,000 goal / 520 h = $500 an hour.
const HOURS_A_YEAR = 2 * 5 * 52;
const TARGET = targetRate(260_000, HOURS_A_YEAR)!;

const MARIA: Person = {
  id: 'maria',
  name: 'Maria',
  role: 'outsourcer',
  hourlyCost: 15,
  hoursPerWeek: 20,
};
const BOOKKEEPER: Person = {
  id: 'bk',
  name: 'Bookkeeper',
  role: 'staff',
  hourlyCost: 40,
  hoursPerWeek: 10,
};
const CLIENT: Person = { id: 'cl', name: 'Client', role: 'client', hourlyCost: 0, hoursPerWeek: 0 };

// 20 cases a week: kickoff call 60 min (the owner's productive work), emails 30 min,
// the client's brief 120 min, invoicing 6 min with its own hand-off rate of $40.
const map = lineMap(
  [
    { id: 'brief', label: 'Fill in the brief', ownerId: 'cl', durationMinutes: 120 },
    {
      id: 'kick',
      label: 'Hold kickoff call',
      ownerId: 'me',
      durationMinutes: 60,
      workType: 'productive',
    },
    {
      id: 'mail',
      label: 'Answer emails',
      ownerId: 'me',
      durationMinutes: 30,
      workType: 'non-productive',
    },
    { id: 'inv', label: 'Send invoice', ownerId: 'me', durationMinutes: 6, handOffRate: 40 },
  ],
  {
    settings: { targetHourlyRate: TARGET, casesPerWeek: 20 },
    people: [ME, MARIA, BOOKKEEPER, CLIENT],
  },
);

describe('hand-off rules against the article figures', () => {
  it('520 productive hours a year and $260,000 make $500 an hour', () => {
    expect(HOURS_A_YEAR).toBe(520);
    expect(TARGET).toBe(500);
  });

  it('never ranks a productive step, nor suggests it as a hand-off finding', () => {
    const lev = computeLeverage(map);
    expect(lev.handOffCandidates.map((c) => c.nodeId)).toEqual(['mail', 'inv']);
    const findings = leverageFindings(map, lev);
    expect(
      findings.some((f) => f.nodeIds.includes('kick') && f.rule === 'hand-off-candidate'),
    ).toBe(false);
    expect(findings.flatMap((f) => f.suggestions).some((s) => /kickoff/.test(s.title))).toBe(false);
  });

  it('lists productive work done by someone else apart, not as a candidate', () => {
    const given = applyEdits(map, [
      { type: 'updateStep', nodeId: 'kick', patch: { ownerId: 'bk' } },
    ]);
    const lev = computeLeverage(given);
    expect(lev.productiveByOthers.map((s) => s.nodeId)).toEqual(['kick']);
    expect(lev.handOffCandidates.map((c) => c.nodeId)).not.toContain('kick');
  });

  it('worth is at the rate of the person it would go to, and says which rate it used', () => {
    // 30 min x 20 = 10 h a week; at Maria's $15/h: 10 x (500 - 15) = $4,850.
    const atMaria = computeLeverage(map, undefined, { handToId: 'maria' });
    const mail = atMaria.handOffCandidates.find((c) => c.nodeId === 'mail')!;
    expect(mail.hoursPerWeek).toBeCloseTo(10, 10);
    expect(mail.handOffRate).toBe(15);
    expect(mail.rateSource).toBe('person');
    expect(mail.worthPerWeek).toBeCloseTo(4850, 10);
    // The step's own rate comes first: 6 min x 20 = 2 h x (500 - 40).
    const inv = atMaria.handOffCandidates.find((c) => c.nodeId === 'inv')!;
    expect([inv.handOffRate, inv.rateSource]).toEqual([40, 'step']);
    expect(inv.worthPerWeek).toBeCloseTo(920, 10);
    // At the bookkeeper's $40/h: 10 x 460.
    const atBk = computeLeverage(map, undefined, { handToId: 'bk' });
    expect(atBk.handOffCandidates.find((c) => c.nodeId === 'mail')!.worthPerWeek).toBeCloseTo(
      4600,
      10,
    );
    // Nobody to hand to: the map's default ($25).
    const none = computeLeverage(map, undefined, { handToId: null });
    const byDefault = none.handOffCandidates.find((c) => c.nodeId === 'mail')!;
    expect([byDefault.handOffRate, byDefault.rateSource]).toEqual([25, 'default']);
  });

  it("the what-if's worth changes with the person picked", () => {
    const report = analyze(map);
    expect(whatIf(map, ['mail'], 'maria', report).after.worthPerWeek).toBeCloseTo(4850, 10);
    expect(whatIf(map, ['mail'], 'bk', report).after.worthPerWeek).toBeCloseTo(4600, 10);
  });

  it("a step done by someone else carries that person's rate", () => {
    const given = applyEdits(map, [
      { type: 'updateStep', nodeId: 'mail', patch: { ownerId: 'maria' } },
    ]);
    const mail = computeLeverage(given).steps.find((s) => s.nodeId === 'mail')!;
    expect([mail.handOffRate, mail.rateSource]).toEqual([15, 'doer']);
  });

  it("findings and the CSV use the same person's rate as the ranking", () => {
    const lev = computeLeverage(map);
    expect(lev.handToName).toBe('Maria');
    const [first] = leverageFindings(map, lev).filter((f) => f.rule === 'hand-off-candidate');
    expect(first!.message).toBe(
      "'Answer emails' takes you 10 h a week; handing it off at Maria's rate, $15/h, is worth $4,850 a week.",
    );
    const row = stepsCsv(map)
      .split('\r\n')
      .find((l) => l.startsWith('mail,'))!;
    expect(row).toContain(',15,rate of the person it would go to,4850,');
  });

  it("outside parties' time is in the lead time of a case but in nobody's hours, at no cost", () => {
    const lev = computeLeverage(map);
    const brief = lev.steps.find((s) => s.nodeId === 'brief')!;
    expect(brief.outside).toBe(true);
    expect(brief.hoursPerWeek).toBe(0);
    expect(brief.costPerCase).toBe(0);
    expect(lev.people.find((p) => p.personId === 'cl')!.hoursPerWeek).toBe(0);
    // Every routine step's hours of one case: 2 + 1 + 0.5 + 0.1.
    expect(lev.leadTimeHoursPerCase).toBeCloseTo(3.6, 10);
    expect(lev.outsideHoursPerCase).toBeCloseTo(2, 10);
    // The owner's hours: 1.5 h + 0.1 h a case x 20 (the brief is not theirs).
    expect(lev.people.find((p) => p.personId === 'me')!.hoursPerWeek).toBeCloseTo(32, 10);
    // Cost per case leaves the client out: 1.6 h at $500.
    expect(lev.costPerCase).toBeCloseTo(800, 10);
    expect(lev.handOffCandidates.map((c) => c.nodeId)).not.toContain('brief');
  });
});

describe('person-level agreements along the lead-time path', () => {
  const withAgreement = lineMap(
    [
      { id: 'a', label: 'Research', ownerId: 'maria', durationMinutes: 30 },
      {
        id: 'b',
        label: 'Write up',
        ownerId: 'maria',
        durationMinutes: 30,
        sla: { turnaroundHours: 4 },
      },
    ],
    {
      settings: { targetTurnaroundHours: 24 },
      people: [ME, { ...MARIA, agreement: { turnaroundHours: 24, metric: 'typos' } }],
    },
  );

  it("inherits the person's turnaround, with the step's override, and fixes the agreement", () => {
    // 24 h (inherited) + 4 h (the step's own) = 28 h, 4 h over.
    const [f] = leverageFindings(withAgreement, computeLeverage(withAgreement)).filter(
      (x) => x.rule === 'sla-exceeds-target',
    );
    expect(f!.message).toMatch(/add up to 28 h, more than the target of 24 h/);
    expect(f!.suggestions[0]!.title).toBe("Shorten the turnaround of Maria's agreement to 20 h");
    const fixed = applyEdits(withAgreement, f!.suggestions[0]!.edits);
    expect(fixed.people[1]!.agreement).toEqual({ turnaroundHours: 20, metric: 'typos' });
    expect(
      leverageFindings(fixed, computeLeverage(fixed)).filter(
        (x) => x.rule === 'sla-exceeds-target',
      ),
    ).toEqual([]);
  });
});

describe('overloaded helpers', () => {
  it('never suggests moving work to a client or supplier', () => {
    const busy = lineMap(
      [{ id: 'a', label: 'Book calls', ownerId: 'maria', durationMinutes: 60 }],
      { people: [ME, { ...MARIA, hoursPerWeek: 10 }, { ...CLIENT, hoursPerWeek: 40 }] },
    );
    const [f] = leverageFindings(busy, computeLeverage(busy)).filter(
      (x) => x.rule === 'overloaded',
    );
    expect(f!.suggestions).toEqual([]);
    const withStaff = { ...busy, people: [...busy.people, { ...BOOKKEEPER, hoursPerWeek: 40 }] };
    const [g] = leverageFindings(withStaff, computeLeverage(withStaff)).filter(
      (x) => x.rule === 'overloaded',
    );
    expect(g!.suggestions[0]!.title).toBe("Move 'Book calls' to Bookkeeper");
  });
});

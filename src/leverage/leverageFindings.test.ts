import { describe, expect, it } from 'vitest';
import type { ProcessMap } from '../model';
import { applyEdits, type Person } from '../model';
import { computeLeverage } from './computeLeverage';
import { leverageFindings } from './leverageFindings';
import { LEVERAGE_RULES } from './rules';
import { lineMap, ME, VA } from './testing/leverageMap';
import { LEVERAGE_RULE_IDS, type LeverageRuleId } from './types';

const findingsOf = (map: ProcessMap) => leverageFindings(map, computeLeverage(map));
const ofRule = (map: ProcessMap, rule: LeverageRuleId) =>
  findingsOf(map).filter((f) => f.rule === rule);

describe('hand-off-candidate', () => {
  const map = lineMap([
    { id: 'small', label: 'File receipt', durationMinutes: 5 },
    { id: 'mail', label: 'Answer customer emails', ownerId: 'me', durationMinutes: 30 },
  ]);

  it('reports each candidate, ranked, with its worth and hours', () => {
    const found = ofRule(map, 'hand-off-candidate');
    expect(found.map((f) => f.nodeIds)).toEqual([['mail'], ['small']]);
    expect(found[0]).toMatchObject({
      severity: 'info',
      edgeIds: [],
      message:
        "'Answer customer emails' takes you 10 h a week; handing it off at Virtual assistant's rate, $25/h, is worth $4,750 a week.",
    });
  });

  it('offers to hand it to the first outsourcer, as one updateStep', () => {
    const [first] = ofRule(map, 'hand-off-candidate');
    expect(first!.suggestions).toEqual([
      {
        title:
          "Hand 'Answer customer emails' to Virtual assistant, then agree its turnaround and quality with them",
        edits: [{ type: 'updateStep', nodeId: 'mail', patch: { ownerId: 'va' } }],
      },
    ]);
    const after = applyEdits(map, first!.suggestions[0]!.edits);
    expect(ofRule(after, 'hand-off-candidate').map((f) => f.nodeIds)).toEqual([['small']]);
  });

  it('with no outsourcer, says to add one and offers no fix', () => {
    const solo = { ...map, people: [ME] };
    const [first] = ofRule(solo, 'hand-off-candidate');
    expect(first!.message).toMatch(/Add an outsourcer in People to hand it off\.$/);
    expect(first!.suggestions).toEqual([]);
  });
});

describe('overloaded', () => {
  const va = (hoursPerWeek: number): Person => ({ ...VA, hoursPerWeek });
  // 27 minutes x 20 cases = 9 h a week for the assistant.
  const map = (available: number, people: Person[] = []) =>
    lineMap(
      [
        {
          id: 'a',
          label: 'Book calls',
          ownerId: 'va',
          durationMinutes: 27,
          sla: { turnaroundHours: 4 },
        },
      ],
      {
        people: [ME, va(available), ...people],
      },
    );

  it('is quiet below 85% of a person’s hours', () => {
    expect(ofRule(map(11), 'overloaded')).toEqual([]); // 82%
  });

  it('warns from 85% up to 100%', () => {
    const [f] = ofRule(map(10), 'overloaded'); // 90%
    expect(f).toMatchObject({
      severity: 'warning',
      nodeIds: ['a'],
      message: 'Virtual assistant has 9 h of work a week for 10 h available (90%).',
    });
    expect(ofRule(map(9), 'overloaded')[0]!.severity).toBe('warning'); // exactly 100%
  });

  it('is an error above 100%, and offers to move the biggest step to someone with spare hours', () => {
    const sam: Person = { id: 'sam', name: 'Sam', role: 'staff', hourlyCost: 30, hoursPerWeek: 20 };
    const [f] = ofRule(map(8, [sam]), 'overloaded');
    expect(f!.severity).toBe('error');
    expect(f!.suggestions).toEqual([
      {
        title: "Move 'Book calls' to Sam",
        edits: [{ type: 'updateStep', nodeId: 'a', patch: { ownerId: 'sam' } }],
      },
    ]);
    expect(ofRule(map(8), 'overloaded')[0]!.suggestions).toEqual([]);
  });

  it('is an error for work given to someone with no hours', () => {
    const [f] = ofRule(map(0), 'overloaded');
    expect(f).toMatchObject({
      severity: 'error',
      message: 'Virtual assistant has 9 h of work a week for 0 h available.',
    });
  });

  it('for the owner, offers to hand off the top candidate', () => {
    const owner = lineMap(
      [
        { id: 'a', label: 'Emails', durationMinutes: 30 },
        { id: 'b', label: 'Sales calls', durationMinutes: 3, workType: 'productive' },
      ],
      { people: [{ ...ME, hoursPerWeek: 10 }, VA] },
    );
    const [f] = ofRule(owner, 'overloaded'); // 11 h of 10
    expect(f!.severity).toBe('error');
    expect(f!.nodeIds).toEqual(['a', 'b']);
    expect(f!.suggestions[0]!.title).toBe(
      "Hand 'Emails' to Virtual assistant, then agree its turnaround and quality with them",
    );
  });
});

describe('sla-missing', () => {
  const map = lineMap([
    { id: 'a', label: 'Book calls', ownerId: 'va', durationMinutes: 10 },
    { id: 'b', label: 'Invoice', ownerId: 'va', durationMinutes: 10, sla: { turnaroundHours: 8 } },
    { id: 'c', label: 'Plan', ownerId: 'me', durationMinutes: 10 },
    { id: 'd', label: 'Chase payment', ownerId: 'va', durationMinutes: 10 },
  ]);

  it('gives one finding per person, naming their steps, and opens their agreement with the defaults', () => {
    const found = ofRule(map, 'sla-missing');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      nodeIds: ['a', 'd'],
      message:
        "Virtual assistant has no service agreement for 'Book calls' and 'Chase payment': no agreed turnaround, quality bar or escalation.",
    });
    expect(found[0]!.suggestions[0]).toEqual({
      title:
        "Open Virtual assistant's agreement with the defaults (24 h turnaround, 25% on-time bonus)",
      edits: [
        {
          type: 'upsertPerson',
          person: {
            ...VA,
            agreement: {
              turnaroundHours: 24,
              onTimeBonusPercent: 25,
              escalateTo: 'Me',
              reviewCadence: 'Weekly',
            },
          },
        },
      ],
    });
    const fixed = applyEdits(map, found[0]!.suggestions[0]!.edits);
    expect(ofRule(fixed, 'sla-missing')).toEqual([]);
    // The step's own override still wins over the person's agreement.
    expect(fixed.people.find((p) => p.id === 'va')!.agreement!.turnaroundHours).toBe(24);
  });

  it('eight steps with no agreement give one warning, not eight', () => {
    const many = lineMap(
      Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, ownerId: 'va', durationMinutes: 5 })),
    );
    const found = ofRule(many, 'sla-missing');
    expect(found).toHaveLength(1);
    expect(found[0]!.nodeIds).toHaveLength(8);
  });

  it("a person's agreement covers all their steps", () => {
    const covered = {
      ...map,
      people: [ME, { ...VA, agreement: { turnaroundHours: 12 } }],
    };
    expect(ofRule(covered, 'sla-missing')).toEqual([]);
  });
});

describe('sla-exceeds-target', () => {
  // Longest path: a (agreement 20 h) + b (the owner's 60 minutes = 1 h) + c (agreement 8 h)
  // = 29 h, over a target of 24 h by 5 h.
  const map = (target: number | undefined) =>
    lineMap(
      [
        {
          id: 'a',
          label: 'Research',
          ownerId: 'va',
          durationMinutes: 30,
          sla: { turnaroundHours: 20 },
        },
        { id: 'b', label: 'Review', ownerId: 'me', durationMinutes: 60 },
        {
          id: 'c',
          label: 'Write up',
          ownerId: 'va',
          durationMinutes: 30,
          sla: { turnaroundHours: 8, metric: 'typos' },
        },
      ],
      target === undefined ? {} : { settings: { targetTurnaroundHours: target } },
    );

  it('warns when the turnarounds along the longest path add up to more than the target', () => {
    const [f] = ofRule(map(24), 'sla-exceeds-target');
    expect(f).toMatchObject({
      severity: 'warning',
      nodeIds: ['a', 'b', 'c'],
      message:
        'The turnarounds along the longest path add up to 29 h, more than the target of 24 h for one case.',
    });
    expect(f!.suggestions).toEqual([
      {
        title: "Shorten the turnaround of 'Research' to 15 h",
        edits: [{ type: 'updateStep', nodeId: 'a', patch: { sla: { turnaroundHours: 15 } } }],
      },
    ]);
    expect(ofRule(applyEdits(map(24), f!.suggestions[0]!.edits), 'sla-exceeds-target')).toEqual([]);
  });

  it('is quiet at or under the target, or with no target', () => {
    expect(ofRule(map(29), 'sla-exceeds-target')).toEqual([]);
    expect(ofRule(map(undefined), 'sla-exceeds-target')).toEqual([]);
  });

  it('offers no single fix when no one agreement can absorb the excess', () => {
    const [f] = ofRule(map(5), 'sla-exceeds-target');
    expect(f!.suggestions).toEqual([]);
    expect(f!.message).toMatch(/shorten several, or raise the target\.$/);
  });
});

describe('LEVERAGE_RULES', () => {
  it('describes every rule, with the severities of issue 6', () => {
    expect(Object.keys(LEVERAGE_RULES).sort()).toEqual([...LEVERAGE_RULE_IDS].sort());
    expect(LEVERAGE_RULES['hand-off-candidate'].severity).toBe('info');
    expect(LEVERAGE_RULES['sla-missing'].severity).toBe('warning');
    expect(LEVERAGE_RULES['sla-exceeds-target'].severity).toBe('warning');
    expect(LEVERAGE_RULES.overloaded.severity).toBe('warning');
  });

  it('a map without leverage data has no leverage findings', () => {
    expect(findingsOf(lineMap([{ id: 'a' }], { people: [] }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer';
import { lineMap } from './testing/leverageMap';
import { whatIf } from './whatIf';

describe('whatIf', () => {
  const map = lineMap([
    { id: 'small', label: 'File receipt', durationMinutes: 5 },
    { id: 'mail', label: 'Answer customer emails', durationMinutes: 30 },
  ]);

  it('shows hours, cost per case and worth before and after, leaving the map alone', () => {
    const copy = structuredClone(map);
    const w = whatIf(map, ['mail'], 'va', analyze(map));
    expect(map).toEqual(copy);
    expect(w.before.ownerHoursPerWeek).toBeCloseTo(10 + 5 / 3, 10);
    expect(w.after.ownerHoursPerWeek).toBeCloseTo(5 / 3, 10);
    // Before: 35 min at $500/h. After: 5 min at $500/h + 30 min at the assistant's $25/h.
    expect(w.before.costPerCase).toBeCloseTo((35 / 60) * 500, 10);
    expect(w.after.costPerCase).toBeCloseTo((5 / 60) * 500 + 0.5 * 25, 10);
    expect(w.before.worthPerWeek).toBe(0);
    expect(w.after.worthPerWeek).toBeCloseTo(4750, 10);
    expect(w.map.nodes.find((n) => n.id === 'mail')).toMatchObject({ ownerId: 'va' });
    expect(w.leverage.people.find((p) => p.personId === 'va')!.hoursPerWeek).toBeCloseTo(10, 10);
  });

  it('with nothing chosen, after equals before', () => {
    const w = whatIf(map, [], 'va');
    expect(w.after).toEqual(w.before);
  });
});

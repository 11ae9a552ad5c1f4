import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { leverageSummary } from './leverageSummary';

describe('leverageSummary', () => {
  it('is plain JSON data with rounded figures', () => {
    const summary = leverageSummary(exampleMap());
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(summary.handOffCandidates[0]).toEqual({
      nodeId: 'p',
      hoursPerWeek: 5,
      worthPerWeek: 2375,
    });
    expect(summary.people.map((p) => p.personId)).toEqual(['me', 'va']);
    expect(summary.currency).toBe('USD');
    // (5 / 0.9 + 10 x 0.1 / 0.9 + 15) min = 21.667 min at $500/h -> $180.56
    expect(summary.costPerCase).toBe(180.56);
  });
});

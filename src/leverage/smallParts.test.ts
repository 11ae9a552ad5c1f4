import { describe, expect, it } from 'vitest';
import type { AnalysisMetrics } from '../analyzer';
import { formatHours, formatMoney } from './format';
import { ownerColor } from './ownerColor';
import { patchSla } from './patchSla';
import { targetRate } from './targetRate';
import { visitsById } from './visitsById';

describe('targetRate', () => {
  it('is the yearly goal over productive hours: 260,000 / 520 = 500', () => {
    expect(targetRate(260_000, 520)).toBe(500);
    expect(targetRate(100_000, 3)).toBe(33_333.33);
    expect(targetRate(undefined, 520)).toBeUndefined();
    expect(targetRate(1, 0)).toBeUndefined();
  });
});

describe('ownerColor', () => {
  it('gives distinct, stable colours', () => {
    const colours = Array.from({ length: 24 }, (_, i) => ownerColor(i));
    expect(new Set(colours).size).toBe(24);
    expect(ownerColor(3)).toBe(colours[3]);
    expect(ownerColor(-1)).toBe(ownerColor(0));
    expect(ownerColor(Number.NaN)).toBe(ownerColor(0));
  });
});

describe('format', () => {
  it('writes money and hours for messages', () => {
    expect(formatMoney(4750, 'USD')).toBe('$4,750');
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
    expect(formatMoney(12.5, 'NOPE1')).toBe('NOPE1 12.50');
    expect(formatHours(5 / 3)).toBe('1.7 h');
  });
});

describe('visitsById', () => {
  const base = { assumedProbabilities: [], longestPath: null, checkedInFull: true };
  it('reads visits aligned with nodeIds', () => {
    const metrics = {
      ...base,
      available: true,
      nodeIds: ['a', 'b'],
      expectedVisits: Float64Array.from([1, 1.25]),
    } as unknown as AnalysisMetrics; // test double: only the fields visitsById reads
    expect([...visitsById(metrics)!]).toEqual([
      ['a', 1],
      ['b', 1.25],
    ]);
  });

  it('also reads a Record or a Map, should the analyzer change its shape', () => {
    const asRecord = {
      ...base,
      available: true,
      expectedVisits: { a: 2 },
    } as unknown as AnalysisMetrics;
    const asMap = {
      ...base,
      available: true,
      expectedVisits: new Map([['a', 3]]),
    } as unknown as AnalysisMetrics;
    expect(visitsById(asRecord)!.get('a')).toBe(2);
    expect(visitsById(asMap)!.get('a')).toBe(3);
  });

  it('is null when metrics are unavailable', () => {
    expect(visitsById({ ...base, available: false, unavailableReason: 'x' })).toBeNull();
  });
});

describe('patchSla', () => {
  it('changes and removes fields; a new override holds only what it sets', () => {
    expect(patchSla({ turnaroundHours: 8, metric: 'typos' }, { metric: undefined })).toEqual({
      turnaroundHours: 8,
    });
    expect(patchSla(undefined, { onTimeBonusPercent: 25 })).toEqual({ onTimeBonusPercent: 25 });
  });
});

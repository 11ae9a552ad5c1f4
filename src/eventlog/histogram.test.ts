import { describe, expect, it } from 'vitest';
import { formatMinutes } from './formatMinutes';
import { histogram } from './histogram';
import { quantileSorted, summarize } from './quantile';

describe('histogram and quantiles', () => {
  it('bins values from 0 to the largest', () => {
    expect(histogram([1, 2, 9], 3).bins.map((b) => b.count)).toEqual([2, 0, 1]);
    expect(histogram([], 4)).toMatchObject({ max: 1 });
  });

  it('gives median and 90th percentile', () => {
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ median: 3, p90: 4.6 });
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('formatMinutes', () => {
  it('picks seconds, minutes, hours or days', () => {
    expect([0.5, 5, 45, 90, 600, 3000, 30_000].map(formatMinutes)).toEqual([
      '30 s',
      '5 min',
      '45 min',
      '1.5 h',
      '10 h',
      '2.1 d',
      '21 d',
    ]);
  });
});

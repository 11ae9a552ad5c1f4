import { describe, expect, it } from 'vitest';
import { exampleMap } from './exampleMap';
import { sameValue } from './sameValue';

describe('sameValue', () => {
  it('compares plain data by structure, in any key order', () => {
    expect(sameValue(exampleMap(), exampleMap())).toBe(true);
    expect(sameValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('tells different data apart', () => {
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue({ a: 1 }, { b: 1 })).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameIgnoringCase } from './branchLabels';

describe('sameIgnoringCase', () => {
  it('matches labels that differ only in the case of their letters', () => {
    expect(sameIgnoringCase('Yes', 'YES')).toBe(true);
    expect(sameIgnoringCase('Route 1', 'route 1')).toBe(true);
    expect(sameIgnoringCase('Route 1', 'Route 2')).toBe(false);
    expect(sameIgnoringCase('Yes', 'Yes!')).toBe(false);
    // Not letters: '@' (64) and '`' (96) are 32 apart but no case of each other.
    expect(sameIgnoringCase('@', '`')).toBe(false);
    expect(sameIgnoringCase('Ärger', 'ärger')).toBe(true);
    expect(sameIgnoringCase('ÄRGER', 'Ärgern')).toBe(false);
  });

  it('agrees with comparing lengths and toLowerCase() on any text', () => {
    // Letters from several scripts, mixed case, so that equal pairs come up often.
    const letter = fc.constantFrom(...'aAbBzZ@`[{ 1ÄäÖöİiIıσΣςSſKkK'.split(''), '\u{1F600}');
    const text = fc.array(letter, { maxLength: 6 }).map((xs) => xs.join(''));
    const flip = (s: string) =>
      Array.from(s, (c, i) => (i % 2 === 0 ? c.toUpperCase() : c.toLowerCase())).join('');
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, flipped) => {
        const other = flipped ? flip(a) : b;
        expect(sameIgnoringCase(a, other)).toBe(
          a.length === other.length && a.toLowerCase() === other.toLowerCase(),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

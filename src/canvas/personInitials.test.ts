import { describe, expect, it } from 'vitest';
import { personInitials } from './personInitials';

describe('personInitials', () => {
  it.each([
    ['Maria (VA)', 'MA'],
    ['Virtual assistant', 'VA'],
    ['Me', 'ME'],
    ['  jo   smith  ', 'JS'],
    ['J. R. Bookkeeping', 'JR'],
    ['(Acme) Print Co', 'PC'],
    ['3D Print Co', 'PC'],
    ['Émile Zola', 'ÉZ'],
    ['#1', '?'],
    ['', '?'],
  ])('%j -> %s', (name, expected) => {
    expect(personInitials(name)).toBe(expected);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round } from './computeMetrics';
import { isTidy, quoteNode } from './describeNodes';

const MESSY = /^\s|\s$|\s\s|[^\S ]/;

describe('quoteNode', () => {
  it('quotes a clean label as it is and tidies whitespace in a messy one', () => {
    const node = (label: string) => ({
      id: 'a',
      kind: 'action' as const,
      label,
      position: { x: 0, y: 0 },
    });
    expect(quoteNode(node('Pack order'))).toBe("'Pack order'");
    expect(quoteNode(node('  Pack   order '))).toBe("'Pack order'");
    expect(quoteNode(node('Pack\torder'))).toBe("'Pack order'");
    expect(quoteNode(node('Café\u00a0au lait'))).toBe("'Café au lait'");
    expect(quoteNode(node('   '))).toBe('an unnamed step');
  });

  it('finds whitespace to tidy exactly where the regular expression does', () => {
    const chars = fc.constantFrom(
      'a',
      'Z',
      '?',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      'é',
      '\u2003',
      '\u0001',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }), (parts) => {
        const label = parts.join('');
        expect(isTidy(label)).toBe(!MESSY.test(label));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('round', () => {
  it('gives the same text as Number(x.toFixed(digits)).toString()', () => {
    const edge = fc.constantFrom(
      0,
      -0,
      0.005,
      1.005,
      -0.004,
      2.675,
      1e11 + 0.125,
      1e12,
      1e21,
      123.456,
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), edge),
        fc.integer({ min: 0, max: 2 }),
        (x, d) => {
          expect(round(x, d)).toBe(Number(x.toFixed(d)).toString());
        },
      ),
      { numRuns: 5000 },
    );
  });
});

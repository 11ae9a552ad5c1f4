import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNode, type MapNode } from '../model';
import { arrowsWithReverse } from './arrowsWithReverse';
import { bentArrow, PAIRED_BEND } from './bentArrow';
import type { Box } from './borderPoint';

/** Steps with these ids (at the origin: where they are does not matter here). */
function stepsNamed(ids: string[]): MapNode[] {
  return ids.map((id) => ({ ...createNode('action', { x: 0, y: 0 }), id }));
}

const draft: Box = { x: 0, y: 0, width: 170, height: 60, kind: 'action' };
const review: Box = { x: 0, y: 240, width: 170, height: 60, kind: 'action' };

describe('arrows running both ways between two steps', () => {
  it('finds each arrow that has one running back, and no other', () => {
    const steps = stepsNamed(['d', 'r', 'e']);
    const edges = [
      { id: 'down', source: 'd', target: 'r' },
      { id: 'up', source: 'r', target: 'd' },
      { id: 'on', source: 'r', target: 'e' },
      { id: 'self', source: 'e', target: 'e' },
      // Ends not on the map: never drawn, so never paired.
      { id: 'lost', source: 'd', target: 'gone' },
      { id: 'lostBack', source: 'gone', target: 'd' },
    ];
    expect([...arrowsWithReverse(steps, edges)].sort()).toEqual(['down', 'up']);
    expect(arrowsWithReverse(steps, edges)).toBe(arrowsWithReverse(steps, edges));
  });

  it('pairs exactly the arrows some other arrow runs back against, whatever the ids', () => {
    // Step ids that could collide if ends were joined into one string ("a" + "b\0c"...).
    const step = fc.constantFrom('a', 'b', 'a\u0000b', 'b\u0000a', '', 'ab');
    const arrows = fc
      .array(fc.tuple(step, step), { maxLength: 30 })
      .map((pairs) => pairs.map(([source, target], i) => ({ id: `e${i}`, source, target })));
    fc.assert(
      fc.property(arrows, (edges) => {
        const expected = edges
          .filter((e) => e.source !== e.target)
          .filter((e) => edges.some((o) => o.source === e.target && o.target === e.source))
          .map((e) => e.id);
        const steps = stepsNamed(['a', 'b', 'a\u0000b', 'b\u0000a', '', 'ab']);
        expect([...arrowsWithReverse(steps, edges)].sort()).toEqual(expected.sort());
      }),
    );
  });

  it('bows each to its own right, so the two lines and their labels are apart', () => {
    const down = bentArrow(draft, review, PAIRED_BEND);
    const up = bentArrow(review, draft, PAIRED_BEND);
    // Going down, the right-hand side is to the left of the screen (x smaller).
    expect(down.labelX).toBeLessThan(85 - PAIRED_BEND / 2);
    expect(up.labelX).toBeGreaterThan(85 + PAIRED_BEND / 2);
    expect(Math.abs(down.labelX - up.labelX)).toBeGreaterThan(60);
    expect(down.d).not.toBe(up.d);
    // Each leaves its step's border and ends on the other's.
    const [, sx, sy] = /^M (\S+) (\S+)/.exec(down.d)?.map(Number) ?? [];
    expect(sy).toBeCloseTo(60, 0);
    expect(sx).toBeLessThan(85);
  });
});

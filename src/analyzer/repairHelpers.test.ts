import { describe, expect, it } from 'vitest';
import type { MapNode } from '../model';
import { rowBeside } from './repairHelpers';

const step = (id: string, x: number, y: number): MapNode => ({
  id,
  kind: 'action',
  label: id,
  position: { x, y },
});

describe('rowBeside', () => {
  it('puts new steps in a row to the right of a step, at its height', () => {
    const a = step('a', 100, 50);
    expect(rowBeside([a, step('below', 100, 200)], a, 2)).toEqual([
      { x: 320, y: 50 },
      { x: 540, y: 50 },
    ]);
  });

  it('moves the whole row past steps already at that height', () => {
    const a = step('a', 0, 0);
    const nodes = [a, step('b', 250, 30), step('far', 2000, 0), step('c', 700, -40)];
    // b blocks the first slot and c the fourth: the row starts after c.
    expect(rowBeside(nodes, a, 3).map((p) => p.x)).toEqual([880, 1100, 1320]);
    // One new step fits between b and c.
    expect(rowBeside(nodes, a, 1).map((p) => p.x)).toEqual([440]);
  });
});

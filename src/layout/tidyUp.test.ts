import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { tidyUp } from './tidyUp';

describe('tidyUp', () => {
  it('places every step, top to bottom along the flow', async () => {
    const map = exampleMap();
    const pos = await tidyUp(map);
    expect(Object.keys(pos).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    expect(pos.s!.y).toBeLessThan(pos.a!.y);
    expect(pos.a!.y).toBeLessThan(pos.d!.y);
    expect(pos.p!.y).toBeLessThan(pos.e!.y);
  });

  it('ignores arrows to missing steps and self-loops', async () => {
    const map = exampleMap();
    map.edges.push(
      { id: 'x', source: 'a', target: 'ghost' },
      { id: 'y', source: 'a', target: 'a' },
    );
    const pos = await tidyUp(map);
    expect(Object.keys(pos)).toHaveLength(map.nodes.length);
  });

  it('places a step whose id is "__proto__" like any other', async () => {
    const map = exampleMap();
    map.nodes[1]!.id = '__proto__';
    for (const e of map.edges) {
      if (e.source === 'a') e.source = '__proto__';
      if (e.target === 'a') e.target = '__proto__';
    }
    const pos = await tidyUp(map);
    expect(Object.keys(pos).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    expect(Object.getPrototypeOf(pos)).toBe(null);
    const placed = new Map(Object.entries(pos));
    expect(placed.get('__proto__')!.y).toBeGreaterThan(pos.s!.y);
  });
});

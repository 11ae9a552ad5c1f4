import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { NODE_SIZE } from './nodeSize';
import { quickLayers } from './quickLayers';

describe('quickLayers', () => {
  it('puts each step a layer below its nearest start, without overlaps', () => {
    const map = exampleMap();
    const positions = quickLayers(map);
    expect(Object.keys(positions).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    expect(positions.s!.y).toBeLessThan(positions.a!.y);
    expect(positions.a!.y).toBeLessThan(positions.d!.y);
    const boxes = map.nodes.map((n) => ({ ...positions[n.id]!, ...NODE_SIZE[n.kind] }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('places steps nothing reaches, cycles and a "__proto__" id', () => {
    const positions = quickLayers({
      nodes: [
        { id: '__proto__', kind: 'action' },
        { id: 'b', kind: 'action' },
      ],
      edges: [
        { source: '__proto__', target: 'b' },
        { source: 'b', target: '__proto__' },
      ],
    });
    expect(Object.keys(positions).sort()).toEqual(['__proto__', 'b']);
  });

  it('lays out 50,000 steps with 150,000 arrows, wrapping wide layers', () => {
    const n = 50_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'action' as const }));
    const edges = Array.from({ length: 3 * n }, (_, k) => ({
      source: `n${Math.floor(k / 3)}`,
      target: `n${(Math.floor(k / 3) * 7 + k) % n}`,
    }));
    const positions = quickLayers({ nodes, edges });
    expect(Object.keys(positions)).toHaveLength(n);
    const right = Math.max(...Object.values(positions).map((p) => p.x));
    expect(right).toBeLessThan(40 * (NODE_SIZE.action.width + 50));
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { createMap, createNode, exampleMap } from '../model';
import { makeMapPreview } from './makeMapPreview';

describe('makeMapPreview', () => {
  it('fits the nodes inside the box and keeps edges as index pairs', () => {
    const preview = makeMapPreview(exampleMap());
    expect(preview.nodes).toHaveLength(6);
    for (const n of preview.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(160);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(100);
    }
    expect(preview.nodes[0]?.kind).toBe('start');
    expect(preview.edges[0]).toEqual([0, 1]);
  });

  it('handles empty maps, a single node and huge maps', () => {
    expect(makeMapPreview(createMap()).nodes).toEqual([]);
    const one = { ...createMap(), nodes: [createNode('start', { x: 5, y: 5 }, { id: 's' })] };
    expect(makeMapPreview(one).nodes).toEqual([{ x: 80, y: 50, kind: 'start' }]);
    const many = {
      ...createMap(),
      nodes: Array.from({ length: 1000 }, (_, i) => createNode('action', { x: i, y: i * 2 })),
    };
    expect(makeMapPreview(many).nodes).toHaveLength(300);
  });

  it('looks for the lines of a huge map among its first 20,000 arrows only', () => {
    const nodes = Array.from({ length: 400 }, (_, i) => createNode('action', { x: i, y: 0 }));
    const far = (i: number) => ({
      id: `f${i}`,
      source: nodes[350]?.id ?? '',
      target: nodes[399]?.id ?? '',
    });
    const near = { id: 'near', source: nodes[0]?.id ?? '', target: nodes[1]?.id ?? '' };
    const map = { ...createMap(), nodes };
    const early = makeMapPreview({
      ...map,
      edges: [...Array.from({ length: 19_999 }, (_, i) => far(i)), near],
    });
    expect(early.edges).toEqual([[0, 1]]);
    const late = makeMapPreview({
      ...map,
      edges: [...Array.from({ length: 20_000 }, (_, i) => far(i)), near],
    });
    expect(late.edges).toEqual([]);
  });
});

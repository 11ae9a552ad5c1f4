import { describe, expect, it } from 'vitest';
import { exampleMap, type MapNode } from '../model';
import { stepSize } from './nodeSize';
import { endsOf, geometryOf } from './stepGeometry';

describe('geometryOf and endsOf', () => {
  it('holds each step’s box and place, once per list', () => {
    const { nodes } = exampleMap();
    const geometry = geometryOf(nodes);
    nodes.forEach((node, i) => {
      expect(geometry.index.get(node.id)).toBe(i);
      expect([geometry.x[i], geometry.y[i]]).toEqual([node.position.x, node.position.y]);
      expect([geometry.width[i], geometry.height[i]]).toEqual([
        stepSize(node).width,
        stepSize(node).height,
      ]);
    });
    expect(geometryOf(nodes)).toBe(geometry);
  });

  it('after a move, has the new positions and the new size of a relabelled step', () => {
    const { nodes } = exampleMap();
    const before = geometryOf(nodes);
    const moved: MapNode[] = nodes.map((node, i) =>
      i === 1
        ? {
            ...node,
            position: { x: 999, y: -5 },
            label: `${node.label} with a much longer label to wrap`,
          }
        : node,
    );
    const after = geometryOf(moved);
    expect(after.index).toBe(before.index); // same steps in the same order
    expect([after.x[1], after.y[1]]).toEqual([999, -5]);
    expect(after.height[1]).toBe(stepSize(moved[1] as MapNode).height);
    expect(after.width[0]).toBe(before.width[0]);
  });

  it('gives -1 for an arrow end that is not on the list', () => {
    const map = exampleMap();
    const edges = [...map.edges, { id: 'lost', source: 'nowhere', target: map.nodes[0]?.id ?? '' }];
    const { source, target } = endsOf(edges, geometryOf(map.nodes).index);
    expect(source.at(-1)).toBe(-1);
    expect(target.at(-1)).toBe(0);
    expect(source[0]).toBe(map.nodes.findIndex((n) => n.id === map.edges[0]?.source));
  });
});

import { describe, expect, it } from 'vitest';
import { borderPoint } from '../layout/borderPoint';
import { exampleMap } from '../model';
import { createEdgeConverter, createNodeConverter } from './toFlowElements';

describe('toFlowElements', () => {
  it('reuses the React Flow node of an unchanged step, so only changed steps re-render', () => {
    const toFlow = createNodeConverter();
    const map = exampleMap();
    const first = toFlow(map.nodes, new Set());
    const moved = map.nodes.map((n) => (n.id === 'p' ? { ...n, position: { x: 1, y: 2 } } : n));
    const second = toFlow(moved, new Set(['a']));
    expect(second.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['a', 'p']);
    expect(second[1]).toMatchObject({
      type: 'action',
      selected: true,
      ariaLabel: 'Action: Check payment',
    });
  });

  it('gives arrows an arrowhead and a name that includes their label', () => {
    const edges = createEdgeConverter()(exampleMap().edges, new Set());
    expect(edges[2]).toMatchObject({
      type: 'arrow',
      ariaLabel: 'Arrow "Yes"',
      markerEnd: { type: 'arrowclosed' },
    });
  });
});

describe('borderPoint', () => {
  const rect = { x: 0, y: 0, width: 100, height: 50, kind: 'action' as const };
  const diamond = { x: 0, y: 0, width: 100, height: 100, kind: 'decision' as const };
  it('meets a rectangle on the side facing the other point', () => {
    expect(borderPoint(rect, { x: 50, y: 500 })).toEqual({ x: 50, y: 50, side: 'bottom' });
    expect(borderPoint(rect, { x: 500, y: 25 })).toEqual({ x: 100, y: 25, side: 'right' });
  });
  it('meets a diamond on its slanted edge', () => {
    const p = borderPoint(diamond, { x: 150, y: 150 });
    expect(p.x).toBeCloseTo(75);
    expect(p.y).toBeCloseTo(75);
  });
});

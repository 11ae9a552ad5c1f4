import { describe, expect, it } from 'vitest';
import { borderPoint } from '../layout/borderPoint';
import { exampleMap } from '../model';
import { ARROWHEAD_ID } from './ArrowheadDefs';
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

  it('reuses objects by position and by step, whether or not the selection Set is the same', () => {
    const toFlow = createNodeConverter();
    const map = exampleMap();
    const none = new Set<string>();
    const first = toFlow(map.nodes, none);
    // Same list, same selection: the very same objects.
    expect(toFlow(map.nodes, none).every((n, i) => n === first[i])).toBe(true);
    // Reordered, with a new but equal selection: still the same objects, found by step.
    const reversed = [...map.nodes].reverse();
    const again = toFlow(reversed, new Set());
    expect(again.every((n, i) => n === first[map.nodes.length - 1 - i])).toBe(true);
    // A step deselected in the same position gets a new object saying so.
    const selected = toFlow(map.nodes, new Set(['s']));
    const cleared = toFlow(map.nodes, none);
    expect(selected[0]?.selected).toBe(true);
    expect(cleared[0]?.selected).toBe(false);
    expect(cleared[1]).toBe(first[1]);
  });

  it('gives back the very same array for the same list and selection, so React Flow takes no new arrows', () => {
    const toFlow = createEdgeConverter();
    const { edges } = exampleMap();
    const none = new Set<string>();
    const first = toFlow(edges, none);
    expect(toFlow(edges, none)).toBe(first);
    // A new list, or a new selection, is a new array.
    expect(toFlow([...edges], none)).not.toBe(first);
    const selected = toFlow(edges, new Set([edges[0]!.id]));
    expect(selected).not.toBe(first);
    expect(selected[0]?.selected).toBe(true);
  });

  it('gives arrows an arrowhead and a name that includes their label', () => {
    const edges = createEdgeConverter()(exampleMap().edges, new Set());
    expect(edges[2]).toMatchObject({
      type: 'arrow',
      ariaLabel: 'Arrow "Yes"',
      markerEnd: ARROWHEAD_ID,
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

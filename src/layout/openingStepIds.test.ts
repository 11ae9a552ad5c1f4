import { describe, expect, it } from 'vitest';
import { exampleMap, type MapEdge, type MapNode, type ProcessMap } from '../model';
import { FIT_PADDING, openingStepIds, READABLE_ZOOM } from './openingStepIds';

const CANVAS = { width: 850, height: 700 };

/** A start, then `length` actions down a column 120 px apart, then an end. */
function column(length: number): ProcessMap {
  const map = exampleMap();
  const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } }];
  const edges: MapEdge[] = [];
  for (let i = 0; i < length; i++) {
    nodes.push({
      id: `a${i}`,
      kind: 'action',
      label: `Step ${i}`,
      position: { x: 0, y: 120 * (i + 1) },
    });
    edges.push({ id: `e${i}`, source: i === 0 ? 's' : `a${i - 1}`, target: `a${i}` });
  }
  return { ...map, nodes, edges };
}

/** The zoom at which fitView would show these steps (as React Flow computes it). */
function fitZoom(map: ProcessMap, ids: readonly string[]): number {
  const boxes = map.nodes.filter((n) => ids.includes(n.id));
  const x0 = Math.min(...boxes.map((n) => n.position.x));
  const y0 = Math.min(...boxes.map((n) => n.position.y));
  const x1 = Math.max(...boxes.map((n) => n.position.x + 170));
  const y1 = Math.max(...boxes.map((n) => n.position.y + 60));
  return Math.min(
    CANVAS.width / (1 + FIT_PADDING) / (x1 - x0),
    CANVAS.height / (1 + FIT_PADDING) / (y1 - y0),
  );
}

describe('openingStepIds', () => {
  it('fits the whole map when it is readable at that size', () => {
    expect(openingStepIds(exampleMap(), CANVAS)).toBeUndefined();
    expect(openingStepIds(column(3), CANVAS)).toBeUndefined();
  });

  it('opens a big map on its start and the steps right after it, readable', () => {
    const map = column(1000);
    const ids = openingStepIds(map, CANVAS) ?? [];
    expect(ids[0]).toBe('s');
    expect(ids.slice(1, 4)).toEqual(['a0', 'a1', 'a2']);
    expect(ids.length).toBeGreaterThan(4);
    expect(ids.length).toBeLessThan(20);
    expect(fitZoom(map, ids)).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-9);
    // As many as fit: one more step would not be readable.
    const next = `a${ids.length - 1}`;
    expect(fitZoom(map, [...ids, next])).toBeLessThan(READABLE_ZOOM);
  });

  it('starts from the first step when there is no start, and ignores arrows to missing steps', () => {
    const map = column(1000);
    map.nodes = map.nodes.slice(1);
    map.edges = map.edges.slice(1);
    map.edges.unshift({ id: 'ghost', source: 'a0', target: 'nowhere' });
    const ids = openingStepIds(map, CANVAS) ?? [];
    expect(ids.slice(0, 3)).toEqual(['a0', 'a1', 'a2']);
    expect(fitZoom(map, ids)).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-9);
  });

  it('shows nothing special for an empty map or an unmeasured canvas', () => {
    expect(openingStepIds({ nodes: [], edges: [] }, CANVAS)).toBeUndefined();
    expect(openingStepIds(column(1000), { width: 0, height: 0 })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { exampleMap, type ProcessMap } from '../model';
import { FIT_PADDING, openingStepIds, READABLE_ZOOM } from './openingStepIds';
import { lineOfSteps } from './testing/lineOfSteps';

const CANVAS = { width: 850, height: 700 };

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
    expect(openingStepIds(lineOfSteps(3), CANVAS)).toBeUndefined();
  });

  it('opens a big map on its start and the steps right after it, readable', () => {
    const map = lineOfSteps(1000);
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
    const map = lineOfSteps(1000);
    map.nodes = map.nodes.slice(1);
    map.edges = map.edges.slice(1);
    map.edges.unshift({ id: 'ghost', source: 'a0', target: 'nowhere' });
    const ids = openingStepIds(map, CANVAS) ?? [];
    expect(ids.slice(0, 3)).toEqual(['a0', 'a1', 'a2']);
    expect(fitZoom(map, ids)).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-9);
  });

  it('shows nothing special for an empty map or an unmeasured canvas', () => {
    expect(openingStepIds({ nodes: [], edges: [] }, CANVAS)).toBeUndefined();
    expect(openingStepIds(lineOfSteps(1000), { width: 0, height: 0 })).toBeUndefined();
  });
});

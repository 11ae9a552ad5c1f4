import { describe, expect, it } from 'vitest';
import { stepSize } from '../layout/nodeSize';
import { READABLE_ZOOM } from '../layout/openingStepIds';
import { lineOfSteps } from '../layout/testing/lineOfSteps';
import { exampleMap, type ProcessMap } from '../model';
import { viewForLayout } from './viewForLayout';

const CANVAS = { width: 850, height: 700 };
const ZOOMS = { minZoom: 0.05, maxZoom: 3 };

/** Which steps lie wholly inside the canvas in `view`. */
function inView(map: ProcessMap, view: { x: number; y: number; zoom: number }): string[] {
  return map.nodes
    .filter((n) => {
      const { width, height } = stepSize(n);
      const left = n.position.x * view.zoom + view.x;
      const top = n.position.y * view.zoom + view.y;
      return (
        left >= 0 &&
        top >= 0 &&
        left + width * view.zoom <= CANVAS.width &&
        top + height * view.zoom <= CANVAS.height
      );
    })
    .map((n) => n.id);
}

describe('viewForLayout', () => {
  it('fits a map that can be read whole: every step in view, with room around it', () => {
    const map = exampleMap();
    const view = viewForLayout(map, CANVAS, ZOOMS);
    if (!view) throw new Error('a view');
    expect(inView(map, view).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // Not the most it could zoom: a fifth of the canvas is left as margin.
    expect(inView(map, { ...view, zoom: view.zoom * 1.3 }).length).toBeLessThan(map.nodes.length);
  });

  it('shows a map too long to read whole from its start, at a readable zoom', () => {
    const map = lineOfSteps(200, { gap: 220, across: true });
    const view = viewForLayout(map, CANVAS, ZOOMS);
    if (!view) throw new Error('a view');
    const shown = inView(map, view);
    expect(shown).toContain('s');
    expect(shown).toContain('a0');
    expect(shown).not.toContain('a199');
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.zoom).toBeLessThanOrEqual(1.2);
  });

  it('gives no view for an empty map or a canvas with no size', () => {
    expect(viewForLayout({ nodes: [], edges: [] }, CANVAS, ZOOMS)).toBeNull();
    expect(viewForLayout(exampleMap(), { width: 0, height: 0 }, ZOOMS)).toBeNull();
  });
});

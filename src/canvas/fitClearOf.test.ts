import { getViewportForBounds, type Viewport } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bounds } from '../layout/stepsBounds';
import { fitClearOf } from './fitClearOf';

const area = { width: 852, height: 715, minZoom: 0.02, maxZoom: 1.2, padding: 0.4 };
/** The overview map: 200 x 150 px, 15 px from the canvas's bottom-right corner. */
const overview = { x: 852 - 215, y: 715 - 165, width: 200, height: 150 };

function boundsOf(steps: Bounds[]): Bounds {
  const x = Math.min(...steps.map((s) => s.x));
  const y = Math.min(...steps.map((s) => s.y));
  const right = Math.max(...steps.map((s) => s.x + s.width));
  const bottom = Math.max(...steps.map((s) => s.y + s.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** The step's box on the canvas, in px. */
function onCanvas(step: Bounds, view: Viewport): Bounds {
  return {
    x: step.x * view.zoom + view.x,
    y: step.y * view.zoom + view.y,
    width: step.width * view.zoom,
    height: step.height * view.zoom,
  };
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x + a.width > b.x && a.x < b.x + b.width && a.y + a.height > b.y && a.y < b.y + b.height;
}

describe('fitClearOf', () => {
  // A finding's arrow: its first step near the map's start, the other far down and right.
  const near = { x: 0, y: 0, width: 180, height: 60 };
  const far = { x: 4000, y: 3300, width: 180, height: 60 };

  it('moves a step the plain fit puts under the overview out from under it, whole on the canvas', () => {
    const steps = [near, far];
    const plain = getViewportForBounds(boundsOf(steps), 852, 715, 0.02, 1.2, 0.4);
    expect(overlaps(onCanvas(far, plain), overview)).toBe(true);

    const view = fitClearOf(boundsOf(steps), steps, area, overview);
    for (const step of steps) {
      const box = onCanvas(step, view);
      expect(overlaps(box, overview)).toBe(false);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(852);
      expect(box.y + box.height).toBeLessThanOrEqual(715);
    }
    // As large as it can be: the part of the canvas left of the overview (637 px wide) or
    // above it (550 px high), whichever fits the steps larger.
    const left = getViewportForBounds(boundsOf(steps), 637 - 8, 715, 0.02, 1.2, 0.4);
    const above = getViewportForBounds(boundsOf(steps), 852, 550 - 8, 0.02, 1.2, 0.4);
    expect(view.zoom).toBeCloseTo(Math.max(left.zoom, above.zoom), 9);
  });

  it('keeps the plain fit when no step lands under the overview, or there is none', () => {
    const steps = [near, { x: 400, y: 0, width: 180, height: 60 }];
    const plain = getViewportForBounds(boundsOf(steps), 852, 715, 0.02, 1.2, 0.4);
    expect(fitClearOf(boundsOf(steps), steps, area, overview)).toEqual(plain);
    const diagonal = [near, far];
    expect(fitClearOf(boundsOf(diagonal), diagonal, area, null)).toEqual(
      getViewportForBounds(boundsOf(diagonal), 852, 715, 0.02, 1.2, 0.4),
    );
  });

  it('keeps the plain fit when the overview leaves no part of the canvas big enough', () => {
    // A narrow canvas the overview nearly fills.
    const small = { ...area, width: 260, height: 200 };
    const cover = { x: 45, y: 35, width: 200, height: 150 };
    const steps = [near, far];
    expect(fitClearOf(boundsOf(steps), steps, small, cover)).toEqual(
      getViewportForBounds(boundsOf(steps), 260, 200, 0.02, 1.2, 0.4),
    );
  });

  it('leaves no step under the overview wherever the steps are, unless the zoom is at its least', () => {
    const step = fc.record({
      x: fc.integer({ min: -20_000, max: 20_000 }),
      y: fc.integer({ min: -20_000, max: 20_000 }),
      width: fc.constantFrom(60, 180),
      height: fc.constantFrom(60, 120),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const view = fitClearOf(boundsOf(steps), steps, area, overview);
        const under = steps.some((s) => overlaps(onCanvas(s, view), overview));
        // Only steps spread so far that even the least zoom cannot fit them may stay under it.
        return !under || view.zoom === area.minZoom;
      }),
    );
  });
});

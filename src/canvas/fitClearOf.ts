import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { Bounds } from '../layout/stepsBounds';

/** How to fit, as React Flow's getViewportForBounds takes it. */
export interface FitArea {
  /** The canvas's size in px. */
  width: number;
  height: number;
  minZoom: number;
  maxZoom: number;
  /** A share of the canvas, as React Flow's fitView padding. */
  padding: number;
}

/** The gap kept between the fitted steps' area and what covers the canvas, in px. */
const GAP = 8;
/** A part of the canvas narrower or lower than this share of it is not fitted into. */
const SMALLEST_SHARE = 0.4;

/**
 * The view that fits `bounds` into the canvas with none of `steps` (boxes in map coordinates)
 * under `cover` (a box on the canvas, in px, such as the overview map in its bottom-right
 * corner): the plain fit when it leaves them clear, else the fit into the part of the canvas
 * left of the cover or the part above it, whichever shows the steps larger. A part smaller
 * than 40% of the canvas is not used; when neither will do, the plain fit.
 * @example fitClearOf(bounds, [a, b], { width: 852, height: 715, minZoom: 0.02, maxZoom: 1.2, padding: 0.4 }, overview)
 */
export function fitClearOf(
  bounds: Bounds,
  steps: Iterable<Bounds>,
  area: FitArea,
  cover: Bounds | null,
): Viewport {
  const { width, height, minZoom, maxZoom, padding } = area;
  const plain = getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
  if (!cover || !anyUnder(steps, plain, cover)) return plain;
  const parts = [
    { width: cover.x - GAP, height },
    { width, height: cover.y - GAP },
  ].filter(
    (part) => part.width >= width * SMALLEST_SHARE && part.height >= height * SMALLEST_SHARE,
  );
  let best: Viewport | null = null;
  for (const part of parts) {
    const view = getViewportForBounds(bounds, part.width, part.height, minZoom, maxZoom, padding);
    if (!best || view.zoom > best.zoom) best = view;
  }
  return best ?? plain;
}

/** Whether any of `steps`, placed by `view`, overlaps `cover`. */
function anyUnder(steps: Iterable<Bounds>, view: Viewport, cover: Bounds): boolean {
  for (const step of steps) {
    const left = step.x * view.zoom + view.x;
    const top = step.y * view.zoom + view.y;
    const right = left + step.width * view.zoom;
    const bottom = top + step.height * view.zoom;
    if (
      right > cover.x &&
      left < cover.x + cover.width &&
      bottom > cover.y &&
      top < cover.y + cover.height
    ) {
      return true;
    }
  }
  return false;
}

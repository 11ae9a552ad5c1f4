import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { FIT_PADDING, openingStepIds } from '../layout/openingStepIds';
import { stepsBounds } from '../layout/stepsBounds';
import type { ProcessMap } from '../model';

/** The zooms the canvas allows. */
export interface ZoomRange {
  minZoom: number;
  maxZoom: number;
}

/** A map too big to read when fitted is shown no closer than this (as when it is opened). */
export const OPENING_MAX_ZOOM = 1.2;

/**
 * The view a freshly laid-out map is shown in, worked out from the steps' new positions
 * alone, so the canvas can move there in the same frame as the steps (React Flow's fitView
 * needs the steps drawn first, then draws every view on its way there): the whole map
 * fitted when it can be read that way, else its beginning (openingStepIds), as when the map
 * is opened. Null for an empty map or a canvas with no size.
 * @example viewForLayout(map, { width: 1000, height: 700 }, { minZoom: 0.05, maxZoom: 3 })
 */
export function viewForLayout(
  map: Pick<ProcessMap, 'nodes' | 'edges'>,
  canvas: { width: number; height: number },
  zoom: ZoomRange,
): Viewport | null {
  if (map.nodes.length === 0 || canvas.width <= 0 || canvas.height <= 0) return null;
  const ids = openingStepIds(map, canvas);
  const bounds = stepsBounds(map.nodes, ids && new Set(ids));
  if (!bounds) return null;
  return getViewportForBounds(
    bounds,
    canvas.width,
    canvas.height,
    zoom.minZoom,
    ids ? Math.min(OPENING_MAX_ZOOM, zoom.maxZoom) : zoom.maxZoom,
    FIT_PADDING,
  );
}

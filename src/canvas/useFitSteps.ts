import { getViewportForBounds, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { stepSize } from '../layout/nodeSize';
import { type Bounds, stepsBounds } from '../layout/stepsBounds';
import type { MapNode } from '../model';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { fitClearOf } from './fitClearOf';
import { useAnimateView } from './useAnimateView';

/** How to fit: which steps (all when left out), the padding, the closest zoom, the animation. */
export interface FitStepsOptions {
  ids?: Iterable<string>;
  /** A share of the canvas, as React Flow's fitView padding. */
  padding?: number;
  maxZoom?: number;
  /** Milliseconds. */
  duration?: number;
}

/**
 * Fit view worked out from the map, not from the steps React Flow holds: on a big map React
 * Flow holds only the steps near the view (useMapWindow), or hidden ones while the simple
 * layer draws them. Returns a function that moves the view so the steps (or only `ids`) fit;
 * `ids` (a finding's steps) are fitted clear of the overview map in the corner, so none of
 * them lands under it.
 * @example const fit = useFitSteps(); fit({ ids: finding.nodeIds, padding: 0.4, maxZoom: 1.2 });
 */
export function useFitSteps(): (options?: FitStepsOptions) => void {
  const editor = useEditorStoreApi();
  const flow = useStoreApi();
  const animateView = useAnimateView();
  return useCallback(
    (options: FitStepsOptions = {}) => {
      const { padding = 0.2, duration = 200 } = options;
      const only = options.ids ? new Set(options.ids) : undefined;
      const bounds = stepsBounds(editor.getState().map.nodes, only);
      const { width, height, minZoom, maxZoom, domNode } = flow.getState();
      if (!bounds || !width || !height) return;
      const closest = Math.min(maxZoom, options.maxZoom ?? maxZoom);
      const area = { width, height, minZoom, maxZoom: closest, padding };
      const viewport = only
        ? fitClearOf(bounds, boxesOf(editor.getState().map.nodes, only), area, overviewBox(domNode))
        : getViewportForBounds(bounds, width, height, minZoom, closest, padding);
      animateView(viewport, duration);
    },
    [editor, flow, animateView],
  );
}

/** The boxes of the steps in `only`, in map coordinates. */
function* boxesOf(nodes: readonly MapNode[], only: ReadonlySet<string>): Iterable<Bounds> {
  for (const node of nodes) {
    if (only.has(node.id)) yield { ...node.position, ...stepSize(node) };
  }
}

/** Where the overview map covers the canvas (`domNode`, React Flow's), in its px; null without one. */
function overviewBox(domNode: HTMLElement | null): Bounds | null {
  const overview = domNode?.querySelector('.lf-overview');
  if (!domNode || !overview) return null;
  const canvas = domNode.getBoundingClientRect();
  const box = overview.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  return {
    x: box.left - canvas.left,
    y: box.top - canvas.top,
    width: box.width,
    height: box.height,
  };
}

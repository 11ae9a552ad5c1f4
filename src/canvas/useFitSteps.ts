import { getViewportForBounds, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { stepsBounds } from '../layout/stepsBounds';
import { useEditorStoreApi } from '../store/EditorStoreContext';
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
 * layer draws them. Returns a function that moves the view so the steps (or only `ids`) fit.
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
      const { width, height, minZoom, maxZoom } = flow.getState();
      if (!bounds || !width || !height) return;
      const closest = Math.min(maxZoom, options.maxZoom ?? maxZoom);
      const viewport = getViewportForBounds(bounds, width, height, minZoom, closest, padding);
      animateView(viewport, duration);
    },
    [editor, flow, animateView],
  );
}

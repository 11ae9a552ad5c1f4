import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useCallback } from 'react';
import { simpleDrawingOf } from './lod/useSimpleDrawing';

/**
 * Returns a function that moves the view to a viewport over `duration` ms, as React Flow's
 * setViewport does, first telling the canvas where it is heading: on a big map, a move that
 * ends too far out to read labels is drawn in plain shapes from its first frame (see
 * simpleDrawing).
 * @example const animateView = useAnimateView(); animateView({ x: 0, y: 0, zoom: 0.05 }, 200);
 */
export function useAnimateView(): (viewport: Viewport, duration: number) => void {
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  return useCallback(
    (viewport: Viewport, duration: number) => {
      simpleDrawingOf(flow)?.headFor(viewport, duration);
      void setViewport(viewport, { duration });
    },
    [flow, setViewport],
  );
}

import { type Edge, type Node, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { isSimpleZoom } from './detailLevel';

/**
 * Hands React Flow its hidden steps and no arrows the moment its zoom crosses below the
 * simple-drawing threshold, inside the zoom event, before React draws that frame. Were they
 * passed only as props on the next render, React Flow would first draw every step in view
 * at the new zoom (all of them, when a big map is fitted): seconds of work thrown away.
 * `hiddenSteps` returns the steps as the canvas will pass them once it has re-rendered.
 */
export function useHideWhenZoomedOut<N extends Node, E extends Edge>(hiddenSteps: () => N[]) {
  const flow = useStoreApi<N, E>();
  const latest = useRef(hiddenSteps);
  latest.current = hiddenSteps;
  useEffect(
    () =>
      flow.subscribe((state, previous) => {
        const zoom = state.transform[2];
        if (zoom === previous.transform[2]) return;
        if (isSimpleZoom(zoom) && !isSimpleZoom(previous.transform[2])) {
          state.setNodes(latest.current());
          state.setEdges([]);
        }
      }),
    [flow],
  );
}

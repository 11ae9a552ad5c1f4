import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type SimpleDrawing, simpleDrawing } from './simpleDrawing';

/**
 * Each canvas's SimpleDrawing, for Fit view and the layer, by its React Flow store's
 * `getState` (useStoreApi hands each component a wrapper object of its own around it).
 */
const drawings = new WeakMap<object, SimpleDrawing>();

/**
 * The SimpleDrawing of the canvas whose React Flow store is `flow` (as useStoreApi returns
 * it), or null while no canvas has it mounted.
 * @example simpleDrawingOf(useStoreApi())?.headFor(viewport, 200)
 */
export function simpleDrawingOf(flow: { getState: object }): SimpleDrawing | null {
  return drawings.get(flow.getState) ?? null;
}

/**
 * Whether the canvas draws the map as plain shapes (see simpleDrawing): below the readable
 * zoom, and for a big map (`hold`) while a zoom up from there is still moving, or an animated
 * zoom out heads below it. Read in the same render as React Flow's own zoom, so no frame draws
 * the full steps in between.
 */
export function useSimpleDrawing(hold: boolean): boolean {
  const flow = useStoreApi();
  const holding = useRef(hold);
  holding.current = hold;
  const [drawing] = useState(() => simpleDrawing(flow, () => holding.current));
  useEffect(() => {
    drawings.set(flow.getState, drawing);
    return () => {
      if (drawings.get(flow.getState) === drawing) drawings.delete(flow.getState);
    };
  }, [flow, drawing]);
  return useSyncExternalStore(drawing.subscribe, drawing.get);
}

import { useStoreApi } from '@xyflow/react';
import { useRef, useState, useSyncExternalStore } from 'react';
import { simpleDrawing } from './simpleDrawing';

/**
 * Whether the canvas draws the map as plain shapes (see simpleDrawing): below the readable
 * zoom, and for a big map (`hold`) while a zoom up from there is still moving. Read in the
 * same render as React Flow's own zoom, so no frame draws the full steps in between.
 */
export function useSimpleDrawing(hold: boolean): boolean {
  const flow = useStoreApi();
  const holding = useRef(hold);
  holding.current = hold;
  const [drawing] = useState(() => simpleDrawing(flow, () => holding.current));
  return useSyncExternalStore(drawing.subscribe, drawing.get);
}

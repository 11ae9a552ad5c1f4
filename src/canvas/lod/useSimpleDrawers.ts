import { useEffect, useState } from 'react';
import { createSimpleDrawer, type SimpleDrawer } from './simpleDrawer';
import type { SimpleScene } from './simpleScene';

/** A canvas's drawing worker, made when first needed and kept while the canvas is. */
export interface SimpleDrawers {
  /** The drawer (made now if need be), or null where the browser cannot draw in a worker. */
  get(): SimpleDrawer | null;
  /** Sends a scene built ahead to the worker, so the layer need not once it is shown. */
  prepare(scene: SimpleScene): void;
}

/**
 * The simple layer's drawing worker for the canvas's whole life, not the layer's: the layer
 * comes and goes each time the zoom crosses the readable one, and a worker started then (and
 * sent a big map's scene then) drew its first bitmap after Fit view had already arrived.
 * @example const drawers = useSimpleDrawers(); <SimpleMapLayer drawers={drawers} … />
 */
export function useSimpleDrawers(): SimpleDrawers {
  const [drawers] = useState(() => {
    let made: SimpleDrawer | null | undefined;
    const get = () => {
      if (made === undefined) made = createSimpleDrawer();
      return made;
    };
    return {
      get,
      prepare: (scene: SimpleScene) => get()?.prepare(scene),
      dispose: () => {
        made?.dispose();
        made = undefined;
      },
    };
  });
  useEffect(() => () => drawers.dispose(), [drawers]);
  return drawers;
}

import { isSimpleZoom } from './detailLevel';

/**
 * How long a zoom that came up from the simple drawing must rest before the full steps are
 * drawn: a wheel sends an event every 16–100 ms while it turns.
 */
export const SETTLE_MS = 150;

/** The part of React Flow's state this reads: its view, [x, y, zoom]. */
type View = { transform: [number, number, number] };

/** The little of React Flow's store this needs: its view, and changes to it. */
export interface ZoomSource {
  getState(): View;
  subscribe(listener: (state: View, previous: View) => void): () => void;
}

/** Whether the canvas draws the simple layer, as a store for `useSyncExternalStore`. */
export interface SimpleDrawing {
  get(): boolean;
  subscribe(listener: () => void): () => void;
}

/**
 * Whether the canvas draws the map as plain shapes: at a zoom below the readable one
 * (isSimpleZoom), at once; and, when `holdWhileZooming()` (a big map), while a zoom that
 * came up from there is still moving, until it has rested {@link SETTLE_MS}. A wheel turned
 * from a big map's fitted zoom to 1.0 crosses the readable zoom on its way: drawing the full
 * steps then would mount each frame's new view at every wheel event, only for most of them
 * to leave the view a moment later. The simple layer follows the zoom by moving and scaling
 * a bitmap; the steps are drawn once, where the zoom comes to rest.
 * @example const drawing = simpleDrawing(flowStore, () => true); drawing.get() // true at 0.1
 */
export function simpleDrawing(
  flow: ZoomSource,
  holdWhileZooming: () => boolean,
  settleMs = SETTLE_MS,
): SimpleDrawing {
  let simple = isSimpleZoom(flow.getState().transform[2]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    if (next === simple) return;
    simple = next;
    for (const listener of listeners) listener();
  };
  const settle = () => {
    timer = undefined;
    set(isSimpleZoom(flow.getState().transform[2]));
  };
  const onChange = (state: View, previous: View) => {
    const zoom = state.transform[2];
    if (zoom === previous.transform[2]) return;
    clearTimeout(timer);
    timer = undefined;
    if (isSimpleZoom(zoom) || !simple) set(isSimpleZoom(zoom));
    else if (holdWhileZooming()) timer = setTimeout(settle, settleMs);
    else set(false);
  };
  return {
    get: () => simple,
    subscribe(listener) {
      if (!stop) {
        // The view may have moved while no one listened.
        if (timer === undefined) simple = isSimpleZoom(flow.getState().transform[2]);
        stop = flow.subscribe(onChange);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !stop) return;
        stop();
        stop = null;
        clearTimeout(timer);
        timer = undefined;
      };
    },
  };
}

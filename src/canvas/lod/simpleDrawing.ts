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

/** Where an animated view change is heading: React Flow's viewport. */
export interface ViewTarget {
  x: number;
  y: number;
  zoom: number;
}

/** Whether the canvas draws the simple layer, as a store for `useSyncExternalStore`. */
export interface SimpleDrawing {
  get(): boolean;
  subscribe(listener: () => void): () => void;
  /**
   * Says an animated view change (Fit view) is about to move to `target` over `durationMs`.
   * On a big map (`holdWhileZooming()`), one that ends below the readable zoom turns the
   * simple drawing on at once, and keeps it on while the view moves there.
   */
  headFor(target: ViewTarget, durationMs: number): void;
  /** The view an animation turned on by headFor is heading for, until it is there or stops. */
  heading(): ViewTarget | null;
}

/**
 * Whether the canvas draws the map as plain shapes: at a zoom below the readable one
 * (isSimpleZoom), at once; and, when `holdWhileZooming()` (a big map), while a zoom that
 * came up from there is still moving, until it has rested {@link SETTLE_MS}. A wheel turned
 * from a big map's fitted zoom to 1.0 crosses the readable zoom on its way: drawing the full
 * steps then would mount each frame's new view at every wheel event, only for most of them
 * to leave the view a moment later. The simple layer follows the zoom by moving and scaling
 * a bitmap; the steps are drawn once, where the zoom comes to rest. Likewise, an animated zoom
 * out to below the readable zoom on a big map (Fit view, told by `headFor`) draws plain shapes
 * from its first frame: mounting the full steps that come into view on its way out, only to
 * take them all down again where it crosses the readable zoom, made one long frame of it.
 * @example const drawing = simpleDrawing(flowStore, () => true); drawing.get() // true at 0.1
 */
export function simpleDrawing(
  flow: ZoomSource,
  holdWhileZooming: () => boolean,
  settleMs = SETTLE_MS,
): SimpleDrawing {
  let simple = isSimpleZoom(flow.getState().transform[2]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Where a view animation is heading, and until when (performance.now()) it moves. */
  let aim: { target: ViewTarget; until: number } | null = null;
  let stop: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    if (next === simple) return;
    simple = next;
    for (const listener of listeners) listener();
  };
  const settle = () => {
    timer = undefined;
    aim = null;
    set(isSimpleZoom(flow.getState().transform[2]));
  };
  // Held until the zoom has rested; while an animation is heading somewhere, at least until
  // it should have ended (a frame late on a busy machine must not end the hold mid-way).
  const hold = () => {
    const rest = aim ? Math.max(settleMs, aim.until - performance.now()) : settleMs;
    timer = setTimeout(settle, rest);
  };
  const onChange = (state: View, previous: View) => {
    const zoom = state.transform[2];
    if (zoom === previous.transform[2]) return;
    clearTimeout(timer);
    timer = undefined;
    if (aim && Math.abs(zoom / aim.target.zoom - 1) < 1e-9) aim = null; // arrived
    if (isSimpleZoom(zoom) || !simple) set(isSimpleZoom(zoom));
    else if (holdWhileZooming()) hold();
    else set(false);
  };
  return {
    get: () => simple,
    heading: () => (aim && performance.now() < aim.until ? aim.target : null),
    headFor(target, durationMs) {
      aim = null;
      if (!isSimpleZoom(target.zoom) || !holdWhileZooming()) return;
      const zoom = flow.getState().transform[2];
      if (zoom === target.zoom) return;
      aim = { target, until: performance.now() + durationMs + settleMs };
      clearTimeout(timer);
      timer = undefined;
      set(true);
      if (!isSimpleZoom(zoom)) hold();
    },
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
        aim = null;
      };
    },
  };
}

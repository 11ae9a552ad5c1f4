import { useEffect, useMemo, useRef } from 'react';
import type { MapEdge, MapNode } from '../../model';
import { buildSimpleScene, type SimpleScene, simpleSceneSlices } from './simpleScene';

/** Maps above this many steps get their scene built ahead, while the browser is idle. */
const PREPARE_ABOVE = 200;
/**
 * How long the steps and arrows must stay unchanged before their scene is built ahead, in
 * ms: a drag changes them every frame, and a scene built between two frames of it was thrown
 * away at the next (on 10,000 steps, 7 MB of the 120 MB a 3 s drag allocated, sampled).
 */
const QUIET_MS = 250;

/**
 * The simple layer's scene of the map while `on`, else null. The scene is kept for as long
 * as the steps and arrows are unchanged, and for a big map built ahead in idle time, so that
 * zooming out (Fit view) does not wait for it: a slice at a time while the browser has time
 * to spare (5,000 dense steps at once was a 150–300 ms task after every Tidy up or import),
 * once the map has been still for {@link QUIET_MS}.
 * A scene built ahead is handed to `onPrepared` (to send it on to the drawing worker). Each
 * scene is built from the last (the curves of the arrows a change left alone are kept).
 */
export function useSimpleScene(
  on: boolean,
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  onPrepared?: (scene: SimpleScene) => void,
): SimpleScene | null {
  const prepared = useRef(onPrepared);
  prepared.current = onPrepared;
  const kept = useRef<SimpleScene | null>(null);
  const sceneOf = useMemo(
    () => (n: readonly MapNode[], e: readonly MapEdge[]) => {
      const last = kept.current;
      if (last && last.nodes === n && last.edges === e) return last;
      kept.current = buildSimpleScene(n, e, last);
      return kept.current;
    },
    [],
  );
  useEffect(() => {
    if (on || nodes.length <= PREPARE_ABOVE || typeof requestIdleCallback !== 'function') return;
    if (kept.current?.nodes === nodes && kept.current.edges === edges) return;
    let slices: ReturnType<typeof simpleSceneSlices> | null = null;
    let id = 0;
    const work = (deadline: IdleDeadline) => {
      slices ??= simpleSceneSlices(nodes, edges, kept.current);
      // At least one slice each time, also when called because the timeout has passed.
      do {
        const slice = slices.next();
        if (slice.done) {
          kept.current = slice.value;
          // Sent on in an idle moment of its own: the copy can take a frame.
          id = requestIdleCallback(() => prepared.current?.(slice.value), { timeout: 3000 });
          return;
        }
      } while (deadline.timeRemaining() > 2);
      id = requestIdleCallback(work, { timeout: 3000 });
    };
    const quiet = setTimeout(() => {
      id = requestIdleCallback(work, { timeout: 3000 });
    }, QUIET_MS);
    return () => {
      clearTimeout(quiet);
      cancelIdleCallback(id);
    };
  }, [on, nodes, edges]);
  return useMemo(() => (on ? sceneOf(nodes, edges) : null), [on, nodes, edges, sceneOf]);
}

import { useEffect, useMemo, useRef } from 'react';
import type { MapEdge, MapNode } from '../../model';
import { buildSimpleScene, type SimpleScene } from './simpleScene';

/** Maps above this many steps get their scene built ahead, while the browser is idle. */
const PREPARE_ABOVE = 200;

/**
 * The simple layer's scene of the map while `on`, else null. The scene is kept for as long
 * as the steps and arrows are unchanged, and for a big map built ahead in idle time, so that
 * zooming out (Fit view) does not wait for it.
 */
export function useSimpleScene(
  on: boolean,
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
): SimpleScene | null {
  const kept = useRef<SimpleScene | null>(null);
  const sceneOf = useMemo(
    () => (n: readonly MapNode[], e: readonly MapEdge[]) => {
      const last = kept.current;
      if (last && last.nodes === n && last.edges === e) return last;
      kept.current = buildSimpleScene(n, e);
      return kept.current;
    },
    [],
  );
  useEffect(() => {
    if (on || nodes.length <= PREPARE_ABOVE || typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => sceneOf(nodes, edges), { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, [on, nodes, edges, sceneOf]);
  return useMemo(() => (on ? sceneOf(nodes, edges) : null), [on, nodes, edges, sceneOf]);
}

import { type Edge, type Node, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { coverFor, edgesNearView, stillCovers } from './edgesNearView';
import type { ViewRect } from './planMount';
import { viewOf } from './useProgressiveMount';

/**
 * The edges of a big map that React Flow needs: those near the view (the view and half a view
 * around it), not all of them. React Flow goes over every edge it is handed on each change of
 * its store (each pan or zoom frame, each step measured): its visible-edge test, connection
 * lookup, arrow-head list and selection listener. On a dense 5,000-step map that is 15,000
 * edges a frame. The list is worked out again only when the view nears the border of the area
 * it was made for (or zooms far into it), and when the edges or steps change; an unchanged
 * result is the same array. `enabled`: whether React Flow draws only what is in view.
 */
export function useEdgesNearView<N extends Node, E extends Edge>(
  edges: E[],
  nodes: N[],
  enabled: boolean,
): E[] {
  const flow = useStoreApi<N, E>();
  const cover = useRef<ViewRect | null>(null);
  const last = useRef<E[] | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const on = useRef(enabled);
  on.current = enabled;

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks for a new area
  const near = useMemo(() => {
    const view = viewOf(flow.getState());
    if (!enabled || !view) {
      cover.current = null;
      return edges;
    }
    if (!cover.current || !stillCovers(cover.current, view)) cover.current = coverFor(view);
    const list = edgesNearView(edges, nodes, cover.current, last.current);
    last.current = list;
    return list;
  }, [edges, nodes, enabled, tick, flow]);

  useEffect(
    () =>
      flow.subscribe((state, old) => {
        if (
          !on.current ||
          (state.transform === old.transform &&
            state.width === old.width &&
            state.height === old.height)
        )
          return;
        const view = viewOf(state);
        if (view && !(cover.current && stillCovers(cover.current, view))) setTick((t) => t + 1);
      }),
    [flow],
  );

  return near;
}

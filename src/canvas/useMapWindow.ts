import { useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapEdge, MapNode } from '../model';
import { type MapWindow, windowOf } from './mapWindow';
import type { ViewRect } from './planMount';
import { viewOf } from './useProgressiveMount';
import { coverFor, stillCovers } from './viewCover';

const EMPTY: MapWindow = { nodes: [], edges: [] };

/**
 * The steps and arrows of a big map that React Flow is handed: those near the view (the view
 * and half a view around it), the selection, and the ends of the arrows kept (see
 * windowOf), not the whole map. React Flow goes over every step it is handed each time it is
 * handed a new list (each frame of a fill-in, each Tidy up) and over every arrow on each
 * change of its store; on a map of 50,000 steps and 150,000 arrows that was most of every
 * such frame. The window is worked out again only when the view nears the border of the area
 * it was made for (or zooms far into it), and when the map or the selection changes; an
 * unchanged list is the same array. Null when `enabled` is false (hand over the whole map);
 * empty until React Flow has a size.
 */
export function useMapWindow(
  nodes: MapNode[],
  edges: MapEdge[],
  selectedNodeIds: ReadonlySet<string>,
  selectedEdgeIds: ReadonlySet<string>,
  enabled: boolean,
): MapWindow | null {
  const flow = useStoreApi();
  const cover = useRef<ViewRect | null>(null);
  const last = useRef<MapWindow | null>(null);
  const [tick, setTick] = useState(0);
  const on = useRef(enabled);
  on.current = enabled;

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks for a new area
  const part = useMemo(() => {
    const view = enabled ? viewOf(flow.getState()) : null;
    if (!view) {
      cover.current = null;
      last.current = null;
      return enabled ? EMPTY : null;
    }
    if (!cover.current || !stillCovers(cover.current, view)) cover.current = coverFor(view);
    const next = windowOf(
      nodes,
      edges,
      cover.current,
      selectedNodeIds,
      selectedEdgeIds,
      last.current,
    );
    last.current = next;
    return next;
  }, [nodes, edges, selectedNodeIds, selectedEdgeIds, enabled, tick, flow]);

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

  return part;
}

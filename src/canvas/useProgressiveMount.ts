import { type Edge, type Node, type ReactFlowState, useStoreApi } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isSimpleZoom } from './lod/detailLevel';
import { type Mounted, type MountPlan, planMount, type ViewRect } from './planMount';

/**
 * How much React Flow may mount in one frame: steps count NODE_COST, arrows EDGE_COST. About
 * 20 ms of mounting on the slow 2-core test machine (bench:layout, editor bench "zoom in").
 */
export const MOUNT_BUDGET = 60;

/**
 * The budget for a map of `arrows` arrows. Each frame that hands over more also costs React
 * Flow a pass over every arrow (its connection lookup and arrow-head list), so a map with
 * many arrows fills in with fewer, bigger frames: 60 up to 2,000 arrows, 164 at 15,000.
 * @example budgetFor(15_000) // 164
 */
export function budgetFor(arrows: number): number {
  return Math.round(MOUNT_BUDGET * Math.max(1, Math.sqrt(arrows / 2000)));
}

/**
 * The budget left in this frame, shared by every plan made in it (a jump of the view and the
 * render after it can fall in one frame); refilled at the next animation frame.
 */
function createFrameBudget() {
  let full = MOUNT_BUDGET;
  let left = full;
  let refill = 0;
  return {
    /** What is left this frame, for a map of `arrows` arrows. */
    left(arrows: number) {
      const wanted = budgetFor(arrows);
      if (wanted !== full) {
        left += wanted - full;
        full = wanted;
      }
      return Math.max(0, left);
    },
    spend(used: number) {
      left = Math.max(0, left - used);
      if (refill === 0 && typeof requestAnimationFrame === 'function') {
        refill = requestAnimationFrame(() => {
          refill = 0;
          left = full;
        });
      }
    },
  };
}

/** What part of the map React Flow shows, in map coordinates (null before it has a size). */
export function viewOf(
  state: Pick<ReactFlowState, 'width' | 'height' | 'transform'>,
): ViewRect | null {
  const { width, height, transform } = state;
  const [tx, ty, zoom] = transform;
  if (!width || !height || !zoom) return null;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/**
 * Hands React Flow the steps and arrows in view a frame's worth at a time, nearest the centre
 * first, instead of all at once: after an import, a Tidy up, a jump of the view (opening view,
 * zoom to a finding) or zooming in past the simple drawing, a big map fills in over a few
 * frames rather than freezing the tab while hundreds of steps and arrows mount. Steps held
 * back are passed hidden (fit view and selection still know them), arrows held back are left
 * out, and an arrow is only passed once both its steps are. A jump of the view is caught in
 * React Flow's store, before React draws it. `enabled`: whether React Flow draws only what is
 * in view (otherwise it mounts everything anyway and this does nothing).
 * Returns what to pass React Flow and whether anything is still held back.
 */
export function useProgressiveMount<N extends Node, E extends Edge>(
  nodes: N[],
  edges: E[],
  enabled: boolean,
  /**
   * The hidden twin of a step, the same object each time (the canvas's converter keeps one,
   * so a step held back is the very object React Flow had while the simple layer drew it,
   * and React Flow skips it). Without it, a copy is made and kept per step.
   */
  hiddenOf?: (node: N) => N,
  /**
   * Hand React Flow nothing (a Tidy up or a big map's import is being applied, see
   * UiSlice.relayout): what it drew is taken down in one go, a jump of the view meanwhile
   * costs nothing, and the steps then in view fill in over frames once this is false again.
   */
  blank = false,
): { nodes: N[]; edges: E[]; filling: boolean } {
  const flow = useStoreApi<N, E>();
  const [tick, setTick] = useState(0);
  // What React Flow was last handed, and in what view it drew it.
  const handed = useRef<Mounted<N, E> | null>(null);
  const latest = useRef({ nodes, edges, enabled, blank });
  latest.current = { nodes, edges, enabled, blank };
  const hidden = useRef(new WeakMap<N, N>());
  const [budget] = useState(createFrameBudget);
  const hide = useMemo(
    () =>
      hiddenOf ??
      ((node: N) => {
        let copy = hidden.current.get(node);
        if (!copy) {
          copy = { ...node, hidden: true };
          hidden.current.set(node, copy);
        }
        return copy;
      }),
    [hiddenOf],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick hands over the next batch
  const plan = useMemo((): MountPlan<N, E> => {
    const view = viewOf(flow.getState());
    if (!enabled || !view) return { nodes, edges, held: 0, used: 0 };
    if (blank) return { nodes: [], edges: [], held: nodes.length, used: 0 };
    const before = handed.current;
    // React Flow has drawn what it was handed in the view it shows now.
    const previous = before && { nodes: before.nodes, edges: before.edges, view };
    const next = planMount(nodes, edges, view, previous, budget.left(edges.length), hide);
    budget.spend(next.used);
    return next;
  }, [nodes, edges, enabled, tick, flow, hide, budget, blank]);

  useLayoutEffect(() => {
    const view = viewOf(flow.getState());
    handed.current = view && { nodes: plan.nodes, edges: plan.edges, view };
  }, [plan, flow]);

  // More next frame while anything is held back.
  useEffect(() => {
    if (plan.held === 0 || blank) return;
    const frame = requestAnimationFrame(() => setTick((t) => t + 1));
    return () => cancelAnimationFrame(frame);
  }, [plan, blank]);

  // A jump of the view (or of the canvas's size) is seen here first, before React Flow draws
  // every step now in view: hold back all but a frame's worth, in its store, right away.
  useEffect(
    () =>
      flow.subscribe((state, old) => {
        if (
          state.transform === old.transform &&
          state.width === old.width &&
          state.height === old.height
        )
          return;
        const { nodes: now, edges: nowEdges, enabled: on, blank: off } = latest.current;
        const before = handed.current;
        const view = viewOf(state);
        if (!on || off || !before || !view || isSimpleZoom(state.transform[2])) return;
        const was = viewOf(old) ?? view;
        // Zooming in (or a view inside the last one) brings nothing new into view.
        if (
          view.x >= was.x &&
          view.y >= was.y &&
          view.x + view.width <= was.x + was.width &&
          view.y + view.height <= was.y + was.height
        )
          return;
        // What React Flow drew until now: what it was handed, in the view it showed.
        const drawn = { nodes: before.nodes, edges: before.edges, view: was };
        const next = planMount(now, nowEdges, view, drawn, budget.left(nowEdges.length), hide);
        budget.spend(next.used);
        // Nothing to hold back: React Flow draws the steps now in view itself, as always.
        if (next.held === 0) return;
        handed.current = { nodes: next.nodes, edges: next.edges, view };
        // Steps are hidden in React Flow's lookup, not with setNodes: this can run inside
        // React Flow's own setNodes (a queued fit view), which would then put back the list
        // it was setting. The hidden step keeps its hidden copy as its user node, so the
        // canvas handing over that same copy changes nothing, and the step itself shows it.
        const lookup = state.nodeLookup;
        for (const node of next.nodes) {
          const internal = lookup.get(node.id);
          if (!node.hidden || !internal || internal.hidden) continue;
          lookup.set(node.id, {
            ...internal,
            hidden: true,
            internals: { ...internal.internals, userNode: node },
          });
        }
        flow.setState({ nodeLookup: lookup });
        state.setEdges(next.edges);
        setTick((t) => t + 1);
      }),
    [flow, hide, budget],
  );

  return { nodes: plan.nodes, edges: plan.edges, filling: plan.held > 0 };
}

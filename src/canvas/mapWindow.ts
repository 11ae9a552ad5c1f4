import { endsOf, geometryOf } from '../layout/stepGeometry';
import type { MapEdge, MapNode } from '../model';
import type { ViewRect } from './planMount';

/** The part of a big map that React Flow is handed (see {@link windowOf}). */
export interface MapWindow {
  nodes: MapNode[];
  edges: MapEdge[];
}

/** `previous` when it holds the very same items in the same order, else `next`. */
function sameOr<T>(previous: T[] | undefined, next: T[]): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

/**
 * The steps and arrows of a big map that React Flow needs while its view stays inside
 * `area`, in map order: the arrows whose box around both steps overlaps it (React Flow's own
 * test, so an arrow passing through is kept), selected arrows, and arrows with an end not on
 * the map (React Flow decides); the steps that overlap it, selected steps (dragged with the
 * selection, unselected by a click on the canvas) and both steps of every arrow kept (React
 * Flow draws an arrow only between steps it holds). Everything else is left out: React Flow
 * goes over every step it is handed each time it is handed a new list, and over every arrow
 * on each change of its store. Each list is `previous`'s when unchanged. Flat arrays of the
 * steps' boxes are kept per list, so a window costs a pass over numbers, not objects.
 * @example windowOf(map.nodes, map.edges, coverFor(view), selectedNodeIds, selectedEdgeIds)
 */
export function windowOf(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  area: ViewRect,
  selectedNodeIds: ReadonlySet<string>,
  selectedEdgeIds: ReadonlySet<string>,
  previous?: MapWindow | null,
): MapWindow {
  const { index, x, y, width, height } = geometryOf(nodes);
  const { source, target } = endsOf(edges, index);
  const left = area.x;
  const top = area.y;
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  const keep = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const x0 = x[i] as number;
    const y0 = y[i] as number;
    if (x0 < right && x0 + (width[i] as number) > left && y0 < bottom) {
      if (y0 + (height[i] as number) > top) keep[i] = 1;
    }
  }
  for (const id of selectedNodeIds) {
    const i = index.get(id);
    if (i !== undefined) keep[i] = 1;
  }
  const anySelected = selectedEdgeIds.size > 0;
  const near: MapEdge[] = [];
  for (let e = 0; e < edges.length; e++) {
    const a = source[e] as number;
    const b = target[e] as number;
    let take = a < 0 || b < 0;
    if (!take) {
      const ax = x[a] as number;
      const bx = x[b] as number;
      const ay = y[a] as number;
      const by = y[b] as number;
      take =
        Math.min(ax, bx) < right &&
        Math.max(ax + (width[a] as number), bx + (width[b] as number)) > left &&
        Math.min(ay, by) < bottom &&
        Math.max(ay + (height[a] as number), by + (height[b] as number)) > top;
    }
    const edge = edges[e] as MapEdge;
    if (!take && anySelected) take = selectedEdgeIds.has(edge.id);
    if (!take) continue;
    near.push(edge);
    if (a >= 0) keep[a] = 1;
    if (b >= 0) keep[b] = 1;
  }
  const shown: MapNode[] = [];
  for (let i = 0; i < nodes.length; i++) if (keep[i]) shown.push(nodes[i] as MapNode);
  return { nodes: sameOr(previous?.nodes, shown), edges: sameOr(previous?.edges, near) };
}

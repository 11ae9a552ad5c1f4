import type { MountEdge, MountNode, ViewRect } from './planMount';

/** How far past the view, in views, the edges handed to React Flow reach on each side. */
export const COVER_MARGIN = 0.5;
/** A view this close (in views) to the covered area's border asks for a new area. */
export const COVER_LEAD = 0.1;

/**
 * The area whose edges are handed to React Flow for `view`: the view and half a view more on
 * each side, so a pan goes a while before the area has to be worked out again.
 * @example coverFor({ x: 0, y: 0, width: 100, height: 50 }) // { x: -50, y: -25, width: 200, height: 100 }
 */
export function coverFor(view: ViewRect, margin = COVER_MARGIN): ViewRect {
  return {
    x: view.x - view.width * margin,
    y: view.y - view.height * margin,
    width: view.width * (1 + 2 * margin),
    height: view.height * (1 + 2 * margin),
  };
}

/**
 * Whether the edges near `cover` still do for `view`: the view is inside it, at least
 * {@link COVER_LEAD} of a view from its border, and not so far zoomed in that most of them
 * are far out of view (the cover more than 4 views wide).
 */
export function stillCovers(cover: ViewRect, view: ViewRect): boolean {
  const lx = view.width * COVER_LEAD;
  const ly = view.height * COVER_LEAD;
  return (
    view.x - lx >= cover.x &&
    view.y - ly >= cover.y &&
    view.x + view.width + lx <= cover.x + cover.width &&
    view.y + view.height + ly <= cover.y + cover.height &&
    cover.width <= view.width * 4 &&
    cover.height <= view.height * 4
  );
}

const BY_ID = new WeakMap<readonly MountNode[], Map<string, MountNode>>();
function byIdOf(nodes: readonly MountNode[]): Map<string, MountNode> {
  let map = BY_ID.get(nodes);
  if (!map) {
    map = new Map();
    for (const node of nodes) map.set(node.id, node);
    BY_ID.set(nodes, map);
  }
  return map;
}

/**
 * The edges React Flow could draw in any view inside `area`: those whose box around both
 * ends' steps overlaps it (React Flow's own visibility test), in their order. Selected edges
 * are always kept (a click on the pane unselects what React Flow has), and so is an edge
 * with an end not among `nodes` (React Flow decides). Returns `previous` when it holds
 * exactly the same edge objects, so React Flow is not handed a new list for nothing.
 * @example edgesNearView(edges, nodes, coverFor(view), lastList)
 */
export function edgesNearView<E extends MountEdge & { selected?: boolean }>(
  edges: readonly E[],
  nodes: readonly MountNode[],
  area: ViewRect,
  previous?: readonly E[],
): E[] {
  const byId = byIdOf(nodes);
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  const near: E[] = [];
  for (const edge of edges) {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (a && b && !edge.selected) {
      const x = Math.min(a.position.x, b.position.x);
      const y = Math.min(a.position.y, b.position.y);
      const x2 = Math.max(a.position.x + (a.width ?? 0), b.position.x + (b.width ?? 0));
      const y2 = Math.max(a.position.y + (a.height ?? 0), b.position.y + (b.height ?? 0));
      if (x >= right || x2 <= area.x || y >= bottom || y2 <= area.y) continue;
    }
    near.push(edge);
  }
  if (previous && previous.length === near.length && near.every((e, i) => e === previous[i]))
    return previous as E[];
  return near;
}

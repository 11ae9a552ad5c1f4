/** A rectangle in map coordinates. */
export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The little planMount needs of a React Flow node. */
export interface MountNode {
  id: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
  hidden?: boolean;
}

/** The little planMount needs of a React Flow edge. */
export interface MountEdge {
  id: string;
  source: string;
  target: string;
}

/** What React Flow was last given, and the view it drew it in. */
export interface Mounted<N extends MountNode, E extends MountEdge> {
  nodes: readonly N[];
  edges: readonly E[];
  view: ViewRect;
}

export interface MountPlan<N, E> {
  /** The nodes to hand React Flow: the ones held back as hidden copies (`hide`). */
  nodes: N[];
  /** The edges to hand React Flow: the ones held back left out. */
  edges: E[];
  /** How many nodes and edges are held back for a later frame. */
  held: number;
  /** How much of the budget the nodes and edges handed over cost. */
  used: number;
}

/** What a step costs to mount, in budget units. */
export const NODE_COST = 2;
/** What an arrow costs to mount: about half a step (measured with bench:layout). */
export const EDGE_COST = 1;

function widthOf(node: MountNode): number {
  return node.width ?? 0;
}
function heightOf(node: MountNode): number {
  return node.height ?? 0;
}

// The nodes of a list by id, kept while the list lives: a pan hands the same lists each frame.
const BY_ID = new WeakMap<readonly MountNode[], Map<string, MountNode>>();
function byIdOf<N extends MountNode>(nodes: readonly N[]): Map<string, N> {
  let map = BY_ID.get(nodes);
  if (!map) {
    map = new Map();
    for (const node of nodes) map.set(node.id, node);
    BY_ID.set(nodes, map);
  }
  return map as Map<string, N>;
}

/** Whether `node` overlaps `view` at all (React Flow's onlyRenderVisibleElements test). */
function nodeInView(node: MountNode, view: ViewRect): boolean {
  const { x, y } = node.position;
  return (
    x < view.x + view.width &&
    x + widthOf(node) > view.x &&
    y < view.y + view.height &&
    y + heightOf(node) > view.y
  );
}

/** Whether the box around both ends of an edge overlaps `view` (React Flow's isEdgeVisible). */
function edgeInView(a: MountNode, b: MountNode, view: ViewRect): boolean {
  const x = Math.min(a.position.x, b.position.x);
  const y = Math.min(a.position.y, b.position.y);
  const x2 = Math.max(a.position.x + widthOf(a), b.position.x + widthOf(b));
  const y2 = Math.max(a.position.y + heightOf(a), b.position.y + heightOf(b));
  return x < view.x + view.width && x2 > view.x && y < view.y + view.height && y2 > view.y;
}

/** Squared distance from (px, py) to the segment between a and b. */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return cx * cx + cy * cy;
}

/**
 * Decides which of the nodes and edges in `view` React Flow may mount now, so that one frame
 * mounts about `budget` (at most one item over; a node costs {@link NODE_COST}, an edge {@link EDGE_COST}); the rest are held back
 * (nodes hidden, edges left out) for following frames, nearest the view's centre first.
 * Whatever `previous` had mounted in its view stays; nodes and edges out of view are handed
 * over as they are (React Flow does not draw them). An edge is never handed over while one of
 * its ends is held back.
 * @example planMount(nodes, edges, view, previous, 80, (n) => ({ ...n, hidden: true }))
 */
export function planMount<N extends MountNode, E extends MountEdge>(
  nodes: N[],
  edges: E[],
  view: ViewRect,
  previous: Mounted<N, E> | null,
  budget: number,
  hide: (node: N) => N,
): MountPlan<N, E> {
  const before = previous ? byIdOf(previous.nodes) : new Map<string, N>();
  const wasMounted = (id: string) => {
    const old = before.get(id);
    return old !== undefined && !old.hidden && previous !== null && nodeInView(old, previous.view);
  };
  const cx = view.x + view.width / 2;
  const cy = view.y + view.height / 2;

  // Nodes that would mount now: visible, shown, and not already mounted.
  const byId = byIdOf(nodes);
  const arrivals: { node: N; d2: number }[] = [];
  for (const node of nodes) {
    if (node.hidden || !nodeInView(node, view) || wasMounted(node.id)) continue;
    const mx = node.position.x + widthOf(node) / 2 - cx;
    const my = node.position.y + heightOf(node) / 2 - cy;
    arrivals.push({ node, d2: mx * mx + my * my });
  }
  const arrivalD2 = new Map<string, number>();
  for (const a of arrivals) arrivalD2.set(a.node.id, a.d2);

  // Edges that would mount now: both ends known, visible, and not already mounted.
  const edgesBefore = new Set<string>();
  const oldNodeOf = (id: string) => before.get(id);
  if (previous) {
    for (const edge of previous.edges) {
      const a = oldNodeOf(edge.source);
      const b = oldNodeOf(edge.target);
      if (a && b && edgeInView(a, b, previous.view)) edgesBefore.add(edge.id);
    }
  }
  const edgeArrivals: { edge: E; d2: number }[] = [];
  for (const edge of edges) {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (!a || !b || edgesBefore.has(edge.id) || !edgeInView(a, b, view)) continue;
    const own = segmentDistance2(
      cx,
      cy,
      a.position.x + widthOf(a) / 2,
      a.position.y + heightOf(a) / 2,
      b.position.x + widthOf(b) / 2,
      b.position.y + heightOf(b) / 2,
    );
    // After its ends: an edge is only handed over once both of them are.
    const d2 = Math.max(own, arrivalD2.get(a.id) ?? 0, arrivalD2.get(b.id) ?? 0);
    edgeArrivals.push({ edge, d2 });
  }

  const total = arrivals.length * NODE_COST + edgeArrivals.length * EDGE_COST;
  if (total <= budget) return { nodes, edges, held: 0, used: total };

  type Item = { d2: number; node?: N; edge?: E };
  const items: Item[] = [...arrivals, ...edgeArrivals];
  // Nearest first; at equal distance, a node before the edges that need it.
  items.sort((p, q) => p.d2 - q.d2 || (p.node ? 0 : 1) - (q.node ? 0 : 1));
  const heldNodes = new Set<string>();
  const heldEdges = new Set<string>();
  let left = budget;
  for (const item of items) {
    if (item.node) {
      // While any budget is left the next one goes, so that every plan hands something over.
      if (left > 0) left -= NODE_COST;
      else heldNodes.add(item.node.id);
    } else if (item.edge) {
      const { edge } = item;
      if (left > 0 && !heldNodes.has(edge.source) && !heldNodes.has(edge.target)) {
        left -= EDGE_COST;
      } else heldEdges.add(edge.id);
    }
  }
  if (heldNodes.size === 0 && heldEdges.size === 0)
    return { nodes, edges, held: 0, used: budget - left };
  return {
    nodes: nodes.map((node) => (heldNodes.has(node.id) ? hide(node) : node)),
    edges: edges.filter(
      (edge) =>
        !heldEdges.has(edge.id) && !heldNodes.has(edge.source) && !heldNodes.has(edge.target),
    ),
    held: heldNodes.size + heldEdges.size,
    used: budget - left,
  };
}

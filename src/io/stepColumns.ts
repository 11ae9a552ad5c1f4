import {
  arrowEnds,
  type MapEdge,
  type MapEdit,
  type MapNode,
  type NodeKind,
  type Position,
  type Size,
} from '../model';

/**
 * What Tidy up needs of a map, as flat lists: each step's id, kind, label and own size,
 * and each arrow's two steps as indices into them (-1: not on the map). Sent to the layout
 * worker instead of the map's objects: copying 50,000 steps and 150,000 arrows as objects
 * into a worker was a 300-600 ms task on the main thread; lists of strings and two typed
 * arrays copy in a fraction of that.
 */
export interface StepColumns {
  ids: string[];
  kinds: NodeKind[];
  labels: string[];
  /** A step's own size, or null (its kind's, grown for its label). */
  sizes: (Size | null)[];
  sources: Int32Array;
  targets: Int32Array;
}

/**
 * The columns of a map's steps and arrows.
 * @example const columns = toStepColumns(map.nodes, map.edges)
 */
export function toStepColumns(nodes: readonly MapNode[], edges: readonly MapEdge[]): StepColumns {
  const n = nodes.length;
  const ids = new Array<string>(n);
  const kinds = new Array<NodeKind>(n);
  const labels = new Array<string>(n);
  const sizes = new Array<Size | null>(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as MapNode;
    ids[i] = node.id;
    kinds[i] = node.kind;
    labels[i] = node.label;
    sizes[i] = node.size ?? null;
    if (!index.has(node.id)) index.set(node.id, i);
  }
  return { ids, kinds, labels, sizes, ...arrowEnds(edges, index) };
}

/**
 * Steps and arrows again from columns, with what layout reads (arrows get ids of their own,
 * and those with an end not on the map are left out, as layout leaves them out).
 * @example const { nodes, edges } = fromStepColumns(columns)
 */
export function fromStepColumns(columns: StepColumns): { nodes: MapNode[]; edges: MapEdge[] } {
  const { ids, kinds, labels, sizes, sources, targets } = columns;
  const nodes: MapNode[] = ids.map((id, i) => {
    const size = sizes[i];
    const node: MapNode = {
      id,
      kind: kinds[i] as NodeKind,
      label: labels[i] ?? '',
      position: { x: 0, y: 0 },
    };
    if (size) node.size = size;
    return node;
  });
  const edges: MapEdge[] = [];
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e] as number;
    const t = targets[e] as number;
    if (s < 0 || t < 0) continue;
    edges.push({ id: `e${e}`, source: ids[s] as string, target: ids[t] as string });
  }
  return { nodes, edges };
}

/**
 * Positions by id as x, y pairs in the order of `ids` (a step with none stays at NaN), to
 * send back from the worker without copying an object per step.
 * @example const coords = positionsToCoords(columns.ids, positions)
 */
export function positionsToCoords(
  ids: readonly string[],
  positions: Readonly<Record<string, Position>>,
): Float64Array {
  const coords = new Float64Array(ids.length * 2).fill(Number.NaN);
  for (let i = 0; i < ids.length; i++) {
    const at = Object.hasOwn(positions, ids[i] as string) ? positions[ids[i] as string] : undefined;
    if (!at) continue;
    coords[2 * i] = at.x;
    coords[2 * i + 1] = at.y;
  }
  return coords;
}

/**
 * The moves that put each step where {@link positionsToCoords}'s pairs say (steps at NaN
 * stay where they are), made straight from the pairs, with no object per step in between.
 * @example coordsToMoves(['a'], new Float64Array([10, 20])) // [{ type: 'moveNode', nodeId: 'a', position: { x: 10, y: 20 } }]
 */
export function coordsToMoves(
  ids: readonly string[],
  coords: Float64Array,
): Extract<MapEdit, { type: 'moveNode' }>[] {
  const moves: Extract<MapEdit, { type: 'moveNode' }>[] = [];
  for (let i = 0; i < ids.length; i++) {
    const x = coords[2 * i] as number;
    const y = coords[2 * i + 1] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    moves.push({ type: 'moveNode', nodeId: ids[i] as string, position: { x, y } });
  }
  return moves;
}

import type { MapNode, Person, Position, ProcessMap } from '../model';
import { NODE_SIZE } from './nodeSize';

/** Room at the left of every lane for the person's name and role. */
export const LANE_HEADER_WIDTH = 150;
/** Space between a lane's edge and its steps. */
export const LANE_PADDING = 30;
/** The height of a lane with no steps. */
export const LANE_MIN_HEIGHT = 120;
const GAP_X = 60;
const GAP_Y = 40;

/** One person's band. */
export interface Lane {
  /** The person's id; null for the owner when the map lists none. */
  personId: string | null;
  name: string;
  role: Person['role'];
  /** Position in `map.people` (for the person's colour); -1 for the implicit owner. */
  peopleIndex: number;
  top: number;
  bottom: number;
}

/** The bands, top to bottom, and how far they reach left and right. */
export interface LaneBands {
  lanes: Lane[];
  left: number;
  right: number;
}

type LaneMap = Pick<ProcessMap, 'nodes' | 'edges' | 'people'>;

const isStep = (n: MapNode) => n.kind === 'action' || n.kind === 'decision';

/**
 * Who each lane is for, owner first then everyone else in People order, and which lane
 * (index) each node is in: a step in its doer's (a step with no known doer is the owner's),
 * a start in the lane of the first step after it, an end in that of the first step before.
 * @example laneOf(map).of.get('a') // 1
 */
export function laneOf(map: LaneMap): {
  lanes: Omit<Lane, 'top' | 'bottom'>[];
  of: Map<string, number>;
} {
  const ownerAt = map.people.findIndex((p) => p.role === 'owner');
  const lanes: Omit<Lane, 'top' | 'bottom'>[] = [];
  const laneIndex = new Map<string, number>();
  const add = (p: Person, i: number) => {
    laneIndex.set(p.id, lanes.length);
    lanes.push({ personId: p.id, name: p.name, role: p.role, peopleIndex: i });
  };
  const ids = new Set(map.people.map((p) => p.id));
  const unowned = map.nodes.some(
    (n) => isStep(n) && !('ownerId' in n && n.ownerId !== undefined && ids.has(n.ownerId)),
  );
  if (ownerAt >= 0) add(map.people[ownerAt]!, ownerAt);
  else if (unowned || map.people.length === 0)
    lanes.push({ personId: null, name: 'Owner', role: 'owner', peopleIndex: -1 });
  map.people.forEach((p, i) => {
    if (i !== ownerAt && !laneIndex.has(p.id)) add(p, i);
  });
  const ownerLane = 0;
  const of = new Map<string, number>();
  for (const n of map.nodes) {
    if (!isStep(n)) continue;
    const id = 'ownerId' in n ? n.ownerId : undefined;
    of.set(n.id, (id === undefined ? undefined : laneIndex.get(id)) ?? ownerLane);
  }
  const kindOf = new Map(map.nodes.map((n) => [n.id, n.kind] as const));
  for (const e of map.edges) {
    const source = { id: e.source, kind: kindOf.get(e.source) };
    const target = { id: e.target, kind: kindOf.get(e.target) };
    if (source?.kind === 'start' && !of.has(source.id) && of.has(e.target))
      of.set(source.id, of.get(e.target)!);
    if (target?.kind === 'end' && !of.has(target.id) && of.has(e.source))
      of.set(target.id, of.get(e.source)!);
  }
  for (const n of map.nodes) if (!of.has(n.id)) of.set(n.id, ownerLane);
  return { lanes, of };
}

/**
 * The bands of the lanes around where the steps are now: each lane from where the one above
 * ends to just below its lowest step, the first from just above its highest, stacked (a lane with no steps
 * gets a band of {@link LANE_MIN_HEIGHT}). Nodes in `skip` are left out (the ones being
 * dragged). Null when the map has no lanes.
 * @example laneBands(map)?.lanes[0]?.name // 'Me'
 */
export function laneBands(map: LaneMap, skip: ReadonlySet<string> = new Set()): LaneBands | null {
  const { lanes, of } = laneOf(map);
  if (lanes.length === 0) return null;
  const tops = lanes.map(() => Number.POSITIVE_INFINITY);
  const bottoms = lanes.map(() => Number.NEGATIVE_INFINITY);
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const n of map.nodes) {
    const size = NODE_SIZE[n.kind];
    left = Math.min(left, n.position.x);
    right = Math.max(right, n.position.x + size.width);
    if (skip.has(n.id)) continue;
    const k = of.get(n.id)!;
    tops[k] = Math.min(tops[k]!, n.position.y);
    bottoms[k] = Math.max(bottoms[k]!, n.position.y + size.height);
  }
  if (!Number.isFinite(left)) {
    left = 0;
    right = 400;
  }
  const first = tops.find(Number.isFinite);
  let edge = (first ?? 0) - LANE_PADDING;
  const out: Lane[] = lanes.map((lane, k) => {
    // Bands touch: each starts where the one above ends.
    const top = edge;
    const bottom = Number.isFinite(bottoms[k]!)
      ? Math.max(top + LANE_MIN_HEIGHT, bottoms[k]! + LANE_PADDING)
      : top + LANE_MIN_HEIGHT;
    edge = bottom;
    return { ...lane, top, bottom };
  });
  return {
    lanes: out,
    left: left - LANE_PADDING - LANE_HEADER_WIDTH,
    right: right + LANE_PADDING,
  };
}

/**
 * The lane a point at height `y` falls in; the first or last lane beyond either end.
 * @example laneAt(bands, 250)?.personId // 'maria'
 */
export function laneAt(bands: LaneBands, y: number): Lane | undefined {
  const { lanes } = bands;
  if (lanes.length === 0) return undefined;
  if (y < lanes[0]!.top) return lanes[0];
  return lanes.find((l) => y >= l.top && y < l.bottom) ?? lanes[lanes.length - 1];
}

/**
 * Tidy up within lanes: the flow runs left to right in columns (each step in the column of
 * its shortest distance from a start, breadth first), and each step sits in its doer's
 * lane, steps of one lane in the same column stacked. Linear in nodes and arrows.
 * @example laneLayout(map) // { s: { x: 180, y: 40 }, … }
 */
export function laneLayout(map: LaneMap): Record<string, Position> {
  const { lanes, of } = laneOf(map);
  const column = columns(map);
  const cellWidth = NODE_SIZE.action.width + GAP_X;
  const rowHeight = NODE_SIZE.decision.height + GAP_Y;
  // Row of each node within its lane's column, and how many rows each lane needs.
  const rowOf = new Map<string, number>();
  const used = new Map<string, number>();
  const rows = lanes.map(() => 1);
  for (const n of map.nodes) {
    const k = of.get(n.id)!;
    const key = `${k}:${column.get(n.id)}`;
    const row = used.get(key) ?? 0;
    used.set(key, row + 1);
    rowOf.set(n.id, row);
    rows[k] = Math.max(rows[k]!, row + 1);
  }
  const tops: number[] = [];
  let y = 0;
  for (let k = 0; k < lanes.length; k++) {
    tops.push(y);
    y += Math.max(LANE_MIN_HEIGHT, rows[k]! * rowHeight - GAP_Y + 2 * LANE_PADDING);
  }
  const positions: Record<string, Position> = Object.create(null); // ids may be "__proto__"
  for (const n of map.nodes) {
    const size = NODE_SIZE[n.kind];
    const k = of.get(n.id)!;
    positions[n.id] = {
      x: Math.round(
        LANE_HEADER_WIDTH +
          LANE_PADDING +
          column.get(n.id)! * cellWidth +
          (NODE_SIZE.action.width - size.width) / 2,
      ),
      y: Math.round(
        tops[k]! +
          LANE_PADDING +
          rowOf.get(n.id)! * rowHeight +
          (NODE_SIZE.decision.height - size.height) / 2,
      ),
    };
  }
  return positions;
}

/** Each node's column: its breadth-first distance from a start; unreached nodes after. */
function columns(map: Pick<ProcessMap, 'nodes' | 'edges'>): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of map.edges) {
    if (e.source === e.target) continue;
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const col = new Map<string, number>();
  const queue: string[] = [];
  let last = -1;
  const seed = (id: string, at: number) => {
    if (col.has(id)) return;
    col.set(id, at);
    last = Math.max(last, at);
    queue.push(id);
  };
  for (const n of map.nodes) if (n.kind === 'start') seed(n.id, 0);
  let head = 0;
  const run = () => {
    for (; head < queue.length; head++) {
      const id = queue[head]!;
      for (const to of next.get(id) ?? []) seed(to, col.get(id)! + 1);
    }
  };
  run();
  for (const n of map.nodes) {
    if (col.has(n.id)) continue;
    seed(n.id, last + 1);
    run();
  }
  return col;
}

/**
 * Whether every node sits in its own lane's band (so showing lanes needs no new layout).
 * @example lanesInOrder(map) // false until laid out within lanes
 */
export function lanesInOrder(map: LaneMap): boolean {
  const bands = laneBands(map);
  if (!bands) return true;
  const { of } = laneOf(map);
  return map.nodes.every((n) => {
    const centre = n.position.y + NODE_SIZE[n.kind].height / 2;
    return laneAt(bands, centre) === bands.lanes[of.get(n.id)!];
  });
}

import { arrowEnds, type MapEdge, type MapNode } from '../model';
import { stepSize } from './nodeSize';

/** A list of steps as flat arrays of their boxes (see {@link geometryOf}). */
export interface StepGeometry {
  nodes: readonly MapNode[];
  index: Map<string, number>;
  x: Float64Array;
  y: Float64Array;
  width: Float64Array;
  height: Float64Array;
}

/** Each arrow's two steps, as places in a {@link StepGeometry}'s list (-1: not on it). */
export interface ArrowEndIndices {
  index: ReadonlyMap<string, number>;
  source: Int32Array;
  target: Int32Array;
}

const GEOMETRY = new WeakMap<readonly MapNode[], StepGeometry>();
const ENDS = new WeakMap<readonly MapEdge[], ArrowEndIndices>();
/** The last list worked out: the next one (after a move or a Tidy up) mostly repeats it. */
let lastGeometry: StepGeometry | null = null;

/**
 * A list of steps as flat arrays of their boxes, with each step's id to its place: worked
 * out once per list and shared by the canvas's window, the opening view, the overview and
 * the arrows both ways.
 * @example const { index, x, y, width, height } = geometryOf(map.nodes)
 */
export function geometryOf(nodes: readonly MapNode[]): StepGeometry {
  const known = GEOMETRY.get(nodes);
  if (known) return known;
  const n = nodes.length;
  const prev = lastGeometry && lastGeometry.nodes.length === n ? lastGeometry : null;
  // The same steps in the same order (steps moved, a Tidy up): the index carries over, and
  // so does the size of each step whose kind, label and size are unchanged.
  let same = prev !== null;
  for (let i = 0; same && i < n; i++) same = nodes[i]?.id === prev?.nodes[i]?.id;
  const index = same && prev ? prev.index : new Map<string, number>();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const width = new Float64Array(n);
  const height = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as MapNode;
    x[i] = node.position.x;
    y[i] = node.position.y;
    const old = same ? prev?.nodes[i] : undefined;
    if (
      prev &&
      old &&
      old.kind === node.kind &&
      old.label === node.label &&
      old.size === node.size
    ) {
      width[i] = prev.width[i] as number;
      height[i] = prev.height[i] as number;
    } else {
      const size = stepSize(node);
      width[i] = size.width;
      height[i] = size.height;
    }
    if (!same && !index.has(node.id)) index.set(node.id, i);
  }
  const geometry = { nodes, index, x, y, width, height };
  GEOMETRY.set(nodes, geometry);
  lastGeometry = geometry;
  return geometry;
}

/**
 * Each arrow's two steps as places in the list `index` belongs to (-1: not on it), once per
 * arrow list and index.
 * @example const { source, target } = endsOf(map.edges, geometryOf(map.nodes).index)
 */
export function endsOf(
  edges: readonly MapEdge[],
  index: ReadonlyMap<string, number>,
): ArrowEndIndices {
  const known = ENDS.get(edges);
  if (known && known.index === index) return known;
  const { sources, targets } = arrowEnds(edges, index);
  const ends = { index, source: sources, target: targets };
  ENDS.set(edges, ends);
  return ends;
}

/** Each step's outgoing arrows as compressed rows: step i's targets are `outTo[firstOut[i]]` up to `outTo[firstOut[i + 1]]` (exclusive). */
export interface OutgoingRows {
  firstOut: Int32Array;
  outTo: Int32Array;
}

const ROWS = new WeakMap<ArrowEndIndices, OutgoingRows>();

/**
 * The steps' outgoing arrows (both ends on the map) as compressed rows of step places, once
 * per arrow ends and step count: a pass from a step to the steps after it reads flat arrays.
 * @example const { firstOut, outTo } = outgoingRows(endsOf(map.edges, index), map.nodes.length)
 */
export function outgoingRows(ends: ArrowEndIndices, steps: number): OutgoingRows {
  const known = ROWS.get(ends);
  if (known && known.firstOut.length === steps + 1) return known;
  const { source, target } = ends;
  const firstOut = new Int32Array(steps + 1);
  for (let e = 0; e < source.length; e++) {
    const s = source[e] as number;
    if (s >= 0 && (target[e] as number) >= 0) (firstOut[s + 1] as number)++;
  }
  for (let i = 0; i < steps; i++) (firstOut[i + 1] as number) += firstOut[i] as number;
  const fill = firstOut.slice(0, steps);
  const outTo = new Int32Array(firstOut[steps] as number);
  for (let e = 0; e < source.length; e++) {
    const s = source[e] as number;
    const t = target[e] as number;
    if (s >= 0 && t >= 0) outTo[(fill[s] as number)++] = t;
  }
  const rows = { firstOut, outTo };
  ROWS.set(ends, rows);
  return rows;
}

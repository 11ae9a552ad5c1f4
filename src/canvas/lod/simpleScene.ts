import Flatbush from 'flatbush';
import { type Box, borderPoint, type Side } from '../../layout/borderPoint';
import { endsOf, geometryOf } from '../../layout/stepGeometry';
import type { MapEdge, MapNode } from '../../model';
import type { Rect } from '../overviewFrame';
import type { MapRect } from './bitmapPlan';

/**
 * Everything the simple drawing needs from a map, computed once per change of its steps or
 * arrows: each step's box, each arrow's curve, and spatial indexes (flatbush) over both, so
 * drawing, hit-testing and box-selecting visit only what is near, not every step.
 */
export interface SimpleScene {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  /** Step i's box: x, y, width, height at 4i. */
  boxes: Float64Array;
  /** Arrow i's cubic curve at 8i: start, control 1, control 2, end (x, y each). NaN: not drawn. */
  curves: Float64Array;
  /**
   * Step i's index in `nodes` is i; arrow ends as step indexes (-1: no such step). Shared
   * with the canvas's other parts (endsOf): read only.
   */
  sources: Int32Array;
  targets: Int32Array;
  stepIndex: Flatbush | null;
  edgeIndex: Flatbush | null;
  /** The bounds of every step and drawn arrow (map coordinates); null for an empty map. */
  bounds: MapRect | null;
}

/** Curvature of React Flow's getBezierPath, which the full arrows use (ArrowEdge). */
const CURVATURE = 0.25;

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

/** React Flow's bezier control point for an end on `side` (as getBezierPath). */
function control(side: Side, x1: number, y1: number, x2: number, y2: number): [number, number] {
  switch (side) {
    case 'left':
      return [x1 - controlOffset(x1 - x2), y1];
    case 'right':
      return [x1 + controlOffset(x2 - x1), y1];
    case 'top':
      return [x1, y1 - controlOffset(y1 - y2)];
    default:
      return [x1, y1 + controlOffset(y2 - y1)];
  }
}

/**
 * The curve of an arrow from `source` to `target` (the same box for a step that loops to
 * itself), as the canvas's full arrows draw it: border to border, React Flow's bezier.
 * @example arrowCurve(a, b) // [sx, sy, c1x, c1y, c2x, c2y, tx, ty]
 */
export function arrowCurve(source: Box, target: Box): number[] {
  if (source === target) {
    const x = source.x + source.width;
    const y1 = source.y + source.height * 0.3;
    const y2 = source.y + source.height * 0.7;
    return [x, y1, x + 60, y1 - 30, x + 60, y2 + 30, x, y2];
  }
  const sc = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const s = borderPoint(source, tc);
  const t = borderPoint(target, sc);
  const [c1x, c1y] = control(s.side, s.x, s.y, t.x, t.y);
  const [c2x, c2y] = control(t.side, t.x, t.y, s.x, s.y);
  return [s.x, s.y, c1x, c1y, c2x, c2y, t.x, t.y];
}

/** How many steps or arrows {@link simpleSceneSlices} handles between two pauses. */
export const SCENE_SLICE = 1000;

/**
 * Builds the scene of a map's steps and arrows in slices: it pauses (yields) after every
 * {@link SCENE_SLICE} steps or arrows and returns the scene when done, so that a big map's
 * scene can be built over several idle periods instead of in one long task.
 *
 * The steps' boxes and the arrows' ends are the ones the canvas's other parts share
 * (geometryOf, endsOf: worked out once per list, a step's size carried over while its kind,
 * label and size stay); with `previous`, the scene of the map before a change, each arrow
 * whose place and two steps are unchanged keeps its curve. An edit of one step on 10,000
 * therefore works out a few curves, not all. Measuring every label and working out every
 * curve again took 2.8 MB of memory a build (0.4 MB now) and 17.7 ms (13.4 ms now), in Node;
 * in the editor bench's 12 edits of a 10,000-step map the page took 134 MB in all, 59 MB now
 * (sampled), which the browser has to sweep up.
 * @example const slices = simpleSceneSlices(nodes, edges); let r = slices.next(); while (!r.done) r = slices.next();
 */
export function* simpleSceneSlices(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  previous: SimpleScene | null = null,
): Generator<void, SimpleScene, void> {
  const geometry = geometryOf(nodes);
  const boxes = new Float64Array(nodes.length * 4);
  const stepIndex = nodes.length > 0 ? new Flatbush(nodes.length) : null;
  for (let i = 0; i < nodes.length; i++) {
    const x = geometry.x[i]!;
    const y = geometry.y[i]!;
    const width = geometry.width[i]!;
    const height = geometry.height[i]!;
    boxes[4 * i] = x;
    boxes[4 * i + 1] = y;
    boxes[4 * i + 2] = width;
    boxes[4 * i + 3] = height;
    stepIndex?.add(x, y, x + width, y + height);
    if ((i + 1) % SCENE_SLICE === 0) yield;
  }
  stepIndex?.finish();
  if (nodes.length >= SCENE_SLICE) yield;

  const boxOf = (i: number): Box => ({
    x: boxes[4 * i]!,
    y: boxes[4 * i + 1]!,
    width: boxes[4 * i + 2]!,
    height: boxes[4 * i + 3]!,
    kind: nodes[i]!.kind,
  });
  const { source: sources, target: targets } = endsOf(edges, geometry.index);
  const curves = new Float64Array(edges.length * 8).fill(Number.NaN);
  const edgeIndex = edges.length > 0 ? new Flatbush(edges.length) : null;
  // Every step and drawn arrow (an arrow is drawn only between two steps: so any, any step).
  const bounds: MapRect = stepIndex
    ? { x0: stepIndex.minX, y0: stepIndex.minY, x1: stepIndex.maxX, y1: stepIndex.maxY }
    : { x0: 0, y0: 0, x1: 0, y1: 0 };
  for (let i = 0; i < edges.length; i++) {
    const s = sources[i]!;
    const t = targets[i]!;
    if (s < 0 || t < 0) {
      // An arrow to a step that is not there is not drawn; it still takes its place in the index.
      edgeIndex?.add(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
    } else {
      const kept =
        previous !== null &&
        i < previous.edges.length &&
        previous.sources[i] === s &&
        previous.targets[i] === t &&
        previous.nodes[s] === nodes[s] &&
        previous.nodes[t] === nodes[t];
      if (kept) {
        // By hand: a view of the old curves per arrow would take memory of its own.
        for (let k = 8 * i; k < 8 * i + 8; k++) curves[k] = previous.curves[k]!;
      } else {
        const source = boxOf(s);
        curves.set(arrowCurve(source, s === t ? source : boxOf(t)), 8 * i);
      }
      let x0 = Number.POSITIVE_INFINITY;
      let y0 = Number.POSITIVE_INFINITY;
      let x1 = Number.NEGATIVE_INFINITY;
      let y1 = Number.NEGATIVE_INFINITY;
      // A cubic lies inside the hull of its four points.
      for (let k = 8 * i; k < 8 * i + 8; k += 2) {
        x0 = Math.min(x0, curves[k]!);
        x1 = Math.max(x1, curves[k]!);
        y0 = Math.min(y0, curves[k + 1]!);
        y1 = Math.max(y1, curves[k + 1]!);
      }
      edgeIndex?.add(x0, y0, x1, y1);
      bounds.x0 = Math.min(bounds.x0, x0);
      bounds.y0 = Math.min(bounds.y0, y0);
      bounds.x1 = Math.max(bounds.x1, x1);
      bounds.y1 = Math.max(bounds.y1, y1);
    }
    if ((i + 1) % SCENE_SLICE === 0) yield;
  }
  if (edges.length >= SCENE_SLICE) yield;
  edgeIndex?.finish();
  return {
    nodes,
    edges,
    boxes,
    curves,
    sources,
    targets,
    stepIndex,
    edgeIndex,
    bounds: stepIndex ? bounds : null,
  };
}

/**
 * Builds the scene of a map's steps and arrows at once (keeping the curves of `previous`'s
 * unchanged arrows: see simpleSceneSlices).
 * @example const scene = buildSimpleScene(map.nodes, map.edges); stepAt(scene, 10, 20, 4)
 */
export function buildSimpleScene(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  previous: SimpleScene | null = null,
): SimpleScene {
  const slices = simpleSceneSlices(nodes, edges, previous);
  for (;;) {
    const slice = slices.next();
    if (slice.done) return slice.value;
  }
}

/** How far a point is from step i's shape (0 inside; a diamond for decisions). */
function distanceTo(scene: SimpleScene, i: number, x: number, y: number): number {
  const bx = scene.boxes[4 * i]!;
  const by = scene.boxes[4 * i + 1]!;
  const hw = scene.boxes[4 * i + 2]! / 2;
  const hh = scene.boxes[4 * i + 3]! / 2;
  const dx = Math.abs(x - bx - hw);
  const dy = Math.abs(y - by - hh);
  if (scene.nodes[i]!.kind === 'decision') {
    // Distance to the side line x/hw + y/hh = 1 of the diamond's quarter the point is in.
    return Math.max(0, (dx / hw + dy / hh - 1) / Math.hypot(1 / hw, 1 / hh));
  }
  return Math.hypot(Math.max(0, dx - hw), Math.max(0, dy - hh));
}

/**
 * The step under a point (map coordinates), or -1. A point inside a step's shape picks it
 * (the last drawn, on top, when shapes overlap); else the nearest step within `tolerance`
 * map units, so a step a few pixels wide can still be clicked when zoomed far out.
 */
export function stepAt(scene: SimpleScene, x: number, y: number, tolerance = 0): number {
  if (!scene.stepIndex) return -1;
  const near = scene.stepIndex.search(x - tolerance, y - tolerance, x + tolerance, y + tolerance);
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const i of near) {
    const distance = distanceTo(scene, i, x, y);
    if (distance > tolerance) continue;
    // Inside several: the last drawn (on top); else the nearest.
    if (distance < bestDistance || (distance === 0 && i > best)) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** The steps whose whole box lies inside an area (as React Flow's box-select, full mode). */
export function stepsInside(scene: SimpleScene, area: Rect): number[] {
  if (!scene.stepIndex) return [];
  const x1 = area.x + area.width;
  const y1 = area.y + area.height;
  return scene.stepIndex.search(area.x, area.y, x1, y1, (i) => {
    const bx = scene.boxes[4 * i]!;
    const by = scene.boxes[4 * i + 1]!;
    return (
      bx >= area.x &&
      by >= area.y &&
      bx + scene.boxes[4 * i + 2]! <= x1 &&
      by + scene.boxes[4 * i + 3]! <= y1
    );
  });
}

/** The arrows with an end on one of the given steps (selected along with a box-selection). */
export function arrowsTouching(scene: SimpleScene, steps: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < scene.edges.length; i++) {
    if (steps.has(scene.sources[i]!) || steps.has(scene.targets[i]!)) out.push(i);
  }
  return out;
}

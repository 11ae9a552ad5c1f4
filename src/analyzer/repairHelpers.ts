import { LIMITS, type MapEdge, type MapNode, type Position } from '../model';
import { NODE_SIZE } from '../model/nodeSize';
import { type FlowGraph, KIND_DECISION } from './buildFlowGraph';
import type { Sccs } from './findSccs';

/** How far below (or above) its neighbour a suggested node is placed, in px. */
export const FIX_OFFSET = 140;

function clamp(v: number): number {
  return Math.max(-LIMITS.maxCoordinate, Math.min(LIMITS.maxCoordinate, v));
}

/** A position `dy` px below a node (negative: above). */
export function offsetFrom(node: MapNode, dy: number): Position {
  return { x: node.position.x, y: clamp(node.position.y + dy) };
}

/** Room any step takes on the canvas (the widest and the tallest kind), plus a gap. */
const SIZES = Object.values(NODE_SIZE);
const STEP_WIDTH = Math.max(...SIZES.map((s) => s.width));
const STEP_HEIGHT = Math.max(...SIZES.map((s) => s.height));
const SIDE_STEP = STEP_WIDTH + 50;

/**
 * Positions for `count` new steps in a row to the right of `node`, at its height, moved
 * further right past any step already there, so that none lands on another. One pass over
 * the nodes, then a sweep over those at the row's height.
 * @example rowBeside(g.nodes, node, 2) // [{ x: node.x + 220, y }, { x: node.x + 440, y }]
 */
export function rowBeside(nodes: readonly MapNode[], node: MapNode, count: number): Position[] {
  const { x, y } = node.position;
  const taken: number[] = [];
  for (const other of nodes) {
    const p = other.position;
    if (other !== node && Math.abs(p.y - y) < STEP_HEIGHT) taken.push(p.x - x);
  }
  taken.sort((a, b) => a - b);
  let first = 1;
  for (const dx of taken) {
    if (dx + STEP_WIDTH <= first * SIDE_STEP) continue; // left of the row
    if (dx >= (first + count - 1) * SIDE_STEP + STEP_WIDTH) break; // right of the row
    first = Math.ceil((dx + STEP_WIDTH) / SIDE_STEP);
  }
  return Array.from({ length: count }, (_, i) => ({
    x: clamp(x + (first + i) * SIDE_STEP),
    y,
  }));
}

/** A new node of a kind next to another. */
export function newNode(
  id: string,
  kind: MapNode['kind'],
  label: string,
  position: Position,
): MapNode {
  return { id, kind, label, position };
}

/** A new arrow, with a label only when given. */
export function newEdge(id: string, source: string, target: string, label?: string): MapEdge {
  const edge: MapEdge = { id, source, target };
  if (label !== undefined) edge.label = label;
  return edge;
}

/**
 * An end that an arrow from `from` can reach without making new steps reachable: one a
 * start already reaches or one with no arrows out (any end, when `from` is unreached).
 * -1 when there is none.
 */
export function pickSafeEnd(g: FlowGraph, reach: Uint8Array, from: number): number {
  let fallback = -1;
  for (let i = 0; i < g.ends.length; i++) {
    const e = g.ends[i]!;
    const quiet = g.outStart[e + 1] === g.outStart[e];
    if (quiet && (reach[e] === 1 || reach[from] === 0)) return e;
    if (fallback === -1 && (quiet || reach[e] === 1 || reach[from] === 0)) fallback = e;
  }
  return fallback;
}

/** The node of a component where a fix attaches: its first decision, else its first node. */
export function componentAnchor(g: FlowGraph, sccs: Sccs, c: number): number {
  for (let k = sccs.start[c]!; k < sccs.start[c + 1]!; k++) {
    const u = sccs.nodes[k]!;
    if (g.kind[u] === KIND_DECISION) return u;
  }
  return sccs.nodes[sccs.start[c]!]!;
}

/** Components inside `set` with no arrow to another component inside `set`. */
export function terminalComponents(g: FlowGraph, sccs: Sccs, set: Uint8Array): number[] {
  const out: number[] = [];
  for (let c = 0; c < sccs.count; c++) {
    const first = sccs.nodes[sccs.start[c]!]!;
    if (set[first] === 0) continue;
    let exits = false;
    for (let k = sccs.start[c]!; !exits && k < sccs.start[c + 1]!; k++) {
      const u = sccs.nodes[k]!;
      for (let s = g.outStart[u]!; s < g.outStart[u + 1]!; s++) {
        const v = g.outTarget[s]!;
        if (sccs.comp[v] !== c && set[v] === 1) {
          exits = true;
          break;
        }
      }
    }
    if (!exits) out.push(c);
  }
  return out.sort((a, b) => sccs.nodes[sccs.start[a]!]! - sccs.nodes[sccs.start[b]!]!);
}

/** Components inside `set` with no arrow from another component. */
export function sourceComponents(g: FlowGraph, sccs: Sccs, set: Uint8Array): number[] {
  const out: number[] = [];
  for (let c = 0; c < sccs.count; c++) {
    const first = sccs.nodes[sccs.start[c]!]!;
    if (set[first] === 0) continue;
    let entered = false;
    for (let k = sccs.start[c]!; !entered && k < sccs.start[c + 1]!; k++) {
      const v = sccs.nodes[k]!;
      for (let s = g.inStart[v]!; s < g.inStart[v + 1]!; s++) {
        if (sccs.comp[g.inSource[s]!] !== c) {
          entered = true;
          break;
        }
      }
    }
    if (!entered) out.push(c);
  }
  return out.sort((a, b) => sccs.nodes[sccs.start[a]!]! - sccs.nodes[sccs.start[b]!]!);
}

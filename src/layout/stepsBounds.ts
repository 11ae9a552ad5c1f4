import type { MapNode } from '../model';
import { stepSize } from './nodeSize';
import { geometryOf } from './stepGeometry';

/** A box in map coordinates. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box around `nodes` (or only those whose id is in `only`), each at its own size; null
 * when there is none.
 * @example stepsBounds(map.nodes) // { x: 0, y: 0, width: 1360, height: 620 }
 */
export function stepsBounds(nodes: readonly MapNode[], only?: ReadonlySet<string>): Bounds | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  if (!only) {
    // All of them: from the boxes worked out once per list (shared with the canvas).
    const { x, y, width, height } = geometryOf(nodes);
    for (let i = 0; i < nodes.length; i++) {
      x0 = Math.min(x0, x[i] as number);
      y0 = Math.min(y0, y[i] as number);
      x1 = Math.max(x1, (x[i] as number) + (width[i] as number));
      y1 = Math.max(y1, (y[i] as number) + (height[i] as number));
    }
  }
  for (const node of only ? nodes : []) {
    if (only && !only.has(node.id)) continue;
    const { width, height } = stepSize(node);
    x0 = Math.min(x0, node.position.x);
    y0 = Math.min(y0, node.position.y);
    x1 = Math.max(x1, node.position.x + width);
    y1 = Math.max(y1, node.position.y + height);
  }
  if (!Number.isFinite(x0)) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

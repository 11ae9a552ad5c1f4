import { NODE_SIZE } from '../../src/layout/nodeSize';
import type { ProcessMap } from '../../src/model';

declare global {
  interface Window {
    /** Every step's box in flow coordinates, x, y, width, height one after another. */
    __benchBoxes?: Float64Array;
  }
}

/**
 * Publishes the boxes of a map's steps for the benchmark runner, which counts how many
 * should be visible under the current viewport without knowing which page drew them.
 */
export function exposeBoxes(map: ProcessMap): void {
  const boxes = new Float64Array(map.nodes.length * 4);
  map.nodes.forEach((node, i) => {
    const size = NODE_SIZE[node.kind];
    boxes.set([node.position.x, node.position.y, size.width, size.height], i * 4);
  });
  window.__benchBoxes = boxes;
}

/** The map size asked for in the query string (`?n=1000`), 100 by default. */
export function sizeFromQuery(): number {
  const n = Number(new URLSearchParams(window.location.search).get('n') ?? '100');
  return Number.isInteger(n) && n > 0 && n <= 50_000 ? n : 100;
}

import type { ProcessMap } from '../model';
import type { MapPreview } from './recordSchemas';

const MAX_PREVIEW_NODES = 300;
const MAX_PREVIEW_EDGES = 600;
/** Arrows looked at for those between the first 300 steps: a thumbnail is not worth a pass
 * over 150,000 arrows (a 50,000-step map) in the task that stores an import. */
const MAX_EDGES_SCANNED = 20_000;

/**
 * Scales a map's node positions into a box (default 160 × 100) for a cheap thumbnail:
 * draw each node as a small shape by kind and each edge as a line between node indexes.
 * Large maps keep their first 300 nodes and up to 600 edges between them, found among the
 * first 20,000.
 * @example makeMapPreview(map) // { width: 160, height: 100, nodes: [{ x, y, kind }], edges: [[0, 1]] }
 */
export function makeMapPreview(map: ProcessMap, box = { width: 160, height: 100 }): MapPreview {
  const nodes = map.nodes.slice(0, MAX_PREVIEW_NODES);
  if (nodes.length === 0) return { width: box.width, height: box.height, nodes: [], edges: [] };
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  const margin = 8;
  const scale = Math.min(
    spanX > 0 ? (box.width - 2 * margin) / spanX : Number.POSITIVE_INFINITY,
    spanY > 0 ? (box.height - 2 * margin) / spanY : Number.POSITIVE_INFINITY,
  );
  const s = Number.isFinite(scale) ? scale : 1;
  const offsetX = (box.width - spanX * s) / 2;
  const offsetY = (box.height - spanY * s) / 2;
  const index = new Map<string, number>();
  const previewNodes = nodes.map((n, i) => {
    index.set(n.id, i);
    return {
      x: Math.round((n.position.x - minX) * s + offsetX),
      y: Math.round((n.position.y - minY) * s + offsetY),
      kind: n.kind,
    };
  });
  const edges: [number, number][] = [];
  const scanned = Math.min(map.edges.length, MAX_EDGES_SCANNED);
  for (let e = 0; e < scanned && edges.length < MAX_PREVIEW_EDGES; e++) {
    const edge = map.edges[e] as ProcessMap['edges'][number];
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a !== undefined && b !== undefined) edges.push([a, b]);
  }
  return { width: box.width, height: box.height, nodes: previewNodes, edges };
}

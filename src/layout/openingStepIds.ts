import type { ProcessMap } from '../model';
import { endsOf, geometryOf, outgoingRows } from './stepGeometry';

/** The smallest zoom at which a step's label is still easy to read (14 px text → ~8 px). */
export const READABLE_ZOOM = 0.6;

/** Fit padding, as React Flow's `fitView({ padding })`: a share of the canvas. */
export const FIT_PADDING = 0.2;

/**
 * The steps to fit in view when a map is opened without a saved view. `undefined` means
 * all of them: they fit the canvas at a readable zoom. A bigger map opens on the beginning
 * of its process instead — its start steps and the steps after them, breadth first, as
 * many as fit at `minZoom` — rather than as a grey field of specks, and the canvas draws
 * only what is in view. "Fit view" still shows the whole map.
 * @example fitView({ nodes: openingStepIds(map, { width: 850, height: 700 })?.map((id) => ({ id })) })
 */
export function openingStepIds(
  map: Pick<ProcessMap, 'nodes' | 'edges'>,
  canvas: { width: number; height: number },
  minZoom = READABLE_ZOOM,
): string[] | undefined {
  const { nodes, edges } = map;
  const n = nodes.length;
  if (n === 0 || canvas.width <= 0 || canvas.height <= 0) return undefined;
  // The largest box (in map units) that fits the canvas at minZoom.
  const maxWidth = canvas.width / (1 + FIT_PADDING) / minZoom;
  const maxHeight = canvas.height / (1 + FIT_PADDING) / minZoom;

  // The steps' boxes and the arrows' ends as flat arrays, shared with the canvas's window.
  const { index, x: left, y: top, width, height } = geometryOf(nodes);
  const ends = endsOf(edges, index);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, left[i] as number);
    y0 = Math.min(y0, top[i] as number);
    x1 = Math.max(x1, (left[i] as number) + (width[i] as number));
    y1 = Math.max(y1, (top[i] as number) + (height[i] as number));
  }
  if (x1 - x0 <= maxWidth && y1 - y0 <= maxHeight) return undefined;

  // Outgoing arrows as compressed rows (CSR) of step indices.
  const { firstOut, outTo: targets } = outgoingRows(ends, n);

  // Breadth first from the starts (or the first step), keeping each step whose box still
  // fits together with those kept so far.
  const queue = new Int32Array(n);
  const seen = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (nodes[i]?.kind === 'start') {
      seen[i] = 1;
      queue[tail++] = i;
    }
  }
  if (tail === 0) {
    seen[0] = 1;
    queue[tail++] = 0;
  }
  const kept: string[] = [];
  x0 = Infinity;
  y0 = Infinity;
  x1 = -Infinity;
  y1 = -Infinity;
  while (head < tail) {
    const i = queue[head++] as number;
    const nx0 = Math.min(x0, left[i] as number);
    const ny0 = Math.min(y0, top[i] as number);
    const nx1 = Math.max(x1, (left[i] as number) + (width[i] as number));
    const ny1 = Math.max(y1, (top[i] as number) + (height[i] as number));
    if (kept.length === 0 || (nx1 - nx0 <= maxWidth && ny1 - ny0 <= maxHeight)) {
      kept.push((nodes[i] as ProcessMap['nodes'][number]).id);
      x0 = nx0;
      y0 = ny0;
      x1 = nx1;
      y1 = ny1;
    }
    for (let k = firstOut[i] as number; k < (firstOut[i + 1] as number); k++) {
      const t = targets[k] as number;
      if (!seen[t]) {
        seen[t] = 1;
        queue[tail++] = t;
      }
    }
  }
  return kept;
}

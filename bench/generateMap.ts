import { NODE_SIZE } from '../src/layout/nodeSize';
import type { MapEdge, MapNode, NodeKind, ProcessMap } from '../src/model';
import { random } from './random';

/** Horizontal and vertical distance between grid cells, in flow units. */
export const CELL = { width: 240, height: 170 } as const;

/**
 * Makes a process-like benchmark map of `size` steps on a layered grid: a start at the top
 * left, a first row of decisions that route each case to a lane, one lane per column flowing
 * down, decisions (about three steps in ten) with a "Yes" arrow down and a "No" arrow back up
 * a row or two (rework loops) or over to the next lane, and an end at the foot of each lane.
 * About 1.3 arrows per step. Deterministic for a given size and seed.
 * @example generateMap(1000).edges.length // ≈ 1300
 */
export function generateMap(size: number, seed = 42): ProcessMap {
  const rnd = random(seed + size);
  // A grid a little wider than tall, like a screen.
  const cols = Math.max(1, Math.ceil(Math.sqrt(size * 1.15)));
  const rows = Math.ceil(size / cols);
  const at = (r: number, c: number) => r * cols + c;
  const exists = (r: number, c: number) => r >= 0 && c >= 0 && c < cols && at(r, c) < size;
  const lastRowOf = (c: number) => (exists(rows - 1, c) ? rows - 1 : rows - 2);

  const kinds: NodeKind[] = [];
  for (let i = 0; i < size; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    let kind: NodeKind = rnd() < 0.3 ? 'decision' : 'action';
    if (i === 0) kind = 'start';
    else if (r === 0) kind = exists(0, c + 1) || exists(1, 0) ? 'decision' : 'action';
    else if (r === lastRowOf(c)) kind = 'end';
    kinds.push(kind);
  }

  const nodes: MapNode[] = kinds.map((kind, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const box = NODE_SIZE[kind];
    const jitterX = Math.round((rnd() - 0.5) * 20);
    const jitterY = Math.round((rnd() - 0.5) * 12);
    const x = c * CELL.width + (CELL.width - box.width) / 2 + jitterX;
    const y = r * CELL.height + (CELL.height - box.height) / 2 + jitterY;
    const label =
      kind === 'start'
        ? 'Request received'
        : kind === 'end'
          ? `Done ${c + 1}`
          : kind === 'decision'
            ? r === 0
              ? `Lane ${c}?`
              : `Approved ${i}?`
            : `Step ${i}`;
    const base = { id: `n${i}`, label, position: { x, y } };
    if (kind === 'action') return { ...base, kind, durationMinutes: 5 + (i % 7) * 5 };
    if (kind === 'decision') return { ...base, kind };
    return { ...base, kind };
  });

  const edges: MapEdge[] = [];
  const add = (source: number, target: number, label?: string) => {
    if (target < 0) return;
    const edge: MapEdge = { id: `e${edges.length}`, source: `n${source}`, target: `n${target}` };
    if (label !== undefined) edge.label = label;
    edges.push(edge);
  };
  for (let i = 0; i < size; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const kind = kinds[i];
    const down = exists(r + 1, c) ? at(r + 1, c) : -1;
    const right = exists(r, c + 1) ? at(r, c + 1) : -1;
    if (kind === 'end') continue;
    if (kind === 'start') {
      add(i, right >= 0 ? right : down);
    } else if (r === 0) {
      // The first row routes each case to a lane; the last "No" wraps round to lane 0.
      if (kind === 'decision') {
        add(i, down, 'Yes');
        add(i, right >= 0 ? right : at(1, 0), 'No');
      } else if (down >= 0) add(i, down);
    } else if (kind === 'decision') {
      add(i, down, 'Yes');
      // "No" sends the case back a row or two (rework) or over to the next lane.
      const backRow = r - 1 - Math.floor(rnd() * 2);
      const back = backRow >= 1 && rnd() < 0.5 ? at(backRow, c) : -1;
      const side = exists(r + 1, c + 1)
        ? at(r + 1, c + 1)
        : exists(r + 1, c - 1)
          ? at(r + 1, c - 1)
          : -1;
      const no = back >= 0 ? back : side >= 0 ? side : right;
      if (no >= 0) add(i, no, 'No');
    } else {
      add(i, down >= 0 ? down : right);
    }
  }

  return {
    format: 'leverflow-map',
    version: 3,
    name: `Benchmark map, ${size} steps`,
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10, defaultHandOffRate: 25 },
    people: [],
    acceptedFindings: [],
    nodes,
    edges,
  };
}

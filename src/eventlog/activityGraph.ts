import type { ProcessMap } from '../model';
import { edgeChances } from './edgeChances';

/** Name of the start and end in an {@link activityGraph}. */
export const START = '(start)';
export const END = '(end)';

/**
 * The map as a log sees it: which activity (action label) directly follows which, with the
 * chance, passing through decisions (chances multiplied). Two maps with the same activity
 * graph produce the same logs. Keys are "from>to".
 * @example activityGraph(exampleMap()).get('Check payment>Pack order') // 0.9
 */
export function activityGraph(map: ProcessMap): Map<string, number> {
  const chances = edgeChances(map);
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  const nameOf = (id: string) => {
    const n = nodes.get(id)!;
    return n.kind === 'start' ? START : n.kind === 'end' ? END : n.label;
  };
  const walk = (from: string, at: string, p: number, depth: number) => {
    for (const [edge, q] of chances.get(at) ?? []) {
      const next = nodes.get(edge.target);
      if (!next || depth > 50) continue;
      if (next.kind === 'action' || next.kind === 'end') {
        const key = `${nameOf(from)}>${nameOf(next.id)}`;
        out.set(key, (out.get(key) ?? 0) + p * q);
      } else walk(from, next.id, p * q, depth + 1);
    }
  };
  for (const n of map.nodes) if (n.kind === 'start' || n.kind === 'action') walk(n.id, n.id, 1, 0);
  return out;
}

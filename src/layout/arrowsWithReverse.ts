import type { MapEdge } from '../model';

const cache = new WeakMap<readonly MapEdge[], ReadonlySet<string>>();

/**
 * The ids of the arrows that have another arrow running back the other way between the
 * same two steps (Draft -> Review and Review -> Draft). One pass over the arrows, kept per
 * arrow list, so every arrow of the canvas can ask in O(1).
 * @example arrowsWithReverse([{ id: 'a', source: 'x', target: 'y' }, { id: 'b', source: 'y', target: 'x' }]) // Set { 'a', 'b' }
 */
export function arrowsWithReverse(
  edges: readonly Pick<MapEdge, 'id' | 'source' | 'target'>[],
): ReadonlySet<string> {
  const known = cache.get(edges as readonly MapEdge[]);
  if (known) return known;
  const key = (from: string, to: string) => `${from.length}:${from}\u0000${to}`;
  const byEnds = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const k = key(edge.source, edge.target);
    const list = byEnds.get(k);
    if (list) list.push(edge.id);
    else byEnds.set(k, [edge.id]);
  }
  const paired = new Set<string>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    if (byEnds.has(key(edge.target, edge.source))) paired.add(edge.id);
  }
  cache.set(edges as readonly MapEdge[], paired);
  return paired;
}

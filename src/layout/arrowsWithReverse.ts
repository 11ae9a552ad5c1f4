import type { MapEdge } from '../model';

const cache = new WeakMap<readonly MapEdge[], ReadonlySet<string>>();

/**
 * The ids of the arrows that have another arrow running back the other way between the
 * same two steps (Draft -> Review and Review -> Draft), kept per arrow list, so every arrow
 * of the canvas can ask in O(1). Each step gets a number and each arrow's ends one number
 * of both; a sorted typed array of those is searched for each arrow's way back. No string
 * or set per arrow or step: on a dense 50,000-step map (150,000 arrows) a set per step made
 * this a 100 ms task when the map was opened (profiled).
 * @example arrowsWithReverse([{ id: 'a', source: 'x', target: 'y' }, { id: 'b', source: 'y', target: 'x' }]) // Set { 'a', 'b' }
 */
export function arrowsWithReverse(
  edges: readonly Pick<MapEdge, 'id' | 'source' | 'target'>[],
): ReadonlySet<string> {
  const known = cache.get(edges as readonly MapEdge[]);
  if (known) return known;
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(id, n);
    }
    return n;
  };
  // Two ends as one number: below 2^53 for up to 2^26 steps.
  const base = 2 * edges.length + 1;
  const ways = new Float64Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as Pick<MapEdge, 'source' | 'target'>;
    ways[e] = numberOf(edge.source) * base + numberOf(edge.target);
  }
  const sorted = ways.slice().sort();
  const has = (way: number) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = sorted[mid] as number;
      if (at === way) return true;
      if (at < way) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const paired = new Set<string>();
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as Pick<MapEdge, 'id' | 'source' | 'target'>;
    if (edge.source === edge.target) continue;
    const way = ways[e] as number;
    const back = (way % base) * base + Math.floor(way / base);
    if (has(back)) paired.add(edge.id);
  }
  cache.set(edges as readonly MapEdge[], paired);
  return paired;
}

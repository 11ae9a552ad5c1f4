import type { MapEdge } from './types';

/**
 * Each arrow's two steps as indices into a list of steps (`index`: a step's id to its place
 * in the list; -1 for an end not on it): flat arrays that a pass over thousands of arrows
 * reads without a lookup by id each time.
 * @example arrowEnds(map.edges, new Map(map.nodes.map((n, i) => [n.id, i])))
 */
export function arrowEnds(
  edges: readonly Pick<MapEdge, 'source' | 'target'>[],
  index: ReadonlyMap<string, number>,
): { sources: Int32Array; targets: Int32Array } {
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as Pick<MapEdge, 'source' | 'target'>;
    sources[e] = index.get(edge.source) ?? -1;
    targets[e] = index.get(edge.target) ?? -1;
  }
  return { sources, targets };
}

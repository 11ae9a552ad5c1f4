import type { ProcessMap } from '../model';

/** Where a step leads without another recorded step between: the arrows taken to each place. */
export type SilentReach = Map<number, number[]>;

/**
 * Builds, lazily per node, the steps a case can reach from it passing only through nodes
 * that leave no event (decisions the log does not name, parallel bars), with the arrows
 * (edge indexes) of the first such way found (breadth first). Actions, ends and nodes the
 * log names (`recorded[v]` is 1) stop the search: a case cannot pass an action unrecorded.
 * @example reachFrom(0).get(endIndex) // the arrows from the start to an end, if silent
 */
export function createSilentPaths(map: ProcessMap, recorded: Uint8Array) {
  const index = new Map(map.nodes.map((n, i) => [n.id, i]));
  const out: number[][] = map.nodes.map(() => []);
  map.edges.forEach((e, j) => {
    const s = index.get(e.source);
    if (s !== undefined && index.has(e.target)) out[s]!.push(j);
  });
  const target = map.edges.map((e) => index.get(e.target) ?? -1);
  const cache = new Map<number, SilentReach>();
  const stops = (v: number) =>
    recorded[v] === 1 || map.nodes[v]!.kind === 'end' || map.nodes[v]!.kind === 'action';
  return (from: number): SilentReach => {
    let reach = cache.get(from);
    if (reach) return reach;
    reach = new Map();
    const via = new Map<number, number>(); // node -> arrow it was first reached by
    const queue = [from];
    const seen = new Set([from]);
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (const j of out[u]!) {
        const v = target[j]!;
        if (stops(v)) {
          if (!reach.has(v)) {
            const path = [j];
            for (let w = u; w !== from; ) {
              const k = via.get(w)!;
              path.push(k);
              w = index.get(map.edges[k]!.source)!;
            }
            reach.set(v, path.reverse());
          }
          continue;
        }
        if (seen.has(v)) continue;
        seen.add(v);
        via.set(v, j);
        queue.push(v);
      }
    }
    cache.set(from, reach);
    return reach;
  };
}

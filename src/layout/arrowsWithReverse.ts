import type { MapEdge, MapNode } from '../model';
import { endsOf, geometryOf, outgoingRows } from './stepGeometry';

const cache = new WeakMap<
  readonly MapEdge[],
  { index: ReadonlyMap<string, number>; paired: ReadonlySet<string> }
>();

/**
 * The ids of the arrows that have another arrow running back the other way between the
 * same two steps (Draft -> Review and Review -> Draft), kept per arrow list, so every arrow
 * of the canvas can ask in O(1). Works over the arrows' ends as places in the step list
 * (`endsOf`, shared with the canvas's window): each step's outgoing arrows in one flat array,
 * and for each arrow a look along its target's few outgoing arrows for one back to its
 * source. Linear, with no string, set or sort per arrow: on a dense 50,000-step map
 * (150,000 arrows) a set per step was a 100 ms task when the map was opened (profiled). An
 * arrow with an end not on the map is never paired (it is not drawn).
 * @example arrowsWithReverse(steps, [{ id: 'a', source: 'x', target: 'y' }, { id: 'b', source: 'y', target: 'x' }]) // Set { 'a', 'b' }
 */
export function arrowsWithReverse(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
): ReadonlySet<string> {
  const { index } = geometryOf(nodes);
  const known = cache.get(edges);
  if (known && known.index === index) return known.paired;
  const ends = endsOf(edges, index);
  const { source, target } = ends;
  const { firstOut, outTo } = outgoingRows(ends, nodes.length);
  const paired = new Set<string>();
  for (let e = 0; e < edges.length; e++) {
    const s = source[e] as number;
    const t = target[e] as number;
    if (s < 0 || t < 0 || s === t) continue;
    for (let k = firstOut[t] as number; k < (firstOut[t + 1] as number); k++) {
      if (outTo[k] === s) {
        paired.add((edges[e] as MapEdge).id);
        break;
      }
    }
  }
  cache.set(edges, { index, paired });
  return paired;
}

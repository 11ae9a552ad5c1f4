import type { MapEdge, MapNode } from './types';

/** Steps and arrows in the order a person reads the map. */
export interface FlowOrder {
  nodeIds: string[];
  edgeIds: string[];
}

/**
 * The order a person reads a map in: steps breadth-first from each start along the arrows
 * (in file order), then any step no start reaches, in file order; arrows by the place of
 * the step they leave, then file order. Iterative and linear in the map.
 * @example flowOrder(map).nodeIds // ['start', 'draft', 'review', 'done']
 */
export function flowOrder(nodes: readonly MapNode[], edges: readonly MapEdge[]): FlowOrder {
  const out = new Map<string, string[]>();
  for (const edge of edges) {
    const list = out.get(edge.source);
    if (list) list.push(edge.target);
    else out.set(edge.source, [edge.target]);
  }
  const known = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (from: string) => {
    if (seen.has(from)) return;
    seen.add(from);
    order.push(from);
    for (let head = order.length - 1; head < order.length; head++) {
      for (const next of out.get(order[head]!) ?? []) {
        if (known.has(next) && !seen.has(next)) {
          seen.add(next);
          order.push(next);
        }
      }
    }
  };
  for (const node of nodes) if (node.kind === 'start') visit(node.id);
  for (const node of nodes) visit(node.id);
  const place = new Map(order.map((id, i) => [id, i]));
  const edgeIds = edges
    .map((edge, i) => ({ id: edge.id, at: place.get(edge.source) ?? order.length, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((e) => e.id);
  return { nodeIds: order, edgeIds };
}

/**
 * Each step's place in flow order (see flowOrder), to sort steps the way a person reads them.
 * @example [...steps].sort((a, b) => places.get(a.id)! - places.get(b.id)!)
 */
export function flowPlaces(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
): Map<string, number> {
  return new Map(flowOrder(nodes, edges).nodeIds.map((id, i) => [id, i]));
}

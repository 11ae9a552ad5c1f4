import type { ProcessMap } from '../model';

/**
 * Each node's place in flow order: breadth-first from the start nodes along the arrows (in
 * file order), then any node not reached, in file order. Linear in nodes and arrows.
 * @example flowOrder(map).get('a') // 1
 */
export function flowOrder(map: Pick<ProcessMap, 'nodes' | 'edges'>): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of map.edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const order = new Map<string, number>();
  const queue: string[] = [];
  for (const n of map.nodes) {
    if (n.kind === 'start' && !order.has(n.id)) {
      order.set(n.id, order.size);
      queue.push(n.id);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const to of next.get(queue[head]!) ?? []) {
      if (order.has(to)) continue;
      order.set(to, order.size);
      queue.push(to);
    }
  }
  for (const n of map.nodes) if (!order.has(n.id)) order.set(n.id, order.size);
  return order;
}

import type { MapNode } from '../model';

/** Lower case without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The steps whose label or notes contain every word of the query (any case, any accents),
 * in reading order: top to bottom, then left to right.
 * @example findSteps(map.nodes, 'pay') // ['check-payment', 'paid']
 */
export function findSteps(nodes: readonly MapNode[], query: string): string[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = nodes.filter((node) => {
    const text = fold(`${node.label}\n${node.notes ?? ''}`);
    return words.every((word) => text.includes(word));
  });
  hits.sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  return hits.map((node) => node.id);
}

import { exampleMap, type MapEdge, type MapNode, type ProcessMap } from '../../model';

/**
 * For tests: a start ("s", labelled `startLabel`), then `length` actions "a0", "a1", ...
 * ("Step 0", ...) in a line `gap` apart (down the page, or across it with `across`), each
 * joined to the one before, then, with `endLabel`, an end "e" after the last.
 * @example lineOfSteps(3).nodes.map((n) => n.id) // ['s', 'a0', 'a1', 'a2']
 */
export function lineOfSteps(
  length: number,
  { gap = 120, across = false, startLabel = 'Start', endLabel = '' } = {},
): ProcessMap {
  const at = (i: number) => (across ? { x: gap * i, y: 0 } : { x: 0, y: gap * i });
  const nodes: MapNode[] = [{ id: 's', kind: 'start', label: startLabel, position: at(0) }];
  const edges: MapEdge[] = [];
  for (let i = 0; i < length; i++) {
    nodes.push({ id: `a${i}`, kind: 'action', label: `Step ${i}`, position: at(i + 1) });
    edges.push({ id: `e${i}`, source: i === 0 ? 's' : `a${i - 1}`, target: `a${i}` });
  }
  if (endLabel) {
    nodes.push({ id: 'e', kind: 'end', label: endLabel, position: at(length + 1) });
    edges.push({ id: 'e-end', source: length > 0 ? `a${length - 1}` : 's', target: 'e' });
  }
  return { ...exampleMap(), nodes, edges };
}

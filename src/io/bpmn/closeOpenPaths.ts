import type { MapEdge, MapNode } from '../../model';
import type { IdAllocator } from '../import/createIdAllocator';
import { listNames, plural } from '../import/reportLines';

/** Steps added on import -> the step they sit before or after. */
export type Anchors = Map<string, { nodeId: string; side: 'before' | 'after' }>;

function makeNode(kind: 'start' | 'end', id: string, label: string): MapNode {
  return { id, kind, label, position: { x: 0, y: 0 } };
}

/**
 * BPMN lets a path begin at a step with nothing coming in, and stop at a step with nothing
 * going out. A flowchart needs a start and an end there, so they are added (in place, to
 * `nodes` and `edges`) and reported.
 * @example const anchors = closeOpenPaths(nodes, edges, ids, simplified, simplifiedNodeIds);
 */
export function closeOpenPaths(
  nodes: MapNode[],
  edges: MapEdge[],
  ids: IdAllocator,
  simplified: string[],
  simplifiedNodeIds: string[],
  /** Steps that get no added start: nothing is meant to reach them (unlinked link catches). */
  noStart: ReadonlySet<string> = new Set(),
): Anchors {
  const anchors: Anchors = new Map();
  const hasIn = new Set(edges.map((e) => e.target));
  const hasOut = new Set(edges.map((e) => e.source));
  const before: string[] = [];
  const after: string[] = [];
  for (const node of [...nodes]) {
    if (node.kind !== 'start' && !hasIn.has(node.id) && !noStart.has(node.id)) {
      const start = makeNode('start', ids.take(`${node.id}-start`), 'Start');
      start.notes = 'Added on import: in the BPMN file this path begins without a start event.';
      nodes.push(start);
      edges.push({ id: ids.take(`${node.id}-from-start`), source: start.id, target: node.id });
      anchors.set(start.id, { nodeId: node.id, side: 'before' });
      simplifiedNodeIds.push(start.id, node.id);
      before.push(node.label);
    }
    if (node.kind !== 'end' && !hasOut.has(node.id)) {
      const end = makeNode('end', ids.take(`${node.id}-end`), 'End');
      end.notes = 'Added on import: in the BPMN file this path stops here without an end event.';
      nodes.push(end);
      edges.push({ id: ids.take(`${node.id}-to-end`), source: node.id, target: end.id });
      anchors.set(end.id, { nodeId: node.id, side: 'after' });
      simplifiedNodeIds.push(end.id, node.id);
      after.push(node.label);
    }
  }
  if (before.length > 0) {
    simplified.push(
      `Added ${plural(before.length, 'start')} before ${listNames(before)}: the BPMN path begins there without a start event`,
    );
  }
  if (after.length > 0) {
    simplified.push(
      `Added ${plural(after.length, 'end')} after ${listNames(after)}: the BPMN path stops there without an end event`,
    );
  }
  return anchors;
}

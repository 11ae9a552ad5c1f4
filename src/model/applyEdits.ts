import type { MapEdge, MapNode, NodeKind, ProcessMap, StepNode } from './types';

/** One plain change to a map. Suggestions and store actions are lists of these. */
export type MapEdit =
  | { type: 'addNode'; node: MapNode }
  | { type: 'removeNode'; nodeId: string }
  | { type: 'addEdge'; edge: MapEdge }
  | { type: 'removeEdge'; edgeId: string }
  | { type: 'setNodeLabel'; nodeId: string; label: string }
  | { type: 'setEdgeLabel'; edgeId: string; label: string }
  | { type: 'changeKind'; nodeId: string; kind: NodeKind };

function withKind(node: MapNode, kind: NodeKind): MapNode {
  const base = { id: node.id, label: node.label, position: node.position, notes: node.notes };
  if (node.notes === undefined) delete base.notes;
  if (kind === 'action' || kind === 'decision') {
    const step = node.kind === 'action' || node.kind === 'decision' ? node : undefined;
    const next: StepNode = { ...base, kind };
    if (step?.durationMinutes !== undefined) next.durationMinutes = step.durationMinutes;
    if (step?.owner !== undefined) next.owner = step.owner;
    return next;
  }
  return { ...base, kind };
}

/**
 * Applies edits in order and returns a new map; the input is not changed. An edit whose
 * target is missing is skipped; removing a node removes its arrows.
 * @example applyEdits(map, [{ type: 'setNodeLabel', nodeId: 'a', label: 'Pack' }])
 */
export function applyEdits(map: ProcessMap, edits: readonly MapEdit[]): ProcessMap {
  let nodes = map.nodes;
  let edges = map.edges;
  for (const edit of edits) {
    switch (edit.type) {
      case 'addNode':
        if (!nodes.some((n) => n.id === edit.node.id)) nodes = [...nodes, edit.node];
        break;
      case 'removeNode':
        nodes = nodes.filter((n) => n.id !== edit.nodeId);
        edges = edges.filter((e) => e.source !== edit.nodeId && e.target !== edit.nodeId);
        break;
      case 'addEdge':
        if (!edges.some((e) => e.id === edit.edge.id)) edges = [...edges, edit.edge];
        break;
      case 'removeEdge':
        edges = edges.filter((e) => e.id !== edit.edgeId);
        break;
      case 'setNodeLabel':
        nodes = nodes.map((n) => (n.id === edit.nodeId ? { ...n, label: edit.label } : n));
        break;
      case 'setEdgeLabel':
        edges = edges.map((e) => (e.id === edit.edgeId ? { ...e, label: edit.label } : e));
        break;
      case 'changeKind':
        nodes = nodes.map((n) => (n.id === edit.nodeId ? withKind(n, edit.kind) : n));
        break;
    }
  }
  return { ...map, nodes, edges };
}

import { LIMITS } from './limits';
import { nodeSchema } from './schema';
import type { MapEdge, MapNode, NodeKind, ProcessMap, StepNode } from './types';

/** One plain change to a map. Suggestions and store actions are lists of these. */
export type MapEdit =
  | { type: 'addNode'; node: MapNode }
  | { type: 'removeNode'; nodeId: string }
  | { type: 'addEdge'; edge: MapEdge }
  | { type: 'removeEdge'; edgeId: string }
  | { type: 'setNodeLabel'; nodeId: string; label: string }
  | { type: 'setEdgeLabel'; edgeId: string; label: string }
  /** Sets a step's notes (its instructions: how to do it); an empty text removes them. */
  | { type: 'setNodeNotes'; nodeId: string; notes: string }
  | { type: 'changeKind'; nodeId: string; kind: NodeKind }
  /** Sets step fields; a field set to `null` is removed. Ignored on start and end nodes. */
  | { type: 'updateStep'; nodeId: string; patch: StepPatch }
  /** Sets an arrow's chance; `null` removes it. */
  | { type: 'setProbability'; edgeId: string; probability: number | null };

/** Fields of an action or decision that an edit may set (null removes the field). */
export type StepPatch = {
  [K in Exclude<keyof StepNode, 'id' | 'kind' | 'position' | 'label'>]?: StepNode[K] | null;
};

function patchStep(node: MapNode, patch: StepPatch): MapNode {
  if (node.kind !== 'action' && node.kind !== 'decision') return node;
  const next: Record<string, unknown> = { ...node };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  const parsed = nodeSchema.safeParse(next);
  return parsed.success ? parsed.data : node;
}

/** Like Array.map, but returns the same array when no item changed. */
function mapSame<T>(items: T[], update: (item: T) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const next = update(item);
    if (next !== item) {
      out ??= items.slice();
      out[i] = next;
    }
  }
  return out ?? items;
}

function withNotes(node: MapNode, notes: string): MapNode {
  const text = notes.slice(0, LIMITS.maxNotesLength);
  if ((node.notes ?? '') === text) return node;
  const { notes: _old, ...rest } = node;
  return text === '' ? (rest as MapNode) : { ...node, notes: text };
}

function withKind(node: MapNode, kind: NodeKind): MapNode {
  const base = { id: node.id, label: node.label, position: node.position, notes: node.notes };
  if (node.notes === undefined) delete base.notes;
  if (kind === 'action' || kind === 'decision') {
    const step = node.kind === 'action' || node.kind === 'decision' ? node : undefined;
    if (!step) return { ...base, kind };
    const { kind: _kind, ...fields } = step;
    return { ...fields, kind };
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
      case 'setNodeNotes':
        nodes = mapSame(nodes, (n) => (n.id === edit.nodeId ? withNotes(n, edit.notes) : n));
        break;
      case 'setEdgeLabel':
        edges = edges.map((e) => (e.id === edit.edgeId ? { ...e, label: edit.label } : e));
        break;
      case 'changeKind':
        nodes = nodes.map((n) => (n.id === edit.nodeId ? withKind(n, edit.kind) : n));
        break;
      case 'updateStep':
        nodes = nodes.map((n) => (n.id === edit.nodeId ? patchStep(n, edit.patch) : n));
        break;
      case 'setProbability':
        edges = edges.map((e) => {
          if (e.id !== edit.edgeId) return e;
          const { probability: _old, ...rest } = e;
          return edit.probability === null ? rest : { ...rest, probability: edit.probability };
        });
        break;
    }
  }
  // Nothing changed: the same map, so the store records no undo step.
  if (nodes === map.nodes && edges === map.edges) return map;
  return { ...map, nodes, edges };
}

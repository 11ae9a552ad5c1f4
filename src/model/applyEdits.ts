import { clampPosition } from './clampPosition';
import { LIMITS } from './limits';
import type { Size } from './nodeSize';
import { sameValue } from './sameValue';
import { nodeSchema } from './schema';
import type {
  MapEdge,
  MapNode,
  MapSettings,
  NodeKind,
  Person,
  Position,
  ProcessMap,
  StepNode,
} from './types';

/**
 * One plain change to a map. Suggestions and store actions are lists of these; every change
 * to the open map is one (like React Flow's `NodeChange`).
 */
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
  | { type: 'setProbability'; edgeId: string; probability: number | null }
  /** Puts a node somewhere else on the canvas. */
  | { type: 'moveNode'; nodeId: string; position: Position }
  /** Gives a step the size a person resized it to; `null` draws it at its kind's size again. */
  | { type: 'resizeNode'; nodeId: string; size: Size | null }
  | { type: 'renameMap'; name: string }
  /** Sets settings; a field set to `undefined` is removed. */
  | { type: 'updateSettings'; patch: Partial<MapSettings> }
  /** Adds a person, or replaces the one with the same id. */
  | { type: 'upsertPerson'; person: Person }
  /** Removes a person; their steps lose their owner. */
  | { type: 'removePerson'; personId: string }
  /** Marks a finding (by its key) as intended, with an optional reason, or clears the mark. */
  | { type: 'setFindingAccepted'; key: string; accepted: boolean; note?: string }
  /** The whole map at once: a saved version brought back, another tab's map. */
  | { type: 'replaceMap'; map: ProcessMap };

/** Fields of an action or decision that an edit may set (null removes the field). */
export type StepPatch = {
  [K in Exclude<keyof StepNode, 'id' | 'kind' | 'position' | 'label'>]?: StepNode[K] | null;
};

type EditOf<T extends MapEdit['type']> = Extract<MapEdit, { type: T }>;

function patchStep(node: MapNode, patch: StepPatch): MapNode {
  if (node.kind !== 'action' && node.kind !== 'decision') return node;
  const next: Record<string, unknown> = { ...node };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  const parsed = nodeSchema.safeParse(next);
  return parsed.success && !sameValue(parsed.data, node) ? parsed.data : node;
}

function withKind(node: MapNode, kind: NodeKind): MapNode {
  if (node.kind === kind) return node;
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
 * `list` with `update` applied to the items it changes; the same array when it changes none.
 * A change copies the list once, at its length (a step dragged on a 10,000-step map changes
 * the list every frame: built by pushes, each copy took about 150 KB, four times the list).
 */
function mapChanged<T>(list: readonly T[], update: (item: T) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const next = update(item);
    if (next === item) continue;
    out ??= list.slice();
    out[i] = next;
  }
  return out ?? (list as T[]);
}

/** `list` without the items `drop` picks; the same array when it picks none. */
function without<T>(list: readonly T[], drop: (item: T) => boolean): T[] {
  const out = list.filter((item) => !drop(item));
  return out.length === list.length ? (list as T[]) : out;
}

/** Adds nodes and arrows whose ids are new, in order. */
function addAll(map: ProcessMap, nodes: readonly MapNode[], edges: readonly MapEdge[]) {
  const add = <T extends { id: string }>(list: readonly T[], extra: readonly T[]): T[] => {
    if (extra.length === 0) return list as T[];
    const ids = new Set(list.map((x) => x.id));
    const out = list.slice();
    for (const x of extra) {
      if (ids.has(x.id)) continue;
      ids.add(x.id);
      out.push(x);
    }
    return out.length === list.length ? (list as T[]) : out;
  };
  const placed = nodes.map((n) => {
    const position = clampPosition(n.position);
    return position === n.position ? n : { ...n, position };
  });
  return { ...map, nodes: add(map.nodes, placed), edges: add(map.edges, edges) };
}

/** Removes nodes (and their arrows) and arrows. */
function removeAll(map: ProcessMap, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>) {
  return {
    ...map,
    nodes: nodeIds.size === 0 ? map.nodes : without(map.nodes, (n) => nodeIds.has(n.id)),
    edges: without(
      map.edges,
      (e) => edgeIds.has(e.id) || nodeIds.has(e.source) || nodeIds.has(e.target),
    ),
  };
}

function moveAll(map: ProcessMap, positions: ReadonlyMap<string, Position>): ProcessMap {
  const nodes = mapChanged(map.nodes, (n) => {
    const moved = positions.get(n.id);
    const p = moved && clampPosition(moved);
    return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: p } : n;
  });
  return nodes === map.nodes ? map : { ...map, nodes };
}

function withNodes(map: ProcessMap, update: (node: MapNode) => MapNode): ProcessMap {
  const nodes = mapChanged(map.nodes, update);
  return nodes === map.nodes ? map : { ...map, nodes };
}

function withEdges(map: ProcessMap, update: (edge: MapEdge) => MapEdge): ProcessMap {
  const edges = mapChanged(map.edges, update);
  return edges === map.edges ? map : { ...map, edges };
}

function updateSettings(map: ProcessMap, patch: Partial<MapSettings>): ProcessMap {
  const settings = { ...map.settings, ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete settings[key as keyof MapSettings]; // a key of the patch
  }
  return sameValue(settings, map.settings) ? map : { ...map, settings };
}

function upsertPerson(map: ProcessMap, person: Person): ProcessMap {
  const index = map.people.findIndex((p) => p.id === person.id);
  if (index < 0) return { ...map, people: [...map.people, person] };
  if (sameValue(map.people[index], person)) return map;
  return { ...map, people: map.people.map((p, i) => (i === index ? person : p)) };
}

function removePerson(map: ProcessMap, id: string): ProcessMap {
  if (!map.people.some((p) => p.id === id)) return map;
  const cleared = withNodes(map, (n) =>
    'ownerId' in n && n.ownerId === id ? patchStep(n, { ownerId: null }) : n,
  );
  return { ...cleared, people: map.people.filter((p) => p.id !== id) };
}

function setFindingAccepted(
  map: ProcessMap,
  key: string,
  accepted: boolean,
  note: string | undefined,
): ProcessMap {
  const has = map.acceptedFindings.some((f) => f.key === key);
  if (has === accepted) return map;
  const reason = note?.trim().slice(0, LIMITS.maxLabelLength);
  return {
    ...map,
    acceptedFindings: accepted
      ? [...map.acceptedFindings, reason ? { key, note: reason } : { key }]
      : map.acceptedFindings.filter((f) => f.key !== key),
  };
}

function withNotes(node: MapNode, notes: string): MapNode {
  const text = notes.slice(0, LIMITS.maxNotesLength);
  if ((node.notes ?? '') === text) return node;
  const { notes: _old, ...rest } = node;
  return text === '' ? (rest as MapNode) : { ...node, notes: text };
}

function setProbability(edge: MapEdge, probability: number | null): MapEdge {
  if (edge.probability === (probability ?? undefined)) return edge;
  const { probability: _old, ...rest } = edge;
  return probability === null ? rest : { ...rest, probability };
}

/** One edit that is not part of a batch. */
function applyOne(map: ProcessMap, edit: MapEdit): ProcessMap {
  switch (edit.type) {
    case 'setNodeLabel':
      return withNodes(map, (n) =>
        n.id === edit.nodeId && n.label !== edit.label ? { ...n, label: edit.label } : n,
      );
    case 'setEdgeLabel':
      return withEdges(map, (e) =>
        e.id === edit.edgeId && e.label !== edit.label ? { ...e, label: edit.label } : e,
      );
    case 'setNodeNotes':
      return withNodes(map, (n) => (n.id === edit.nodeId ? withNotes(n, edit.notes) : n));
    case 'resizeNode':
      return withNodes(map, (n) => (n.id === edit.nodeId ? withSize(n, edit.size) : n));
    case 'changeKind':
      return withNodes(map, (n) => (n.id === edit.nodeId ? withKind(n, edit.kind) : n));
    case 'updateStep':
      return withNodes(map, (n) => (n.id === edit.nodeId ? patchStep(n, edit.patch) : n));
    case 'setProbability':
      return withEdges(map, (e) =>
        e.id === edit.edgeId ? setProbability(e, edit.probability) : e,
      );
    case 'renameMap':
      return map.name === edit.name ? map : { ...map, name: edit.name };
    case 'updateSettings':
      return updateSettings(map, edit.patch);
    case 'upsertPerson':
      return upsertPerson(map, edit.person);
    case 'removePerson':
      return removePerson(map, edit.personId);
    case 'setFindingAccepted':
      return setFindingAccepted(map, edit.key, edit.accepted, edit.note);
    case 'replaceMap':
      return edit.map;
    default:
      return applyRun(map, [edit]);
  }
}

const BATCHED = new Set<MapEdit['type']>([
  'addNode',
  'addEdge',
  'removeNode',
  'removeEdge',
  'moveNode',
]);

/** A run of adds, removals or moves, in one pass over the map (a paste adds thousands). */
function applyRun(map: ProcessMap, run: readonly MapEdit[]): ProcessMap {
  const kind = run[0]!.type;
  if (kind === 'addNode' || kind === 'addEdge') {
    const nodes = run.flatMap((e) => (e.type === 'addNode' ? [e.node] : []));
    const edges = run.flatMap((e) => (e.type === 'addEdge' ? [e.edge] : []));
    // An arrow added before its node in the run still lands after it: adds never fail.
    return unchangedIfSame(map, addAll(map, nodes, edges));
  }
  if (kind === 'removeNode' || kind === 'removeEdge') {
    const nodeIds = new Set(run.flatMap((e) => (e.type === 'removeNode' ? [e.nodeId] : [])));
    const edgeIds = new Set(run.flatMap((e) => (e.type === 'removeEdge' ? [e.edgeId] : [])));
    return unchangedIfSame(map, removeAll(map, nodeIds, edgeIds));
  }
  const positions = new Map<string, Position>();
  for (const e of run as EditOf<'moveNode'>[]) positions.set(e.nodeId, e.position);
  return moveAll(map, positions);
}

function unchangedIfSame(map: ProcessMap, next: ProcessMap): ProcessMap {
  return next.nodes === map.nodes && next.edges === map.edges ? map : next;
}

/** Which batch an edit belongs to: adds with adds, removals with removals, moves with moves. */
function batchOf(type: MapEdit['type']): string {
  if (type === 'addNode' || type === 'addEdge') return 'add';
  if (type === 'removeNode' || type === 'removeEdge') return 'remove';
  return type;
}

/**
 * Applies edits in order and returns a new map; the input is not changed. An edit whose
 * target is missing, or that changes nothing, is skipped; when no edit changes anything the
 * same map comes back (so a store can tell a change from none). Removing a node removes its
 * arrows. Consecutive adds, removals or moves are applied together in one pass.
 * @example applyEdits(map, [{ type: 'setNodeLabel', nodeId: 'a', label: 'Pack' }])
 */
export function applyEdits(map: ProcessMap, edits: readonly MapEdit[]): ProcessMap {
  let next = map;
  for (let i = 0; i < edits.length; ) {
    const edit = edits[i]!;
    if (!BATCHED.has(edit.type)) {
      next = applyOne(next, edit);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < edits.length && batchOf(edits[j]!.type) === batchOf(edit.type)) j++;
    next = applyRun(next, edits.slice(i, j));
    i = j;
  }
  return next;
}

/** A node with a size a person gave it, or without one (same node when nothing changes). */
function withSize(node: MapNode, size: Size | null): MapNode {
  if (size === null) {
    if (node.size === undefined) return node;
    const { size: _old, ...rest } = node;
    return rest as MapNode;
  }
  const rounded = { width: Math.round(size.width), height: Math.round(size.height) };
  if (node.size?.width === rounded.width && node.size.height === rounded.height) return node;
  return { ...node, size: rounded };
}

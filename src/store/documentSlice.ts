import { NODE_SIZE, stepSize } from '../layout/nodeSize';
import {
  applyEdits,
  createEdge,
  createMap,
  createNode,
  LIMITS,
  type MapEdge,
  type MapEdit,
  type MapNode,
  type Person,
  type ProcessMap,
} from '../model';
import { clipboardToPaste, selectionToClipboard } from './clipboard';
import type { DocumentHistory, DocumentSlice, EditorSlice, SyncHook } from './editorTypes';
import { nextBranchLabel } from './nextBranchLabel';
import { EMPTY } from './selectionSlice';

// Room between a step and the next one quick-added (Ctrl/⌘+arrow) for the arrow and a
// branch label ("Yes", "Not paid yet") without squeezing it.
const NEXT_STEP_GAP = 100;
const NEXT_STEP_GAP_X = 140;
const PASTE_OFFSET = 40;

/** A new arrow from `source` to `target`, labelled Yes, then No, out of a decision. */
function newEdge(map: ProcessMap, source: string, target: string): MapEdge {
  const label = nextBranchLabel(map, source);
  return createEdge(source, target, label === undefined ? {} : { label });
}

/** Pasted steps keep their owner only if that person is in this map too (by id). */
function withKnownOwners(nodes: MapNode[], people: readonly Person[]): MapNode[] {
  const known = new Set(people.map((p) => p.id));
  return nodes.map((node) => {
    if (!('ownerId' in node) || node.ownerId === undefined || known.has(node.ownerId)) return node;
    const { ownerId: _dropped, ...rest } = node;
    return rest;
  });
}

/**
 * Why a change that grows the map past the file limits is refused, or null: a map its own
 * export could not open again must not be made in the editor.
 */
function crossesLimits(before: ProcessMap, after: ProcessMap): string | null {
  const { maxNodes, maxEdges } = LIMITS;
  if (after.nodes.length > maxNodes && after.nodes.length > before.nodes.length) {
    return `Not done: the map would have ${after.nodes.length.toLocaleString('en-US')} steps, and a map holds at most ${maxNodes.toLocaleString('en-US')}.`;
  }
  if (after.edges.length > maxEdges && after.edges.length > before.edges.length) {
    return `Not done: the map would have ${after.edges.length.toLocaleString('en-US')} arrows, and a map holds at most ${maxEdges.toLocaleString('en-US')}.`;
  }
  return null;
}

/** Edits that add pasted steps and arrows. */
function adding(nodes: readonly MapNode[], edges: readonly MapEdge[]): MapEdit[] {
  return [
    ...nodes.map((node): MapEdit => ({ type: 'addNode', node })),
    ...edges.map((edge): MapEdit => ({ type: 'addEdge', edge })),
  ];
}

/**
 * The open map and every action that changes it. Each action is one `change(edits)`: plain
 * MapEdits applied by the model's applyEdits, so each is one undo step (zundo tracks `map`
 * only, see createEditorStore) and a change that changes nothing adds no step.
 */
export const createDocumentSlice =
  (initialMap: ProcessMap, history: () => DocumentHistory): EditorSlice<DocumentSlice> =>
  (set, get) => {
    let preDragMap: ProcessMap | null = null;
    let sync: SyncHook | null = null;
    const change = (edits: readonly MapEdit[]) => {
      // A hand-off map opens read-only: only a whole new map (another map, a copy) replaces it.
      if (get().map.handOff && !edits.every((e) => e.type === 'replaceMap')) return false;
      // A view-only link changes nothing (the server would drop it anyway).
      if (get().sharing === 'view') return false;
      const before = get().map;
      const map = applyEdits(before, edits);
      if (map === before) return true;
      const over = crossesLimits(before, map);
      if (over !== null) {
        set({ notice: over });
        return false;
      }
      set({ map });
      sync?.write(before, map);
      return true;
    };
    const replace = (map: ProcessMap) => change([{ type: 'replaceMap', map }]);

    return {
      map: initialMap,
      sharing: null,
      mapsOpened: 0,
      sharedHistory: { canUndo: false, canRedo: false },
      setSharedHistory: (sharedHistory) => set({ sharedHistory }),
      change,
      attachSync: (hook, mode = 'edit') => {
        sync = hook;
        preDragMap = null;
        history().clear();
        // While shared, undo history lives in the sync session (my changes only).
        if (hook) history().pause();
        else history().resume();
        set({ sharing: hook ? mode : null });
      },
      receiveShared: (map) => {
        if (map === get().map) return;
        set({ map });
        get().pruneSelection();
      },
      loadMap: (map) => {
        // Another map is not the shared one: leave the room before replacing it.
        if (sync) get().attachSync(null);
        replace(map);
        set((s) => ({
          selectedNodeIds: EMPTY,
          selectedEdgeIds: EMPTY,
          editing: null,
          pasteCount: 0,
          mapsOpened: s.mapsOpened + 1,
        }));
        history().clear();
      },
      newBlankMap: () => get().loadMap(createMap()),
      renameMap: (name) => change([{ type: 'renameMap', name }]),

      addNode: (kind, position, label) => {
        const node = createNode(kind, position, label === undefined ? {} : { label });
        change([{ type: 'addNode', node }]);
        set({ selectedNodeIds: new Set([node.id]), selectedEdgeIds: EMPTY });
        return node.id;
      },
      addNextStep: (fromId, direction = { x: 0, y: 1 }) => {
        const { map } = get();
        const from = map.nodes.find((n) => n.id === fromId);
        if (!from || from.kind === 'end') return undefined;
        const fromSize = stepSize(from);
        const size = NODE_SIZE.action;
        const node = createNode('action', {
          x:
            from.position.x +
            (fromSize.width - size.width) / 2 +
            direction.x * (fromSize.width + NEXT_STEP_GAP_X),
          y:
            from.position.y +
            (fromSize.height - size.height) / 2 +
            direction.y * (fromSize.height + NEXT_STEP_GAP),
        });
        change([
          { type: 'addNode', node },
          { type: 'addEdge', edge: newEdge(map, fromId, node.id) },
        ]);
        set({
          selectedNodeIds: new Set([node.id]),
          selectedEdgeIds: EMPTY,
          editing: { type: 'node', id: node.id },
        });
        return node.id;
      },
      connect: (source, target) => {
        const { map } = get();
        if (!map.nodes.some((n) => n.id === source) || !map.nodes.some((n) => n.id === target)) {
          return undefined;
        }
        const edge = newEdge(map, source, target);
        change([{ type: 'addEdge', edge }]);
        return edge.id;
      },
      setNodeLabel: (nodeId, label) => change([{ type: 'setNodeLabel', nodeId, label }]),
      setEdgeLabel: (edgeId, label) => {
        // An empty label on an unlabelled arrow changes nothing.
        const edge = get().map.edges.find((e) => e.id === edgeId);
        if (edge && (edge.label ?? '') === label) return;
        change([{ type: 'setEdgeLabel', edgeId, label }]);
      },
      setNodeDuration: (id, minutes) => get().updateStep(id, { durationMinutes: minutes ?? null }),
      updateStep: (nodeId, patch) => change([{ type: 'updateStep', nodeId, patch }]),
      updateSettings: (patch) => change([{ type: 'updateSettings', patch }]),
      upsertPerson: (person) => change([{ type: 'upsertPerson', person }]),
      removePerson: (personId) => change([{ type: 'removePerson', personId }]),
      setFindingAccepted: (key, accepted, note) =>
        change([
          note === undefined
            ? { type: 'setFindingAccepted', key, accepted }
            : { type: 'setFindingAccepted', key, accepted, note },
        ]),
      setEdgeProbability: (edgeId, probability) =>
        change([{ type: 'setProbability', edgeId, probability: probability ?? null }]),
      changeKind: (nodeId, kind) => change([{ type: 'changeKind', nodeId, kind }]),
      moveNodes: (positions) =>
        change(
          [...positions].map(([nodeId, position]) => ({ type: 'moveNode', nodeId, position })),
        ),
      resizeStep: (nodeId, size, position) =>
        change(
          position
            ? [
                { type: 'resizeNode', nodeId, size },
                { type: 'moveNode', nodeId, position },
              ]
            : [{ type: 'resizeNode', nodeId, size }],
        ),
      beginDrag: () => {
        if (sync) return sync.beginDrag();
        if (preDragMap) return;
        preDragMap = get().map;
        history().pause();
      },
      endDrag: () => {
        if (sync) return sync.endDrag();
        if (!preDragMap) return;
        const finalMap = get().map;
        // Back to where the drag began, unrecorded; then the whole drag as one step.
        replace(preDragMap);
        preDragMap = null;
        history().resume();
        replace(finalMap);
      },
      setPositions: (positions) =>
        change(
          Object.entries(positions).map(([nodeId, position]) => ({
            type: 'moveNode',
            nodeId,
            position,
          })),
        ),
      applyEdits: (edits) => {
        change(edits);
        get().pruneSelection();
      },
      restoreVersion: (map) => {
        replace(map);
        set({ selectedNodeIds: new Set(), selectedEdgeIds: new Set(), editing: null });
      },
      deleteSelection: () => {
        const { selectedNodeIds, selectedEdgeIds } = get();
        if (selectedNodeIds.size === 0 && selectedEdgeIds.size === 0) return;
        change([
          ...[...selectedEdgeIds].map((edgeId): MapEdit => ({ type: 'removeEdge', edgeId })),
          ...[...selectedNodeIds].map((nodeId): MapEdit => ({ type: 'removeNode', nodeId })),
        ]);
        set({ selectedNodeIds: EMPTY, selectedEdgeIds: EMPTY, editing: null });
      },
      cutSelection: () => {
        const text = get().copySelection();
        if (text !== null) get().deleteSelection();
        return text;
      },
      paste: (text) => {
        const count = get().pasteCount + 1;
        const result = clipboardToPaste(text, {
          x: PASTE_OFFSET * count,
          y: PASTE_OFFSET * count,
        });
        if (!result.ok) {
          set({ notice: result.message });
          return false;
        }
        if (result.nodes.length === 0) return false;
        if (!change(adding(withKnownOwners(result.nodes, get().map.people), result.edges))) {
          return false;
        }
        set({
          pasteCount: count,
          selectedNodeIds: new Set(result.nodes.map((n) => n.id)),
          selectedEdgeIds: new Set(result.edges.map((e) => e.id)),
        });
        return true;
      },
      duplicateSelection: () => {
        const { map, selectedNodeIds } = get();
        if (selectedNodeIds.size === 0) return;
        const result = clipboardToPaste(selectionToClipboard(map, [...selectedNodeIds]), {
          x: PASTE_OFFSET,
          y: PASTE_OFFSET,
        });
        if (!result.ok) return;
        if (!change(adding(result.nodes, result.edges))) return;
        set({
          selectedNodeIds: new Set(result.nodes.map((n) => n.id)),
          selectedEdgeIds: new Set(result.edges.map((e) => e.id)),
        });
      },
      undo: () => {
        if (sync) sync.undo();
        else history().undo();
        get().pruneSelection();
      },
      redo: () => {
        if (sync) sync.redo();
        else history().redo();
        get().pruneSelection();
      },
    };
  };

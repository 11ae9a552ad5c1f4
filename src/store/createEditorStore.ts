import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import { NODE_SIZE } from '../layout/nodeSize';
import {
  applyEdits,
  createEdge,
  createMap,
  createNode,
  exampleMap,
  type MapEdge,
  type MapEdit,
  type MapNode,
  type MapSettings,
  type NodeKind,
  type Person,
  type Position,
  type ProcessMap,
  type StepPatch,
} from '../model';
import { clipboardToPaste, selectionToClipboard } from './clipboard';
import { nextBranchLabel } from './nextBranchLabel';

export type Theme = 'system' | 'light' | 'dark';
export type Editing = { type: 'node' | 'edge'; id: string } | null;

export interface EditorState {
  /** The open map: the only state that undo and redo track. */
  map: ProcessMap;
  selectedNodeIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  /** The node or arrow whose label is being edited in place. */
  editing: Editing;
  snapToGrid: boolean;
  theme: Theme;
  helpOpen: boolean;
  /** A short message for the user (e.g. why a paste did nothing). */
  notice: string | null;
  /** Offset for the next paste, so repeated pastes don't stack on each other. */
  pasteCount: number;
  /** Which side panel is open. */
  panel: SidePanel;
  /** Tint steps by their expected time per case. */
  heat: boolean;
}

export type SidePanel = 'inspect' | 'findings' | 'leverage';

export interface EditorActions {
  loadMap: (map: ProcessMap) => void;
  newBlankMap: () => void;
  renameMap: (name: string) => void;
  addNode: (kind: NodeKind, position: Position, label?: string) => string;
  /**
   * Adds an action next to `fromId` (below by default), connected to it, and starts
   * editing its label: quick flowcharting.
   */
  addNextStep: (fromId: string, direction?: { x: number; y: number }) => string | undefined;
  connect: (source: string, target: string) => string | undefined;
  setNodeLabel: (id: string, label: string) => void;
  setEdgeLabel: (id: string, label: string) => void;
  setNodeDuration: (id: string, minutes: number | undefined) => void;
  /** Sets or removes (null) fields of an action or decision: owner, duration, costs, SLA… */
  updateStep: (id: string, patch: StepPatch) => void;
  updateSettings: (patch: Partial<MapSettings>) => void;
  /** Adds a person, or replaces the one with the same id. */
  upsertPerson: (person: Person) => void;
  /** Removes a person; their steps lose their owner. */
  removePerson: (id: string) => void;
  /** Marks a finding as intended (hidden), or clears the mark. */
  setFindingAccepted: (key: string, accepted: boolean) => void;
  setEdgeProbability: (id: string, probability: number | undefined) => void;
  changeKind: (id: string, kind: NodeKind) => void;
  /** Moves nodes; during a drag (between beginDrag and endDrag) all moves are one undo step. */
  moveNodes: (positions: ReadonlyMap<string, Position>) => void;
  beginDrag: () => void;
  endDrag: () => void;
  setPositions: (positions: Readonly<Record<string, Position>>) => void;
  applyEdits: (edits: readonly MapEdit[]) => void;
  deleteSelection: () => void;
  select: (nodeIds: Iterable<string>, edgeIds: Iterable<string>) => void;
  selectAll: () => void;
  clearSelection: () => void;
  copySelection: () => string | null;
  cutSelection: () => string | null;
  paste: (text: string) => boolean;
  duplicateSelection: () => void;
  startEditing: (editing: Editing) => void;
  stopEditing: () => void;
  setSnapToGrid: (on: boolean) => void;
  setTheme: (theme: Theme) => void;
  setHelpOpen: (open: boolean) => void;
  setNotice: (notice: string | null) => void;
  setPanel: (panel: SidePanel) => void;
  setHeat: (on: boolean) => void;
  undo: () => void;
  redo: () => void;
}

export type EditorStoreState = EditorState & EditorActions;

const EMPTY: ReadonlySet<string> = new Set();

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
const NEXT_STEP_GAP = 60;
const NEXT_STEP_GAP_X = 80;
const PASTE_OFFSET = 40;

/**
 * Makes an editor store: the open map, selection and UI state, with undo history
 * over the map (zundo). One store per editor, and a fresh one per test.
 * @example const store = createEditorStore(exampleMap()); store.getState().addNode('action', { x: 0, y: 0 });
 */
export function createEditorStore(initialMap: ProcessMap = exampleMap()) {
  let preDragMap: ProcessMap | null = null;

  const history = () => store.temporal.getState();
  const store = createStore<EditorStoreState>()(
    temporal(
      (set, get) => {
        /** Every change to the map goes through here: one call, one undo step. */
        const change = (update: (map: ProcessMap) => ProcessMap) => {
          const map = update(get().map);
          if (map !== get().map) set({ map });
        };
        const pruneSelection = () => {
          const { map, selectedNodeIds, selectedEdgeIds, editing } = get();
          const nodeIds = new Set(map.nodes.map((n) => n.id));
          const edgeIds = new Set(map.edges.map((e) => e.id));
          set({
            selectedNodeIds: new Set([...selectedNodeIds].filter((id) => nodeIds.has(id))),
            selectedEdgeIds: new Set([...selectedEdgeIds].filter((id) => edgeIds.has(id))),
            editing:
              editing && (editing.type === 'node' ? nodeIds : edgeIds).has(editing.id)
                ? editing
                : null,
          });
        };
        const addEdgeTo = (
          map: ProcessMap,
          source: string,
          target: string,
        ): [ProcessMap, MapEdge] => {
          const label = nextBranchLabel(map, source);
          const edge = createEdge(source, target, label === undefined ? {} : { label });
          return [{ ...map, edges: [...map.edges, edge] }, edge];
        };

        return {
          map: initialMap,
          selectedNodeIds: EMPTY,
          selectedEdgeIds: EMPTY,
          editing: null,
          snapToGrid: false,
          theme: 'system',
          helpOpen: false,
          notice: null,
          pasteCount: 0,
          panel: 'inspect',
          heat: false,

          loadMap: (map) => {
            set({
              map,
              selectedNodeIds: EMPTY,
              selectedEdgeIds: EMPTY,
              editing: null,
              pasteCount: 0,
            });
            history().clear();
          },
          newBlankMap: () => get().loadMap(createMap()),
          renameMap: (name) => change((map) => (map.name === name ? map : { ...map, name })),

          addNode: (kind, position, label) => {
            const node = createNode(kind, position, label === undefined ? {} : { label });
            change((map) => ({ ...map, nodes: [...map.nodes, node] }));
            set({ selectedNodeIds: new Set([node.id]), selectedEdgeIds: EMPTY });
            return node.id;
          },
          addNextStep: (fromId, direction = { x: 0, y: 1 }) => {
            const from = get().map.nodes.find((n) => n.id === fromId);
            if (!from || from.kind === 'end') return undefined;
            const fromSize = NODE_SIZE[from.kind];
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
            change((map) => addEdgeTo({ ...map, nodes: [...map.nodes, node] }, fromId, node.id)[0]);
            set({
              selectedNodeIds: new Set([node.id]),
              selectedEdgeIds: EMPTY,
              editing: { type: 'node', id: node.id },
            });
            return node.id;
          },
          connect: (source, target) => {
            const { map } = get();
            if (
              !map.nodes.some((n) => n.id === source) ||
              !map.nodes.some((n) => n.id === target)
            ) {
              return undefined;
            }
            const [next, edge] = addEdgeTo(map, source, target);
            set({ map: next });
            return edge.id;
          },
          setNodeLabel: (id, label) =>
            change((map) => {
              const node = map.nodes.find((n) => n.id === id);
              if (!node || node.label === label) return map;
              return applyEdits(map, [{ type: 'setNodeLabel', nodeId: id, label }]);
            }),
          setEdgeLabel: (id, label) =>
            change((map) => {
              const edge = map.edges.find((e) => e.id === id);
              if (!edge || (edge.label ?? '') === label) return map;
              return applyEdits(map, [{ type: 'setEdgeLabel', edgeId: id, label }]);
            }),
          setNodeDuration: (id, minutes) =>
            get().updateStep(id, { durationMinutes: minutes ?? null }),
          updateStep: (id, patch) =>
            change((map) => {
              const next = applyEdits(map, [{ type: 'updateStep', nodeId: id, patch }]);
              const before = map.nodes.find((n) => n.id === id);
              const after = next.nodes.find((n) => n.id === id);
              return JSON.stringify(before) === JSON.stringify(after) ? map : next;
            }),
          updateSettings: (patch) =>
            change((map) => {
              const settings = { ...map.settings, ...patch };
              for (const [key, value] of Object.entries(patch)) {
                if (value === undefined) delete settings[key as keyof MapSettings];
              }
              return JSON.stringify(settings) === JSON.stringify(map.settings)
                ? map
                : { ...map, settings };
            }),
          upsertPerson: (person) =>
            change((map) => {
              const index = map.people.findIndex((p) => p.id === person.id);
              if (index < 0) return { ...map, people: [...map.people, person] };
              if (JSON.stringify(map.people[index]) === JSON.stringify(person)) return map;
              return { ...map, people: map.people.map((p, i) => (i === index ? person : p)) };
            }),
          removePerson: (id) =>
            change((map) => {
              if (!map.people.some((p) => p.id === id)) return map;
              const steps = map.nodes.filter((n) => 'ownerId' in n && n.ownerId === id);
              const cleared = applyEdits(
                map,
                steps.map((n) => ({ type: 'updateStep', nodeId: n.id, patch: { ownerId: null } })),
              );
              return { ...cleared, people: map.people.filter((p) => p.id !== id) };
            }),
          setFindingAccepted: (key, accepted) =>
            change((map) => {
              const has = map.acceptedFindings.some((f) => f.key === key);
              if (has === accepted) return map;
              return {
                ...map,
                acceptedFindings: accepted
                  ? [...map.acceptedFindings, { key }]
                  : map.acceptedFindings.filter((f) => f.key !== key),
              };
            }),
          setEdgeProbability: (id, probability) =>
            change((map) =>
              map.edges.find((e) => e.id === id)?.probability === probability
                ? map
                : applyEdits(map, [
                    { type: 'setProbability', edgeId: id, probability: probability ?? null },
                  ]),
            ),
          changeKind: (id, kind) =>
            change((map) =>
              map.nodes.find((n) => n.id === id)?.kind === kind
                ? map
                : applyEdits(map, [{ type: 'changeKind', nodeId: id, kind }]),
            ),
          moveNodes: (positions) =>
            change((map) => ({
              ...map,
              nodes: map.nodes.map((n) => {
                const p = positions.get(n.id);
                return p && (p.x !== n.position.x || p.y !== n.position.y)
                  ? { ...n, position: p }
                  : n;
              }),
            })),
          beginDrag: () => {
            if (preDragMap) return;
            preDragMap = get().map;
            history().pause();
          },
          endDrag: () => {
            if (!preDragMap) return;
            const finalMap = get().map;
            set({ map: preDragMap });
            preDragMap = null;
            history().resume();
            if (finalMap !== get().map) set({ map: finalMap });
          },
          setPositions: (positions) =>
            change((map) => ({
              ...map,
              nodes: map.nodes.map((n) => {
                const p = positions[n.id];
                return p ? { ...n, position: p } : n;
              }),
            })),
          applyEdits: (edits) => {
            change((map) => applyEdits(map, edits));
            pruneSelection();
          },
          deleteSelection: () => {
            const { selectedNodeIds, selectedEdgeIds } = get();
            if (selectedNodeIds.size === 0 && selectedEdgeIds.size === 0) return;
            change((map) => ({
              ...map,
              nodes: map.nodes.filter((n) => !selectedNodeIds.has(n.id)),
              edges: map.edges.filter(
                (e) =>
                  !selectedEdgeIds.has(e.id) &&
                  !selectedNodeIds.has(e.source) &&
                  !selectedNodeIds.has(e.target),
              ),
            }));
            set({ selectedNodeIds: EMPTY, selectedEdgeIds: EMPTY, editing: null });
          },
          select: (nodeIds, edgeIds) => {
            // Keep an unchanged selection's Set, so nothing that depends on it re-renders.
            const { selectedNodeIds, selectedEdgeIds } = get();
            const nodes = new Set(nodeIds);
            const edges = new Set(edgeIds);
            set({
              selectedNodeIds: sameMembers(nodes, selectedNodeIds) ? selectedNodeIds : nodes,
              selectedEdgeIds: sameMembers(edges, selectedEdgeIds) ? selectedEdgeIds : edges,
            });
          },
          selectAll: () => {
            const { map } = get();
            set({
              selectedNodeIds: new Set(map.nodes.map((n) => n.id)),
              selectedEdgeIds: new Set(map.edges.map((e) => e.id)),
            });
          },
          clearSelection: () =>
            set({ selectedNodeIds: EMPTY, selectedEdgeIds: EMPTY, editing: null }),
          copySelection: () => {
            const { map, selectedNodeIds } = get();
            if (selectedNodeIds.size === 0) return null;
            set({ pasteCount: 0 });
            return selectionToClipboard(map, [...selectedNodeIds]);
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
            change((map) => ({
              ...map,
              nodes: [...map.nodes, ...withKnownOwners(result.nodes, map.people)],
              edges: [...map.edges, ...result.edges],
            }));
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
            change((m) => ({
              ...m,
              nodes: [...m.nodes, ...result.nodes],
              edges: [...m.edges, ...result.edges],
            }));
            set({
              selectedNodeIds: new Set(result.nodes.map((n) => n.id)),
              selectedEdgeIds: new Set(result.edges.map((e) => e.id)),
            });
          },
          startEditing: (editing) => set({ editing }),
          stopEditing: () => set({ editing: null }),
          setSnapToGrid: (snapToGrid) => set({ snapToGrid }),
          setTheme: (theme) => set({ theme }),
          setHelpOpen: (helpOpen) => set({ helpOpen }),
          setNotice: (notice) => set({ notice }),
          setPanel: (panel) => set({ panel }),
          setHeat: (heat) => set({ heat }),
          undo: () => {
            history().undo();
            pruneSelection();
          },
          redo: () => {
            history().redo();
            pruneSelection();
          },
        };
      },
      {
        partialize: (state) => ({ map: state.map }),
        equality: (past, current) => past.map === current.map,
        limit: 200,
      },
    ),
  );
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** Pasted steps keep their owner only if that person is in this map too (by id). */
function withKnownOwners(nodes: MapNode[], people: readonly Person[]): MapNode[] {
  const known = new Set(people.map((p) => p.id));
  return nodes.map((node) => {
    if (!('ownerId' in node) || node.ownerId === undefined || known.has(node.ownerId)) return node;
    const { ownerId: _dropped, ...rest } = node;
    return rest;
  });
}

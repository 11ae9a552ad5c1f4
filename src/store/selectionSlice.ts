import { selectionToClipboard } from './clipboard';
import type { EditorSlice, SelectionSlice } from './editorTypes';

export const EMPTY: ReadonlySet<string> = new Set();

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** The selection, the label being edited and the paste offset. */
export const createSelectionSlice: EditorSlice<SelectionSlice> = (set, get) => ({
  selectedNodeIds: EMPTY,
  selectedEdgeIds: EMPTY,
  editing: null,
  pasteCount: 0,
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
  clearSelection: () => set({ selectedNodeIds: EMPTY, selectedEdgeIds: EMPTY, editing: null }),
  pruneSelection: () => {
    const { map, selectedNodeIds, selectedEdgeIds, editing } = get();
    const nodeIds = new Set(map.nodes.map((n) => n.id));
    const edgeIds = new Set(map.edges.map((e) => e.id));
    set({
      selectedNodeIds: new Set([...selectedNodeIds].filter((id) => nodeIds.has(id))),
      selectedEdgeIds: new Set([...selectedEdgeIds].filter((id) => edgeIds.has(id))),
      editing:
        editing && (editing.type === 'node' ? nodeIds : edgeIds).has(editing.id) ? editing : null,
    });
  },
  copySelection: () => {
    const { map, selectedNodeIds } = get();
    if (selectedNodeIds.size === 0) return null;
    set({ pasteCount: 0 });
    return selectionToClipboard(map, [...selectedNodeIds]);
  },
  startEditing: (editing) => set({ editing }),
  stopEditing: () => set({ editing: null }),
});

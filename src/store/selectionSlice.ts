import { selectionToClipboard } from './clipboard';
import type { EditorSlice, SelectionSlice } from './editorTypes';

export const EMPTY: ReadonlySet<string> = new Set();

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** `selected` without the ids not in `present`: the same set when every one is there. */
function keptOf(selected: ReadonlySet<string>, present: ReadonlySet<string>): ReadonlySet<string> {
  for (const id of selected) {
    if (!present.has(id)) return new Set([...selected].filter((kept) => present.has(kept)));
  }
  return selected;
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
    // Nothing selected or open (a Tidy up of a big map, most edits): nothing to go over.
    const nodesAsked = selectedNodeIds.size > 0 || editing?.type === 'node';
    const edgesAsked = selectedEdgeIds.size > 0 || editing?.type === 'edge';
    const nodeIds = nodesAsked ? new Set(map.nodes.map((n) => n.id)) : EMPTY;
    const edgeIds = edgesAsked ? new Set(map.edges.map((e) => e.id)) : EMPTY;
    const nodes = keptOf(selectedNodeIds, nodeIds);
    const edges = keptOf(selectedEdgeIds, edgeIds);
    const open =
      editing && (editing.type === 'node' ? nodeIds : edgeIds).has(editing.id) ? editing : null;
    // The same sets when nothing went: what depends on the selection is not worked out again.
    if (nodes !== selectedNodeIds || edges !== selectedEdgeIds || open !== editing) {
      set({ selectedNodeIds: nodes, selectedEdgeIds: edges, editing: open });
    }
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

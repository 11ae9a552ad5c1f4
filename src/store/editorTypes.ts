import type { TemporalState } from 'zundo';
import type { StateCreator } from 'zustand/vanilla';
import type {
  MapEdit,
  MapNode,
  MapSettings,
  NodeKind,
  Person,
  Position,
  ProcessMap,
  Size,
  StepPatch,
} from '../model';

export type Theme = 'system' | 'light' | 'dark';
export type Editing = { type: 'node' | 'edge'; id: string } | null;
export type SidePanel = 'inspect' | 'findings' | 'leverage' | 'log';

/**
 * What a shared map's sync session gives the store: every local change goes to it (as one
 * Yjs transaction), and undo, redo and drags go through its history (the person's own
 * changes only).
 */
export interface SyncHook {
  write: (before: ProcessMap, after: ProcessMap) => void;
  undo: () => void;
  redo: () => void;
  beginDrag: () => void;
  endDrag: () => void;
}

/** The document: the open map, the only state that undo and redo track. */
export interface DocumentSlice {
  map: ProcessMap;
  /** How many times a map was opened (loaded) in this editor: a new map starts views afresh. */
  mapsOpened: number;
  /** Set while the map is shared: edit, or view only (every change is then refused). */
  sharing: 'edit' | 'view' | null;
  /** Connects a sync session (null disconnects it: the map is local only again). */
  attachSync: (hook: SyncHook | null, mode?: 'edit' | 'view') => void;
  /** What the shared map's undo manager can undo and redo (this person's changes only). */
  sharedHistory: { canUndo: boolean; canRedo: boolean };
  setSharedHistory: (history: { canUndo: boolean; canRedo: boolean }) => void;
  /** The map as the shared doc now holds it (others' changes): not a local undo step. */
  receiveShared: (map: ProcessMap) => void;
  /** Every change to the map goes through here: one call, one undo step (none if nothing changes). */
  /** Applies edits as one undo step; false (with a notice) when they would cross the file limits. */
  change: (edits: readonly MapEdit[]) => boolean;
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
  /** Marks a finding as intended (with an optional one-line reason), or shows it again. */
  setFindingAccepted: (key: string, accepted: boolean, note?: string) => void;
  setEdgeProbability: (id: string, probability: number | undefined) => void;
  changeKind: (id: string, kind: NodeKind) => void;
  /** Moves nodes; during a drag (between beginDrag and endDrag) all moves are one undo step. */
  moveNodes: (positions: ReadonlyMap<string, Position>) => void;
  beginDrag: () => void;
  endDrag: () => void;
  /**
   * Gives a step a size (and, resized from its top or left, a new position); `null` draws it
   * at its kind's size again. Between beginDrag and endDrag a whole resize is one undo step.
   */
  resizeStep: (nodeId: string, size: Size | null, position?: Position) => void;
  setPositions: (positions: Readonly<Record<string, Position>>) => void;
  applyEdits: (edits: readonly MapEdit[]) => void;
  /** Brings back a saved version as one undoable change (the current map stays in history). */
  restoreVersion: (map: ProcessMap) => void;
  deleteSelection: () => void;
  paste: (text: string) => boolean;
  duplicateSelection: () => void;
  cutSelection: () => string | null;
  undo: () => void;
  redo: () => void;
}

/** Who is selected and what is being edited in place; not part of undo. */
export interface SelectionSlice {
  selectedNodeIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  /** The node or arrow whose label is being edited in place. */
  editing: Editing;
  /** Offset for the next paste, so repeated pastes don't stack on each other. */
  pasteCount: number;
  select: (nodeIds: Iterable<string>, edgeIds: Iterable<string>) => void;
  selectAll: () => void;
  clearSelection: () => void;
  /** Drops selected and edited ids that are no longer in the map (after undo, edits…). */
  pruneSelection: () => void;
  copySelection: () => string | null;
  startEditing: (editing: Editing) => void;
  stopEditing: () => void;
}

/** Preferences and what is open; not part of undo. */
export interface UiSlice {
  snapToGrid: boolean;
  theme: Theme;
  helpOpen: boolean;
  /** A short message for the user (e.g. why a paste did nothing). */
  notice: string | null;
  /** Which side panel is open. */
  panel: SidePanel;
  /** Tint steps by their expected time per case. */
  heat: boolean;
  /**
   * What the PNG and SVG exports show besides the map: findings markers, the map's name as a
   * title. Both off by default: a clean picture.
   */
  picture: { markers: boolean; title: boolean };
  /** The person whose agreement the Leverage tab opens and focuses (a finding's fix). */
  agreementFor: string | null;
  /** Draw one horizontal band per person behind the steps. */
  lanes: boolean;
  /** Dim every step that is not this person's (null: show all). */
  viewAs: string | null;
  /** The hand-off pack on show: for people (by id) or for steps (by id); null when closed. */
  pack: PackRequest | null;
  /**
   * A Tidy up of a big map being applied, or a big map imported (set only for maps over
   * CULL_ABOVE steps): while set, the canvas hands React Flow none of its steps, so what it showed is taken down in a task of its own, before
   * the steps move (or the new map opens). Once `nodes` is set (the steps at their new
   * places, the new map's steps once its first view is set), the canvas fills them in as soon
   * as React Flow holds those steps, and clears this.
   */
  relayout: { nodes: readonly MapNode[] | null } | null;
  setSnapToGrid: (on: boolean) => void;
  setTheme: (theme: Theme) => void;
  setHelpOpen: (open: boolean) => void;
  setNotice: (notice: string | null) => void;
  setPanel: (panel: SidePanel) => void;
  setHeat: (on: boolean) => void;
  setPicture: (patch: Partial<UiSlice['picture']>) => void;
  setAgreementFor: (personId: string | null) => void;
  setLanes: (on: boolean) => void;
  setViewAs: (personId: string | null) => void;
  setPack: (pack: PackRequest | null) => void;
  setRelayout: (relayout: UiSlice['relayout']) => void;
}

/** What a hand-off pack is for: some people, or a selection of steps. */
export type PackRequest = { personIds: string[] } | { nodeIds: string[] };

export type EditorStoreState = DocumentSlice & SelectionSlice & UiSlice;

/** What undo and redo track: the document only. */
export type DocumentHistory = TemporalState<Pick<DocumentSlice, 'map'>>;

/** One slice of the editor store (zustand's slices pattern), combined once in createEditorStore. */
export type EditorSlice<T> = StateCreator<EditorStoreState, [['temporal', unknown]], [], T>;

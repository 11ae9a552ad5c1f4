import type { EditorStoreState } from '../store/createEditorStore';

/** What a shortcut's handler gets: the key event and the editor as it is. */
export interface ShortcutContext {
  event: KeyboardEvent;
  /** Ctrl or ⌘ held. */
  mod: boolean;
  /** The editor's state and actions when the key went down. */
  s: EditorStoreState;
  /** The one step the keys act on: the focused step, else the only selected one. */
  only: string | undefined;
  /** The only selected arrow, when no step is selected. */
  onlyEdge: string | undefined;
  /** The id of the focused step (Tab), when a step has the focus. */
  focused: string | undefined;
  /** Adds the next step from `only` in a direction and pans to keep it in view. */
  addNext: (fromId: string, direction: { x: number; y: number }) => void;
  fitView: () => void;
}

/**
 * One keyboard shortcut: the keys and what they do, as the `?` dialog lists them, and the
 * handler, which returns true when the key event is this shortcut's (and then acts on it).
 * Shortcuts handled elsewhere (mouse gestures, React Flow's arrow keys, the clipboard
 * events) have no handler.
 */
export interface Shortcut {
  keys: string;
  what: string;
  handle?: (ctx: ShortcutContext) => boolean;
}

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
};

/** Ctrl/⌘ with a letter key. */
const modKey = ({ mod, event }: ShortcutContext, letter: string) =>
  mod && event.key.toLowerCase() === letter;

/** A handler for keys that do one thing: when `test` matches, no default action, then `run`. */
const when =
  (test: (ctx: ShortcutContext) => boolean, run: (ctx: ShortcutContext) => void) =>
  (ctx: ShortcutContext): boolean => {
    if (!test(ctx)) return false;
    ctx.event.preventDefault();
    run(ctx);
    return true;
  };

/** The one table of shortcuts: the key handler runs it, the help dialog lists it. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Click / Shift+click', what: 'Select / add to selection' },
  { keys: 'Shift+drag on the map', what: 'Box select' },
  { keys: 'Drag from a handle to a step', what: 'Connect with an arrow' },
  {
    keys: 'Double-click, Enter or F2',
    what: 'Edit the label of the selected step or arrow',
    handle: ({ event, mod, s, only, onlyEdge }) => {
      if (!(event.key === 'Enter' || event.key === 'F2') || mod) return false;
      // Enter on a button (the palette, a toolbar button) presses that button.
      if (event.key === 'Enter' && event.target instanceof HTMLButtonElement) return false;
      if (only) {
        event.preventDefault();
        s.startEditing({ type: 'node', id: only });
      } else if (onlyEdge) {
        event.preventDefault();
        s.startEditing({ type: 'edge', id: onlyEdge });
      }
      return true;
    },
  },
  {
    keys: 'Ctrl/⌘+↓ → ← ↑',
    what: 'Add the next step, connected, and name it',
    handle: ({ event, mod, only, addNext }) => {
      const direction = DIRECTIONS[event.key];
      if (!mod || !direction || !only) return false;
      // Before React Flow, which would otherwise move the focused step.
      event.preventDefault();
      event.stopPropagation();
      addNext(only, direction);
      return true;
    },
  },
  {
    keys: 'Delete / Backspace',
    what: 'Delete the selection',
    handle: when(
      ({ event }) => event.key === 'Delete' || event.key === 'Backspace',
      ({ s }) => s.deleteSelection(),
    ),
  },
  {
    keys: 'Ctrl/⌘+A',
    what: 'Select all',
    handle: when(
      (ctx) => modKey(ctx, 'a'),
      ({ s }) => s.selectAll(),
    ),
  },
  { keys: 'Ctrl/⌘+C, X, V', what: 'Copy, cut, paste (works between tabs)' },
  {
    keys: 'Ctrl/⌘+D',
    what: 'Duplicate',
    handle: when(
      (ctx) => modKey(ctx, 'd'),
      ({ s }) => s.duplicateSelection(),
    ),
  },
  {
    keys: 'Ctrl/⌘+Z',
    what: 'Undo',
    handle: when(
      (ctx) => modKey(ctx, 'z') && !ctx.event.shiftKey,
      ({ s }) => s.undo(),
    ),
  },
  {
    keys: 'Ctrl/⌘+Shift+Z or Ctrl+Y',
    what: 'Redo',
    handle: when(
      (ctx) => (modKey(ctx, 'z') && ctx.event.shiftKey) || modKey(ctx, 'y'),
      ({ s }) => s.redo(),
    ),
  },
  { keys: 'Arrow keys', what: 'Move the selected steps' },
  {
    keys: 'Shift+1',
    what: 'Fit the map in view',
    handle: when(
      ({ event }) => event.key === '!' && event.shiftKey,
      ({ fitView }) => fitView(),
    ),
  },
  { keys: 'Ctrl/⌘+F', what: 'Find steps by name or instructions (Enter: next match)' },
  { keys: "C, then a step's name", what: 'Connect the selected step to that step' },
  { keys: 'Enter on a palette button', what: 'Add that step and type its name' },
  { keys: 'Right-click a step', what: 'Rename, swap Yes/No, duplicate, delete' },
  {
    keys: 'Escape',
    what: 'Clear the selection',
    handle: ({ event, s, focused }) => {
      if (event.key !== 'Escape') return false;
      s.clearSelection();
      if (focused && event.target instanceof HTMLElement) {
        // React Flow would re-select the focused step on Escape; leave it unselected.
        event.stopPropagation();
        event.target.blur();
      }
      s.setHelpOpen(false);
      return true;
    },
  },
  {
    keys: '?',
    what: 'This help',
    handle: when(
      ({ event }) => event.key === '?',
      ({ s }) => s.setHelpOpen(true),
    ),
  },
];

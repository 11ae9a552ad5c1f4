import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProcessMap } from '../../model';
import {
  type Autosave,
  type LoadedMap,
  type MapLibrary,
  type OpenStorageResult,
  type PageLifecycleTarget,
  type PersistenceState,
  type TabSync,
  toStorageError,
  type Viewport,
} from '../../persistence';
import type { EditorStore } from '../../store/createEditorStore';

export interface PersistenceOptions {
  editor: EditorStore;
  openStorage?: () => Promise<OpenStorageResult>;
  /** Autosave throttle (default 500 ms) and retry period (default 2 s). */
  throttleMs?: number;
  retryMs?: number;
  /** Where pagehide / visibilitychange come from (default: window; null: none, in tests). */
  lifecycle?: PageLifecycleTarget | null;
}

/** The storage a started session holds. */
export interface Session {
  library: MapLibrary;
  autosave: Autosave<ProcessMap>;
  sync: TabSync;
  dispose: () => void;
}

/**
 * What the parts of createPersistence share: the editor, the state the panels show (save
 * status, banner, open dialog…), the session once started, and opening a map into the editor.
 */
export interface PersistenceContext {
  editor: EditorStore;
  state: StoreApi<PersistenceState>;
  set: (patch: Partial<PersistenceState>) => void;
  session: Session | null;
  requireSession: () => Session;
  /** Bumped after every change to the library, so open lists read it again. */
  bumpLibrary: () => void;
  /** Asks the canvas to show a newly opened map: fitted, or at `viewport`. */
  showView: (viewport: Viewport | null) => void;
  /** Shows a failed action in the banner. */
  fail: (error: unknown, context: string) => void;
  /** Shows a loaded map and makes it the one autosave writes. */
  show: (s: Session, loaded: LoadedMap, viewport: Viewport | null) => void;
  /** Saves what is open before switching; false (and says why) when it cannot be saved. */
  settle: (s: Session) => Promise<boolean>;
  /** Opens a map of the library; false (and says why) when it cannot be read. */
  tryOpen: (s: Session, id: string, viewport: Viewport | null) => Promise<boolean>;
}

/** The shared state and helpers of one createPersistence. */
export function createPersistenceContext(editor: EditorStore): PersistenceContext {
  const state: StoreApi<PersistenceState> = createStore<PersistenceState>()(() => ({
    phase: 'loading',
    mode: 'storage',
    status: { state: 'saved' },
    mapId: null,
    banner: null,
    conflict: false,
    conflictKind: 'changed',
    libraryRevision: 0,
    view: { seq: 0, viewport: null },
    dialog: null,
  }));
  const set = (patch: Partial<PersistenceState>) => state.setState(patch);

  const ctx: PersistenceContext = {
    editor,
    state,
    set,
    session: null,
    requireSession() {
      if (!ctx.session) throw new Error('Browser storage is not available.');
      return ctx.session;
    },
    bumpLibrary: () => set({ libraryRevision: state.getState().libraryRevision + 1 }),
    showView: (viewport) => set({ view: { seq: state.getState().view.seq + 1, viewport } }),
    fail: (error, context) =>
      set({ banner: { tone: 'error', text: `${context}: ${toStorageError(error).message}` } }),

    show(s, loaded, viewport) {
      s.sync.open(loaded.id, loaded.revision);
      // A map recovered from a rescue copy may not be stored yet: let the autosave write it.
      s.autosave.markSaved(
        loaded.recoveredFrom === 'rescue' ? { ...loaded.map } : loaded.map,
        loaded.recoveredFrom !== 'rescue',
      );
      set({
        mapId: loaded.id,
        conflict: false,
        conflictKind: 'changed',
        banner: loaded.warning ? { tone: 'warning', text: loaded.warning } : null,
      });
      editor.getState().loadMap(loaded.map);
      ctx.showView(viewport);
      void s.library
        .setMeta({ openMapId: loaded.id, viewport: viewport ?? undefined })
        .catch(() => {});
    },

    async settle(s) {
      await s.autosave.flush();
      if (!s.autosave.isDirty() && !state.getState().conflict) return true;
      set({
        banner: {
          tone: 'error',
          text: 'The open map is not saved yet, so it stays open. Export it to a file, or settle the message above, then try again.',
        },
      });
      return false;
    },

    async tryOpen(s, id, viewport) {
      try {
        ctx.show(s, await s.library.get(id), viewport);
        return true;
      } catch (error) {
        set({
          banner: { tone: 'error', text: toStorageError(error, 'Could not open a map').message },
        });
        return false;
      }
    },
  };
  return ctx;
}

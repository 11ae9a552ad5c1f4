import type { PersistenceState, StoredEventLog, Viewport } from '../../persistence';
import { conflictCommands } from './conflictCommands';
import { libraryCommands } from './libraryCommands';
import { createPersistenceContext, type PersistenceOptions } from './persistenceContext';
import { startSession } from './startSession';

export type { PersistenceOptions, PersistenceState };

/**
 * The app's side of the storage layer: opens the library, loads the map that was open (or
 * the example on first run), autosaves every change to the editor store, follows other tabs,
 * and runs the library commands. Framework-free; `usePersistence` mounts it. Its parts:
 * startSession (start-up and fallback), libraryCommands, conflictCommands, and the shared
 * persistenceContext (the state the panels show, opening a map).
 * @example const p = createPersistence({ editor }); await p.start(); p.createMap(createMap());
 */
export function createPersistence(options: PersistenceOptions) {
  const ctx = createPersistenceContext(options.editor);
  const { state, set } = ctx;
  let startToken = 0;
  let metaTimer: ReturnType<typeof setTimeout> | undefined;

  return {
    state,

    /** Opens storage and the map that was open; call once (again after stop()). */
    start(): Promise<void> {
      startToken += 1;
      const token = startToken;
      return startSession(ctx, options, () => token === startToken);
    },

    /** Writes what is unsaved and lets go of storage (component unmount, tests). */
    stop() {
      startToken += 1;
      clearTimeout(metaTimer);
      ctx.session?.dispose();
      ctx.session = null;
    },

    /** Saves pending edits now (e.g. before a test reload). */
    flush: () => ctx.session?.autosave.flush() ?? Promise.resolve(),

    /** The event log kept with the open map; null when none (or in memory, or unreadable). */
    async loadEventLog(): Promise<StoredEventLog | null> {
      const mapId = state.getState().mapId;
      if (!ctx.session || !mapId) return null;
      return ctx.session.library.getEventLog(mapId).catch(() => null);
    },

    /**
     * Keeps an event log with the open map (`null` removes it); false when storage failed
     * (the log then lives in this tab only).
     */
    async saveEventLog(record: Omit<StoredEventLog, 'mapId'> | null): Promise<boolean> {
      const mapId = state.getState().mapId;
      if (!ctx.session || !mapId) return false;
      const library = ctx.session.library;
      return (
        record === null ? library.deleteEventLog(mapId) : library.putEventLog({ ...record, mapId })
      )
        .then(() => true)
        .catch(() => false);
    },

    /** Remembers the canvas position of the open map (throttled). */
    rememberViewport(viewport: Viewport) {
      const s = ctx.session;
      const mapId = state.getState().mapId;
      if (!s || !mapId) return;
      clearTimeout(metaTimer);
      metaTimer = setTimeout(() => {
        void s.library.setMeta({ openMapId: mapId, viewport }).catch(() => {});
      }, 300);
    },

    ...libraryCommands(ctx),
    ...conflictCommands(ctx),

    openDialog: (dialog: PersistenceState['dialog']) => set({ dialog }),
    dismissBanner: () => set({ banner: null }),
    showBanner: (tone: 'warning' | 'error', text: string) => set({ banner: { tone, text } }),
  };
}

export type Persistence = ReturnType<typeof createPersistence>;

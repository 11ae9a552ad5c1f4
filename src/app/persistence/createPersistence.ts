import { createStore, type StoreApi } from 'zustand/vanilla';
import { createMap, exampleMap, type ProcessMap } from '../../model';
import type { PersistenceState } from '../../panels/LibraryContext';
import {
  type Autosave,
  type AutosaveStatus,
  attachPageLifecycle,
  createAutosave,
  createTabSync,
  type LoadedMap,
  type MapLibrary,
  type OpenStorageResult,
  openStorage,
  type PageLifecycleTarget,
  type TabSync,
  toStorageError,
  type Viewport,
} from '../../persistence';
import type { EditorStore } from '../../store/createEditorStore';

export type { PersistenceState };

export interface PersistenceOptions {
  editor: EditorStore;
  openStorage?: () => Promise<OpenStorageResult>;
  /** Autosave throttle (default 500 ms) and retry period (default 2 s). */
  throttleMs?: number;
  retryMs?: number;
  /** Where pagehide / visibilitychange come from (default: window; null: none, in tests). */
  lifecycle?: PageLifecycleTarget | null;
}

interface Session {
  library: MapLibrary;
  autosave: Autosave<ProcessMap>;
  sync: TabSync;
  dispose: () => void;
}

const MEMORY_STATUS: AutosaveStatus = {
  state: 'error',
  reason: 'unavailable',
  message:
    'Browser storage is not available, so this map is kept in this tab only. Export it to a file to keep it.',
};

/** Tries this many maps of the library when the one that was open cannot be read. */
const MAX_FALLBACK_TRIES = 3;

/**
 * The app's side of the storage layer: opens the library, loads the map that was open (or
 * the example on first run), autosaves every change to the editor store, follows other tabs,
 * and runs the library commands. Framework-free; `usePersistence` mounts it.
 * @example const p = createPersistence({ editor }); await p.start(); p.createMap(createMap());
 */
export function createPersistence(options: PersistenceOptions) {
  const { editor } = options;
  const state: StoreApi<PersistenceState> = createStore<PersistenceState>()(() => ({
    phase: 'loading',
    mode: 'storage',
    status: { state: 'saved' },
    mapId: null,
    banner: null,
    conflict: false,
    libraryRevision: 0,
    view: { seq: 0, viewport: null },
    dialog: null,
  }));
  const set = (patch: Partial<PersistenceState>) => state.setState(patch);
  let session: Session | null = null;
  let startToken = 0;
  let metaTimer: ReturnType<typeof setTimeout> | undefined;

  const bumpLibrary = () => set({ libraryRevision: state.getState().libraryRevision + 1 });
  const showView = (viewport: Viewport | null) =>
    set({ view: { seq: state.getState().view.seq + 1, viewport } });
  const fail = (error: unknown, context: string) =>
    set({ banner: { tone: 'error', text: `${context}: ${toStorageError(error).message}` } });

  function requireSession(): Session {
    if (!session) throw new Error('Browser storage is not available.');
    return session;
  }

  /** Shows a loaded map and makes it the one autosave writes. */
  function show(s: Session, loaded: LoadedMap, viewport: Viewport | null) {
    s.sync.open(loaded.id, loaded.revision);
    // A map recovered from a rescue copy may not be stored yet: let the autosave write it.
    s.autosave.markSaved(loaded.recoveredFrom === 'rescue' ? { ...loaded.map } : loaded.map);
    set({
      mapId: loaded.id,
      conflict: false,
      banner: loaded.warning ? { tone: 'warning', text: loaded.warning } : null,
    });
    editor.getState().loadMap(loaded.map);
    showView(viewport);
    void s.library
      .setMeta({ openMapId: loaded.id, viewport: viewport ?? undefined })
      .catch(() => {});
  }

  /** Saves what is open before switching; false (and says why) when it cannot be saved. */
  async function settle(s: Session): Promise<boolean> {
    await s.autosave.flush();
    if (!s.autosave.isDirty() && !state.getState().conflict) return true;
    set({
      banner: {
        tone: 'error',
        text: 'The open map is not saved yet, so it stays open. Export it to a file, or settle the message above, then try again.',
      },
    });
    return false;
  }

  async function tryOpen(s: Session, id: string, viewport: Viewport | null): Promise<boolean> {
    try {
      show(s, await s.library.get(id), viewport);
      return true;
    } catch (error) {
      set({
        banner: { tone: 'error', text: toStorageError(error, 'Could not open a map').message },
      });
      return false;
    }
  }

  async function startSession(token: number) {
    const opened = await (options.openStorage ?? openStorage)();
    if (token !== startToken) {
      if (opened.ok) opened.library.close();
      return;
    }
    if (!opened.ok) {
      set({
        phase: 'ready',
        mode: 'memory',
        status: MEMORY_STATUS,
        banner: { tone: 'warning', text: opened.message },
      });
      showView(null);
      return;
    }
    const { library } = opened;
    let autosave: Autosave<ProcessMap> | undefined;
    const sync = createTabSync({
      library,
      hasUnsavedEdits: () => autosave?.isDirty() ?? false,
      onRemoteChange: (loaded) => {
        autosave?.markSaved(loaded.map);
        editor.getState().loadMap(loaded.map);
        bumpLibrary();
      },
      onConflict: () => set({ conflict: true }),
    });
    autosave = createAutosave<ProcessMap>({
      save: (map, info) => sync.save(map, info),
      rescue: (map, info) => sync.rescue(map, info),
      onStatus: (status) => {
        set({ status });
        if (status.state === 'saved') bumpLibrary();
      },
      ...(options.throttleMs === undefined ? {} : { throttleMs: options.throttleMs }),
      ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    });
    const saver = autosave;
    const target =
      options.lifecycle === undefined
        ? typeof window === 'undefined'
          ? null
          : window
        : options.lifecycle;
    const detach = target ? attachPageLifecycle(saver, target) : () => {};
    const unsubscribe = editor.subscribe((next, prev) => {
      if (next.map !== prev.map && state.getState().mapId !== null) saver.schedule(next.map);
    });
    const s: Session = {
      library,
      autosave: saver,
      sync,
      dispose: () => {
        unsubscribe();
        detach();
        saver.rescueNow();
        void saver.flush().finally(() => {
          saver.dispose();
          sync.dispose();
          library.close();
        });
      },
    };
    session = s;

    try {
      const meta = await library.getMeta();
      let ok =
        meta.openMapId !== undefined && (await tryOpen(s, meta.openMapId, meta.viewport ?? null));
      if (!ok) {
        const banner = state.getState().banner;
        const others = (await library.list()).filter((m) => m.id !== meta.openMapId);
        for (const summary of others.slice(0, MAX_FALLBACK_TRIES)) {
          if (await tryOpen(s, summary.id, null)) {
            ok = true;
            break;
          }
        }
        if (!ok) {
          const created = await library.create(exampleMap(), { tabId: sync.tabId });
          ok = await tryOpen(s, created.id, null);
        }
        // Keep the reason the last map could not be opened.
        if (banner && state.getState().banner === null) set({ banner });
      }
    } catch (error) {
      // Storage opened but cannot be read: keep the example in memory, retry saving.
      fail(error, 'Could not read the map library');
    }
    set({ phase: 'ready' });
  }

  const api = {
    state,

    /** Opens storage and the map that was open; call once (again after stop()). */
    start(): Promise<void> {
      startToken += 1;
      return startSession(startToken);
    },

    /** Writes what is unsaved and lets go of storage (component unmount, tests). */
    stop() {
      startToken += 1;
      clearTimeout(metaTimer);
      session?.dispose();
      session = null;
    },

    /** Saves pending edits now (e.g. before a test reload). */
    flush: () => session?.autosave.flush() ?? Promise.resolve(),

    /** Remembers the canvas position of the open map (throttled). */
    rememberViewport(viewport: Viewport) {
      const s = session;
      const mapId = state.getState().mapId;
      if (!s || !mapId) return;
      clearTimeout(metaTimer);
      metaTimer = setTimeout(() => {
        void s.library.setMeta({ openMapId: mapId, viewport }).catch(() => {});
      }, 300);
    },

    /**
     * Makes `map` a new map in the library and opens it (import, New blank map, Example map).
     * Without storage, it replaces the open map after asking.
     */
    async createMap(map: ProcessMap): Promise<boolean> {
      const s = session;
      if (!s) {
        const current = editor.getState().map;
        if (
          current.nodes.length > 0 &&
          !window.confirm(
            'Browser storage is not available, so this replaces the open map. Export it first to keep it. Replace it?',
          )
        ) {
          return false;
        }
        editor.getState().loadMap(map);
        showView(null);
        return true;
      }
      if (!(await settle(s))) return false;
      try {
        const created = await s.library.create(map, { tabId: s.sync.tabId });
        bumpLibrary();
        return await tryOpen(s, created.id, null);
      } catch (error) {
        fail(error, 'Could not create the map');
        return false;
      }
    },

    newBlankMap: () => api.createMap(createMap()),
    newExampleMap: () => api.createMap(exampleMap()),

    async openMap(id: string): Promise<boolean> {
      const s = requireSession();
      if (id === state.getState().mapId) return true;
      if (!(await settle(s))) return false;
      return tryOpen(s, id, null);
    },

    /** Renames a map; the open one through the editor, so it is undoable and autosaved. */
    async renameMap(id: string, name: string) {
      const trimmed = name.trim();
      if (!trimmed) return;
      if (id === state.getState().mapId || !session) {
        editor.getState().renameMap(trimmed);
        return;
      }
      try {
        await session.library.rename(id, trimmed);
      } catch (error) {
        fail(error, 'Could not rename the map');
      }
      bumpLibrary();
    },

    async duplicateMap(id: string) {
      const s = requireSession();
      if (id === state.getState().mapId) await s.autosave.flush();
      try {
        await s.library.duplicate(id);
      } catch (error) {
        fail(error, 'Could not duplicate the map');
      }
      bumpLibrary();
    },

    async trashMap(id: string) {
      const s = requireSession();
      try {
        if (id === state.getState().mapId) {
          await s.autosave.flush();
          await s.library.moveToTrash(id);
          s.autosave.markSaved(editor.getState().map);
          set({ mapId: null });
          const next = (await s.library.list())[0];
          if (!(next && (await tryOpen(s, next.id, null)))) {
            const created = await s.library.create(createMap(), { tabId: s.sync.tabId });
            await tryOpen(s, created.id, null);
          }
        } else {
          await s.library.moveToTrash(id);
        }
      } catch (error) {
        fail(error, 'Could not move the map to the trash');
      }
      bumpLibrary();
    },

    async restoreMap(id: string) {
      try {
        await requireSession().library.restoreFromTrash(id);
      } catch (error) {
        fail(error, 'Could not restore the map');
      }
      bumpLibrary();
    },

    async deleteForever(id: string) {
      try {
        await requireSession().library.deleteForever(id);
      } catch (error) {
        fail(error, 'Could not delete the map');
      }
      bumpLibrary();
    },

    library: () => session?.library ?? null,

    listMaps: async (search: string) => (session ? session.library.search(search) : []),
    listTrash: async () => (session ? session.library.listTrash() : []),
    async listVersions() {
      const mapId = state.getState().mapId;
      return session && mapId ? session.library.listVersions(mapId) : [];
    },

    /** Brings back a saved version as an undoable change; the current one stays in history. */
    async restoreVersion(versionId: string) {
      const s = requireSession();
      const mapId = state.getState().mapId;
      if (!mapId) return;
      try {
        await s.autosave.flush();
        const map = await s.library.restoreVersion(mapId, versionId);
        // One undoable change, unlike loadMap.
        editor.getState().restoreVersion(map);
        await s.autosave.flush();
      } catch (error) {
        fail(error, 'Could not restore that version');
      }
      bumpLibrary();
    },

    /** Settles a conflict with another tab by taking the stored map. */
    async reloadFromStorage() {
      const s = requireSession();
      try {
        const loaded = await s.sync.reload();
        s.autosave.markSaved(loaded.map);
        editor.getState().loadMap(loaded.map);
        set({ conflict: false, banner: null });
      } catch (error) {
        fail(error, 'Could not reload the map');
      }
    },

    /** Settles a conflict with another tab by keeping this tab's map as a new map. */
    async keepMineAsCopy() {
      const s = requireSession();
      const map = editor.getState().map;
      try {
        const summary = await s.sync.keepMineAsCopy(map);
        s.autosave.markSaved(map);
        set({ conflict: false, mapId: summary.id, banner: null });
        await s.library.setMeta({ openMapId: summary.id });
        bumpLibrary();
      } catch (error) {
        fail(error, 'Could not keep your map as a copy');
      }
    },

    openDialog: (dialog: PersistenceState['dialog']) => set({ dialog }),
    dismissBanner: () => set({ banner: null }),
    showBanner: (tone: 'warning' | 'error', text: string) => set({ banner: { tone, text } }),
  };
  return api;
}

export type Persistence = ReturnType<typeof createPersistence>;

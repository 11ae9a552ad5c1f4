import { exampleMap, type ProcessMap } from '../../model';
import {
  type Autosave,
  type AutosaveStatus,
  attachPageLifecycle,
  createAutosave,
  createTabSync,
  openStorage,
} from '../../persistence';
import type { PersistenceContext, PersistenceOptions, Session } from './persistenceContext';

const MEMORY_STATUS: AutosaveStatus = {
  state: 'error',
  reason: 'unavailable',
  message:
    'Browser storage is not available, so this map is kept in this tab only. Export it to a file to keep it.',
};

/** Tries this many maps of the library when the one that was open cannot be read. */
const MAX_FALLBACK_TRIES = 3;

/**
 * Session start-up: opens storage (or falls back to memory), wires tab sync, autosave and
 * the page lifecycle to the editor, then opens the map that was open. `isCurrent` turns
 * false when stop() or another start() came first: the storage opened late is closed.
 */
export async function startSession(
  ctx: PersistenceContext,
  options: PersistenceOptions,
  isCurrent: () => boolean,
): Promise<void> {
  const { editor, set } = ctx;
  const opened = await (options.openStorage ?? openStorage)();
  if (!isCurrent()) {
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
    ctx.showView(null);
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
      ctx.bumpLibrary();
    },
    onConflict: () => set({ conflict: true }),
  });
  autosave = createAutosave<ProcessMap>({
    save: (map, info) => sync.save(map, info),
    rescue: (map, info) => sync.rescue(map, info),
    onStatus: (status) => {
      set({ status });
      if (status.state === 'saved') ctx.bumpLibrary();
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
    if (next.map !== prev.map && ctx.state.getState().mapId !== null) saver.schedule(next.map);
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
  ctx.session = s;

  try {
    await openFirstMap(ctx, s);
  } catch (error) {
    // Storage opened but cannot be read: keep the example in memory, retry saving.
    ctx.fail(error, 'Could not read the map library');
  }
  set({ phase: 'ready' });
}

/**
 * The fallback on start: the map that was open, else one of the next few in the library,
 * else a new example map; the banner keeps why the last one could not be opened.
 */
async function openFirstMap(ctx: PersistenceContext, s: Session): Promise<void> {
  const { library, sync } = s;
  const meta = await library.getMeta();
  let ok =
    meta.openMapId !== undefined && (await ctx.tryOpen(s, meta.openMapId, meta.viewport ?? null));
  if (ok) return;
  const banner = ctx.state.getState().banner;
  const others = (await library.list()).filter((m) => m.id !== meta.openMapId);
  for (const summary of others.slice(0, MAX_FALLBACK_TRIES)) {
    if (await ctx.tryOpen(s, summary.id, null)) {
      ok = true;
      break;
    }
  }
  if (!ok) {
    const created = await library.create(exampleMap(), { tabId: sync.tabId });
    ok = await ctx.tryOpen(s, created.id, null);
  }
  // Keep the reason the last map could not be opened.
  if (banner && ctx.state.getState().banner === null) ctx.set({ banner });
}

import { exampleMap, type ProcessMap } from '../../model';
import {
  type Autosave,
  type AutosaveStatus,
  attachPageLifecycle,
  createAutosave,
  createTabSync,
  openStorage,
} from '../../persistence';
import { commitOpenDraft, openDraftChanged } from './openDraft';
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
    // Text being typed into the map counts too: following the other tab would throw it away.
    hasUnsavedEdits: () =>
      (autosave?.isDirty() ?? false) || (typeof document !== 'undefined' && openDraftChanged()),
    onRemoteChange: (loaded) => {
      autosave?.markSaved(loaded.map);
      editor.getState().loadMap(loaded.map);
      ctx.bumpLibrary();
    },
    onConflict: (info) => set({ conflict: true, conflictKind: info.kind }),
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
  const detach = target
    ? attachPageLifecycle(saver, target, {
        beforeSave: () => {
          if (typeof document !== 'undefined') commitOpenDraft();
        },
      })
    : () => {};
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
    await recoverOrphans(ctx, s);
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

/** Copies of unsaved edits to maps that are gone (deleted in another tab) become maps. */
async function recoverOrphans(ctx: PersistenceContext, s: Session): Promise<void> {
  const names = await s.library.recoverOrphans();
  if (names.length === 0) return;
  ctx.bumpLibrary();
  const list = names.map((n) => `"${n}"`).join(', ');
  ctx.set({
    banner: {
      tone: 'warning',
      text: `Changes to a map that was deleted in another tab were not lost: they are in the library as ${list}.`,
    },
  });
}

import { z } from 'zod';
import { LIMITS, type ProcessMap } from '../model';
import type { LoadedMap, MapLibrary, MapSummary } from './mapLibrary';
import { StorageError } from './StorageError';

/** Sent on the channel after every successful save. */
export interface SavedMessage {
  type: 'saved';
  mapId: string;
  revision: number;
  tabId: string;
}

const savedMessageSchema = z.object({
  type: z.literal('saved'),
  mapId: z.string().min(1),
  revision: z.number().int().nonnegative(),
  tabId: z.string().min(1),
});

/** The part of BroadcastChannel the tab sync uses (a fake in tests). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface ConflictInfo {
  mapId: string;
  /** `deleted`: another tab deleted the map forever; `changed`: it saved a newer revision. */
  kind: 'changed' | 'deleted';
  /** The newer revision another tab stored, when known. */
  revision?: number;
}

export interface TabSyncOptions {
  library: Pick<MapLibrary, 'get' | 'save' | 'create' | 'writeRescueCopy'>;
  /** True while this tab has edits not yet stored (e.g. `() => autosave.isDirty()`). */
  hasUnsavedEdits: () => boolean;
  /** Another tab saved the open map and this tab had no local edits: show `loaded.map`. */
  onRemoteChange: (loaded: LoadedMap) => void;
  /** Another tab saved the open map while this tab had unsaved edits; writing has stopped. */
  onConflict: (info: ConflictInfo) => void;
  /** Defaults to `new BroadcastChannel(channelName)` when the browser has one; null for none. */
  channel?: ChannelLike | null;
  channelName?: string;
  tabId?: string;
}

export interface TabSync {
  readonly tabId: string;
  /** After loading or creating a map: later saves must be based on this revision. */
  open(mapId: string, revision: number): void;
  /** The open map, the revision this tab last loaded or saved, and whether it is in conflict. */
  current(): { mapId: string; revision: number; conflict: boolean } | undefined;
  /** Saves the open map (use as the autosave's `save`); rejects with `conflict` when stale. */
  save(map: ProcessMap, info?: { editedAt?: number }): Promise<void>;
  /**
   * Writes the synchronous rescue copy for the open map (use as the autosave's `rescue`): the
   * changes from `bases`, or the whole map once the stored one was deleted. False if not written.
   */
  rescue(map: ProcessMap, info: { editedAt: number; bases?: readonly ProcessMap[] }): boolean;
  /** Resolves a conflict by taking the stored map; the app calls autosave.markSaved(loaded.map) and shows it. */
  reload(): Promise<LoadedMap>;
  /** Resolves a conflict by keeping this tab's map as a new map, which becomes the open one. */
  keepMineAsCopy(map: ProcessMap): Promise<MapSummary>;
  dispose(): void;
}

function newTabId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `tab-${Math.random().toString(36).slice(2)}`;
}

function defaultChannel(name: string): ChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
}

/**
 * Keeps tabs that have the same map open from overwriting each other (guarantee 6). Each
 * save carries the revision this tab last saw; after a save the tab broadcasts the new
 * revision. A tab without local edits follows the other tab's change; a tab with local
 * edits stops writing and reports a conflict for the person to settle.
 * @example
 * const sync = createTabSync({ library, hasUnsavedEdits: () => autosave.isDirty(), onRemoteChange, onConflict });
 * sync.open(loaded.id, loaded.revision);
 * const autosave = createAutosave({ save: sync.save, rescue: sync.rescue, onStatus });
 */
export function createTabSync(options: TabSyncOptions): TabSync {
  const { library, hasUnsavedEdits, onRemoteChange, onConflict } = options;
  const tabId = options.tabId ?? newTabId();
  const channel =
    options.channel === undefined
      ? defaultChannel(options.channelName ?? 'leverflow')
      : options.channel;
  let open: { mapId: string; revision: number; conflict: boolean; deleted?: boolean } | undefined;
  let disposed = false;

  function enterConflict(mapId: string, revision?: number, kind: ConflictInfo['kind'] = 'changed') {
    if (!open || open.mapId !== mapId || open.conflict) return;
    open.conflict = true;
    open.deleted = kind === 'deleted';
    onConflict(revision === undefined ? { mapId, kind } : { mapId, revision, kind });
  }

  async function follow(mapId: string, revision: number) {
    if (hasUnsavedEdits()) {
      enterConflict(mapId, revision);
      return;
    }
    try {
      const loaded = await library.get(mapId);
      if (disposed || open?.mapId !== mapId || open.conflict) return;
      if (loaded.revision <= open.revision) return;
      if (hasUnsavedEdits()) {
        // The person edited while the other tab's map was loading.
        enterConflict(mapId, loaded.revision);
        return;
      }
      open.revision = loaded.revision;
      onRemoteChange(loaded);
    } catch {
      // Could not read the other tab's save; the next save of ours will detect the conflict.
    }
  }

  const onMessage = (event: MessageEvent) => {
    const parsed = savedMessageSchema.safeParse(event.data);
    if (!parsed.success || disposed) return;
    const message = parsed.data;
    if (message.tabId === tabId || open?.mapId !== message.mapId) return;
    if (message.revision <= open.revision || open.conflict) return;
    void follow(message.mapId, message.revision);
  };
  channel?.addEventListener('message', onMessage);

  function requireOpen() {
    if (!open) throw new StorageError('not-found', 'No map is open in this tab.');
    return open;
  }

  const sync: TabSync = {
    tabId,
    open(mapId, revision) {
      open = { mapId, revision, conflict: false };
    },
    current: () => (open ? { ...open } : undefined),

    async save(map, info = {}) {
      const target = requireOpen();
      if (target.conflict) {
        throw new StorageError(
          'conflict',
          'This map was changed in another tab; saving here is paused until you choose.',
        );
      }
      try {
        const result = await library.save(target.mapId, map, {
          baseRevision: target.revision,
          tabId,
          editedAt: info.editedAt,
        });
        if (open === target) target.revision = Math.max(target.revision, result.revision);
        const message: SavedMessage = {
          type: 'saved',
          mapId: target.mapId,
          revision: result.revision,
          tabId,
        };
        if (!disposed) channel?.postMessage(message);
      } catch (error) {
        if (error instanceof StorageError && error.reason === 'conflict') {
          enterConflict(target.mapId);
        } else if (error instanceof StorageError && error.reason === 'not-found') {
          enterConflict(target.mapId, undefined, 'deleted');
        }
        throw error;
      }
    },

    rescue(map, info) {
      if (!open) return false;
      return library.writeRescueCopy(open.mapId, map, {
        baseRevision: open.revision,
        tabId,
        editedAt: info.editedAt,
        // A deleted map has nothing to build changes on: keep all of it.
        bases: open.deleted ? [] : (info.bases ?? []),
      });
    },

    async reload() {
      const target = requireOpen();
      const loaded = await library.get(target.mapId);
      open = { mapId: target.mapId, revision: loaded.revision, conflict: false };
      return loaded;
    },

    async keepMineAsCopy(map) {
      const suffix = ' (my copy)';
      const name = `${map.name.slice(0, LIMITS.maxNameLength - suffix.length)}${suffix}`;
      const summary = await library.create({ ...map, name }, { tabId });
      open = { mapId: summary.id, revision: summary.revision, conflict: false };
      return summary;
    },

    dispose() {
      disposed = true;
      channel?.removeEventListener('message', onMessage);
      if (options.channel === undefined) channel?.close();
    },
  };
  return sync;
}

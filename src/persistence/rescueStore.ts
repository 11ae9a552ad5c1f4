import { z } from 'zod';

const PREFIX = 'leverflow:rescue:';
/** The copy's content, kept apart so it is stored as it is (not JSON inside a JSON string). */
const DATA_PREFIX = 'leverflow:rescue-data:';

export const rescueEntrySchema = z.object({
  mapId: z.string().min(1),
  /** The revision the tab had saved (or loaded) when it wrote this copy. */
  baseRevision: z.number().int().nonnegative(),
  tabId: z.string(),
  /** When the rescued content was last edited. */
  editedAt: z.number().finite(),
  /** The map file version of the Leverflow that wrote it (absent in copies before it). */
  version: z.number().int().positive().optional(),
  /** `map`: the whole map file; `changes`: MapChanges from the stored revision. */
  kind: z.enum(['map', 'changes']).default('map'),
  /** The content, in copies written before it was kept under its own key. */
  text: z.string().optional(),
});

export type RescueEntry = z.input<typeof rescueEntrySchema>;

/** A copy read back: what it says about itself, and its content. */
export interface RescueCopy {
  entry: z.output<typeof rescueEntrySchema>;
  text: string;
}

export interface RescueStore {
  /**
   * Writes synchronously; false when storage refuses (full, disabled). When full, the copies
   * of other maps are dropped to make room (this one is the edit being lost right now).
   */
  write(entry: Omit<RescueEntry, 'text'>, text: string): boolean;
  read(mapId: string): RescueCopy | undefined;
  /** What the copy says about itself, without reading its content. */
  readEntry(mapId: string): RescueCopy['entry'] | undefined;
  remove(mapId: string): void;
  /** The maps that have a copy (or a part of one). */
  mapIds(): string[];
}

function parseEntry(mapId: string, text: string | null): RescueCopy['entry'] | undefined {
  if (text === null) return undefined;
  try {
    const parsed = rescueEntrySchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.mapId === mapId ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A synchronous side store (localStorage) for the map a closing page could not finish
 * saving to IndexedDB. Every read is validated; a broken entry reads as none.
 * @example createRescueStore(localStorage).write({ mapId, baseRevision: 3, tabId, editedAt: Date.now() }, JSON.stringify(map))
 */
export function createRescueStore(storage: Storage | null | undefined): RescueStore {
  function keys(): string[] {
    if (!storage) return [];
    const out: string[] = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null) out.push(key);
      }
    } catch {
      return [];
    }
    return out;
  }

  function put(entry: Omit<RescueEntry, 'text'>, text: string) {
    if (!storage) throw new Error('no storage');
    storage.setItem(DATA_PREFIX + entry.mapId, text);
    storage.setItem(PREFIX + entry.mapId, JSON.stringify(entry));
  }

  const store: RescueStore = {
    write(entry, text) {
      if (!storage) return false;
      try {
        put(entry, text);
        return true;
      } catch {
        // Full: make room by dropping every other map's copy, then try once more.
        for (const id of store.mapIds()) if (id !== entry.mapId) store.remove(id);
        try {
          put(entry, text);
          return true;
        } catch {
          store.remove(entry.mapId);
          return false;
        }
      }
    },
    readEntry(mapId) {
      try {
        return parseEntry(mapId, storage?.getItem(PREFIX + mapId) ?? null);
      } catch {
        return undefined;
      }
    },
    read(mapId) {
      const entry = store.readEntry(mapId);
      if (entry === undefined) return undefined;
      if (entry.text !== undefined) return { entry, text: entry.text };
      try {
        const text = storage?.getItem(DATA_PREFIX + mapId) ?? null;
        return text === null ? undefined : { entry, text };
      } catch {
        return undefined;
      }
    },
    remove(mapId) {
      try {
        storage?.removeItem(PREFIX + mapId);
        storage?.removeItem(DATA_PREFIX + mapId);
      } catch {
        // Storage went away; nothing to remove.
      }
    },
    mapIds() {
      const ids = new Set<string>();
      for (const key of keys()) {
        if (key.startsWith(DATA_PREFIX)) ids.add(key.slice(DATA_PREFIX.length));
        else if (key.startsWith(PREFIX)) ids.add(key.slice(PREFIX.length));
      }
      return [...ids].filter((id) => id !== '');
    },
  };
  return store;
}

/** The page's localStorage if it can be used (access throws in some sandboxed frames). */
export function defaultRescueStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

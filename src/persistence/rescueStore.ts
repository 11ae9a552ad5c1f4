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

/**
 * Each tab keeps its own copy of a map (two tabs closing on the same map must not overwrite
 * each other's): `leverflow:rescue:<mapId>|<tabId>`; copies from before that have no `|<tabId>`.
 */
export interface RescueStore {
  /**
   * Writes synchronously; false when storage refuses (full, disabled). When full, the copies
   * of other maps are dropped to make room (this one is the edit being lost right now).
   */
  write(entry: Omit<RescueEntry, 'text'>, text: string): boolean;
  /** Every tab's copy of the map, oldest edit first. */
  read(mapId: string): RescueCopy[];
  /** What a tab's copy says about itself, without reading its content. */
  readEntry(mapId: string, tabId: string): RescueCopy['entry'] | undefined;
  /** Removes one tab's copy of the map, or every copy of it. */
  remove(mapId: string, tabId?: string): void;
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

/** The map id and (if any) tab id a key's suffix names. */
function splitSuffix(suffix: string): { mapId: string; slot: string } {
  const bar = suffix.indexOf('|');
  return bar < 0 ? { mapId: suffix, slot: suffix } : { mapId: suffix.slice(0, bar), slot: suffix };
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

  const slot = (mapId: string, tabId: string) => `${mapId}|${tabId}`;

  function put(entry: Omit<RescueEntry, 'text'>, text: string) {
    if (!storage) throw new Error('no storage');
    const key = slot(entry.mapId, entry.tabId);
    storage.setItem(DATA_PREFIX + key, text);
    storage.setItem(PREFIX + key, JSON.stringify(entry));
  }

  /** Every key suffix (`mapId|tabId`, or a bare `mapId` from before) with a copy or a part. */
  function slots(): string[] {
    const out = new Set<string>();
    for (const key of keys()) {
      if (key.startsWith(DATA_PREFIX)) out.add(key.slice(DATA_PREFIX.length));
      else if (key.startsWith(PREFIX)) out.add(key.slice(PREFIX.length));
    }
    return [...out];
  }

  function readSlot(mapId: string, suffix: string): RescueCopy | undefined {
    try {
      const entry = parseEntry(mapId, storage?.getItem(PREFIX + suffix) ?? null);
      if (entry === undefined) return undefined;
      if (entry.text !== undefined) return { entry, text: entry.text };
      const text = storage?.getItem(DATA_PREFIX + suffix) ?? null;
      return text === null ? undefined : { entry, text };
    } catch {
      return undefined;
    }
  }

  function removeSlot(suffix: string) {
    try {
      storage?.removeItem(PREFIX + suffix);
      storage?.removeItem(DATA_PREFIX + suffix);
    } catch {
      // Storage went away; nothing to remove.
    }
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
          store.remove(entry.mapId, entry.tabId);
          return false;
        }
      }
    },
    readEntry(mapId, tabId) {
      try {
        return parseEntry(mapId, storage?.getItem(PREFIX + slot(mapId, tabId)) ?? null);
      } catch {
        return undefined;
      }
    },
    read(mapId) {
      const copies: RescueCopy[] = [];
      for (const suffix of slots()) {
        if (splitSuffix(suffix).mapId !== mapId) continue;
        const copy = readSlot(mapId, suffix);
        if (copy) copies.push(copy);
      }
      return copies.sort((a, b) => a.entry.editedAt - b.entry.editedAt);
    },
    remove(mapId, tabId) {
      if (tabId !== undefined) {
        removeSlot(slot(mapId, tabId));
        // A copy from before tabs had their own, if this tab wrote it.
        if (readSlot(mapId, mapId)?.entry.tabId === tabId) removeSlot(mapId);
        return;
      }
      for (const suffix of slots()) if (splitSuffix(suffix).mapId === mapId) removeSlot(suffix);
    },
    mapIds() {
      return [...new Set(slots().map((suffix) => splitSuffix(suffix).mapId))].filter(
        (id) => id !== '',
      );
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

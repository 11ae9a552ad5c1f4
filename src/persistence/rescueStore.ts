import { z } from 'zod';

const PREFIX = 'leverflow:rescue:';

export const rescueEntrySchema = z.object({
  mapId: z.string().min(1),
  text: z.string(),
  /** The revision the tab had saved (or loaded) when it wrote this copy. */
  baseRevision: z.number().int().nonnegative(),
  tabId: z.string(),
  /** When the rescued content was last edited. */
  editedAt: z.number().finite(),
});

export type RescueEntry = z.infer<typeof rescueEntrySchema>;

export interface RescueStore {
  /** Writes synchronously; false when storage refuses (full, disabled). */
  write(entry: RescueEntry): boolean;
  read(mapId: string): RescueEntry | undefined;
  remove(mapId: string): void;
}

/**
 * A synchronous side store (localStorage) for the map a closing page could not finish
 * saving to IndexedDB. Every read is validated; a broken entry reads as none.
 * @example createRescueStore(localStorage).write({ mapId, text, baseRevision: 3, tabId, editedAt: Date.now() })
 */
export function createRescueStore(storage: Storage | null | undefined): RescueStore {
  return {
    write(entry) {
      if (!storage) return false;
      try {
        storage.setItem(PREFIX + entry.mapId, JSON.stringify(entry));
        return true;
      } catch {
        return false;
      }
    },
    read(mapId) {
      if (!storage) return undefined;
      try {
        const text = storage.getItem(PREFIX + mapId);
        if (text === null) return undefined;
        const parsed = rescueEntrySchema.safeParse(JSON.parse(text));
        return parsed.success && parsed.data.mapId === mapId ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    remove(mapId) {
      try {
        storage?.removeItem(PREFIX + mapId);
      } catch {
        // Storage went away; nothing to remove.
      }
    },
  };
}

/** The page's localStorage if it can be used (access throws in some sandboxed frames). */
export function defaultRescueStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

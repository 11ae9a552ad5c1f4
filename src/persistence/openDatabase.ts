import { type IDBPDatabase, wrap } from 'idb';
import { StorageError } from './StorageError';
import { toStorageError } from './toStorageError';

/**
 * Version of the IndexedDB layout (stores and indexes), not of the map file format. 2 has the
 * same stores as 1: upgrading repairs a version-1 database left without them. 3 adds the
 * `eventLogs` store (one compressed event log per map, apart from the maps so that
 * autosaving a map never rewrites its log). 4 adds no store: a long version text is stored in
 * pieces from 4 on (`putVersion`), which a Leverflow of layout 3 would read as damaged, so
 * the upgrade makes such a tab say "a newer version of Leverflow has updated the storage".
 */
export const DB_VERSION = 4;
export const MAPS = 'maps';
export const VERSIONS = 'versions';
export const META = 'meta';
/** Event logs, keyed by the id of the map they belong to. */
export const EVENT_LOGS = 'eventLogs';
/** Index of `versions` by `mapId`; version ids sort by time, so keys come oldest first. */
export const BY_MAP = 'byMap';

function unavailable(message: string, cause?: unknown): StorageError {
  return new StorageError('unavailable', message, { cause });
}

const STORES = [MAPS, VERSIONS, META, EVENT_LOGS] as const;

/** Creates whichever of the library's stores (and index) the database lacks. */
function createMissingStores(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(MAPS)) db.createObjectStore(MAPS, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(VERSIONS)) {
    db.createObjectStore(VERSIONS, { keyPath: 'id' }).createIndex(BY_MAP, 'mapId');
  }
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  if (!db.objectStoreNames.contains(EVENT_LOGS)) {
    db.createObjectStore(EVENT_LOGS, { keyPath: 'mapId' });
  }
}

/**
 * Opens (creating or upgrading) the Leverflow database through a given IDBFactory. Every
 * upgrade creates whatever store is missing, so a database left without them (an empty one
 * at version 1) is repaired by opening it.
 * Rejects with a StorageError of reason `unavailable` when the factory is missing, `open`
 * throws, the request fails, is blocked by an old tab, or does not answer within `timeoutMs`.
 * @example const db = await openDatabase(indexedDB, 'leverflow')
 */
export function openDatabase(
  factory: IDBFactory | undefined,
  name: string,
  timeoutMs = 10_000,
): Promise<IDBPDatabase> {
  return new Promise((resolve, reject) => {
    if (factory === undefined) {
      reject(unavailable('This browser does not offer IndexedDB storage (or it is turned off).'));
      return;
    }
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      fn();
      return true;
    };
    const timer = setTimeout(
      () => settle(() => reject(unavailable('Browser storage did not answer in time.'))),
      timeoutMs,
    );
    const attempt = () => {
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(name, DB_VERSION);
      } catch (error) {
        settle(() => reject(unavailable(openFailureMessage(error), error)));
        return;
      }
      request.onupgradeneeded = () => createMissingStores(request.result);
      request.onblocked = () => {
        settle(() =>
          reject(
            unavailable(
              'Leverflow is open in another tab that uses an older storage layout. Close the other tabs and reload.',
            ),
          ),
        );
      };
      request.onerror = (event) => {
        event.preventDefault();
        const error = request.error;
        const message =
          error?.name === 'VersionError'
            ? 'A newer version of Leverflow has updated the storage in this browser. Reload the page to use it.'
            : openFailureMessage(error);
        settle(() => reject(unavailable(message, error)));
      };
      request.onsuccess = () => {
        const raw = request.result;
        if (settled) {
          raw.close();
          return;
        }
        if (STORES.some((store) => !raw.objectStoreNames.contains(store))) {
          // Only a later layout version can add them; say so rather than fail on every save.
          raw.close();
          settle(() =>
            reject(
              unavailable(
                'Browser storage for Leverflow is damaged (a part of it is missing). Clear this site’s data in the browser settings to start afresh.',
              ),
            ),
          );
          return;
        }
        // A newer Leverflow in another tab wants to upgrade: let it, this connection is done.
        raw.onversionchange = () => raw.close();
        let db: IDBPDatabase;
        try {
          db = wrap(raw);
        } catch (error) {
          // idb needs the IndexedDB classes (IDBRequest, …) as globals next to the factory.
          raw.close();
          settle(() => reject(unavailable(openFailureMessage(error), error)));
          return;
        }
        if (!settle(() => resolve(db))) raw.close();
      };
    };
    attempt();
  });
}

function openFailureMessage(error: unknown): string {
  const base = toStorageError(error, 'Could not open browser storage').message;
  return `${base} Private windows and some browser settings turn storage off.`;
}

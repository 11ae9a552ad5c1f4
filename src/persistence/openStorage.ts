import { type MapLibrary, type MapLibraryOptions, openMapLibrary } from './mapLibrary';
import { toStorageError } from './toStorageError';

export type OpenStorageResult =
  | { ok: true; library: MapLibrary }
  | { ok: false; reason: 'unavailable'; message: string };

const KEEP_WORKING =
  'You can keep working: the map stays in this tab until you export it to a file.';

/**
 * Opens the map library and proves it can write (a tiny round trip of the app state),
 * never throwing: when IndexedDB is missing, refuses to open, is blocked, does not answer,
 * or cannot write (private windows), it resolves to `{ ok: false, reason: 'unavailable' }`
 * with a message for the person, so the app can run in memory and offer export.
 * @example
 * const storage = await openStorage();
 * if (!storage.ok) showBanner(storage.message); else startWith(storage.library);
 */
export async function openStorage(options: MapLibraryOptions = {}): Promise<OpenStorageResult> {
  let library: MapLibrary | undefined;
  try {
    library = await openMapLibrary(options);
    await library.setMeta(await library.getMeta());
    return { ok: true, library };
  } catch (error) {
    library?.close();
    const cause = toStorageError(error, 'Could not open browser storage').message;
    return {
      ok: false,
      reason: 'unavailable',
      message: `Leverflow cannot save maps in this browser. ${cause} ${KEEP_WORKING}`,
    };
  }
}

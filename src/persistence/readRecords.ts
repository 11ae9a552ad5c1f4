import type { ProcessMap } from '../model';
import { BY_MAP, MAPS, VERSIONS } from './openDatabase';
import {
  type MapRecord,
  mapRecordSchema,
  type VersionRecord,
  versionRecordSchema,
} from './recordSchemas';
import type { Mode, Tx } from './runTransaction';
import { StorageError } from './StorageError';
import { parseVersion } from './versionPieces';

export function notFound(id: string): StorageError {
  return new StorageError('not-found', `No map with id "${id}" in this browser's library.`);
}

/** Reads and validates a map's library entry; rejects with `not-found` or `corrupt`. */
export async function readMapRecord(tx: Tx<Mode>, id: string): Promise<MapRecord> {
  const raw: unknown = await tx.objectStore(MAPS).get(id);
  if (raw === undefined) throw notFound(id);
  const parsed = mapRecordSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StorageError('corrupt', `The library entry of map "${id}" is damaged.`);
  }
  return parsed.data;
}

/** Reads a map's valid version records, newest first (damaged ones are left out). */
export async function readVersionRecords(tx: Tx<Mode>, id: string): Promise<VersionRecord[]> {
  const raws: unknown[] = await tx.objectStore(VERSIONS).index(BY_MAP).getAll(id);
  const out: VersionRecord[] = [];
  for (const raw of raws) {
    const parsed = versionRecordSchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : -1));
}

/** Reads one saved version of a map and parses it; rejects when it is gone or damaged. */
export async function readVersionMap(
  tx: Tx<Mode>,
  id: string,
  versionId: string,
): Promise<ProcessMap> {
  const version = versionRecordSchema.safeParse(await tx.objectStore(VERSIONS).get(versionId));
  if (!version.success || version.data.mapId !== id) {
    throw new StorageError('not-found', 'That version of the map is no longer stored.');
  }
  const result = await parseVersion(tx, version.data);
  if (!result.ok) {
    throw new StorageError(
      result.code === 'newer-version' ? 'newer-version' : 'corrupt',
      result.message,
    );
  }
  return result.map;
}

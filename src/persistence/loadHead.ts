import { MAP_VERSION } from '../model';
import type { LoadedMap } from './mapLibraryTypes';
import { MAPS, VERSIONS } from './openDatabase';
import { newerVersionMessage, parseStoredMap } from './parseStoredMap';
import { notFound, readVersionRecords } from './readRecords';
import { type MapRecord, mapRecordSchema, versionRecordSchema } from './recordSchemas';
import type { Mode, Tx } from './runTransaction';
import { StorageError } from './StorageError';
import { parseVersion } from './versionPieces';

function formatTime(time: number): string {
  return new Date(time).toLocaleString();
}

/** A field of a record that failed validation, if it has the expected type. */
export function rawField(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null && key in raw
    ? Object.getOwnPropertyDescriptor(raw, key)?.value
    : undefined;
}

/**
 * Loads a map's head version (guarantees 5 and 7): refuses data from a newer Leverflow,
 * falls back to the newest readable version with a warning when the head (or the library
 * entry pointing to it) is damaged, and rejects with `corrupt` when no version can be read.
 * `record` is missing when the library entry itself was damaged.
 * @example const { record, loaded } = await loadHead(tx, id)
 */
export async function loadHead(
  tx: Tx<Mode>,
  id: string,
): Promise<{ record?: MapRecord; loaded: LoadedMap }> {
  const raw: unknown = await tx.objectStore(MAPS).get(id);
  if (raw === undefined) throw notFound(id);
  const parsedRecord = mapRecordSchema.safeParse(raw);
  const record = parsedRecord.success ? parsedRecord.data : undefined;
  const rawVersion = rawField(raw, 'schemaVersion');
  if (typeof rawVersion === 'number' && rawVersion > MAP_VERSION) {
    throw new StorageError('newer-version', newerVersionMessage(rawVersion));
  }
  const rawName = rawField(raw, 'name');
  const name = typeof rawName === 'string' ? rawName : 'this map';
  const rawRevision = rawField(raw, 'revision');
  const base = {
    id,
    revision: record?.revision ?? (typeof rawRevision === 'number' ? rawRevision : 0),
    updatedAt: record?.updatedAt ?? 0,
  };
  let reason = 'its library entry is damaged';
  if (record !== undefined) {
    const head = versionRecordSchema.safeParse(
      await tx.objectStore(VERSIONS).get(record.headVersionId),
    );
    const headResult = head.success
      ? await parseVersion(tx, head.data, Math.max(head.data.schemaVersion, record.schemaVersion))
      : parseStoredMap('', record.schemaVersion);
    if (headResult.ok) {
      return {
        record,
        loaded: { ...base, map: headResult.map, migrations: headResult.migrations },
      };
    }
    if (headResult.code === 'newer-version')
      throw new StorageError('newer-version', headResult.message);
    reason = head.success
      ? (headResult.message.split('\n')[0] ?? '')
      : 'the saved version is missing';
  }
  for (const version of await readVersionRecords(tx, id)) {
    if (version.id === record?.headVersionId) continue;
    const result = await parseVersion(tx, version);
    if (!result.ok) continue;
    const warning = `The latest save of "${name}" could not be read (${reason}). Opened the version saved ${formatTime(version.savedAt)} instead; later changes may be missing.`;
    const loaded: LoadedMap = {
      ...base,
      map: result.map,
      migrations: result.migrations,
      recoveredFrom: 'version',
      warning,
    };
    return record === undefined ? { loaded } : { record, loaded };
  }
  throw new StorageError(
    'corrupt',
    `"${name}" could not be read (${reason}), and no earlier version of it could be read either.`,
  );
}

import { failure } from '../model';
import { VERSIONS } from './openDatabase';
import { parseStoredMap, type StoredMapResult } from './parseStoredMap';
import type { VersionRecord } from './recordSchemas';
import type { Mode, Tx } from './runTransaction';

/**
 * The most characters of a version's text stored in one record. IndexedDB copies a value
 * in the task that puts it: one 10 MB text (a 50,000-step map) was a 100-230 ms task in
 * Chromium, a 1 MB piece 10-25 ms. Each piece is put after the last one is stored, so each
 * copy is a task of its own, in the same transaction.
 */
export const VERSION_PIECE_CHARS = 1_000_000;

/** The id of the record holding piece `k` (1-based) of a version's text after the first. */
function pieceId(versionId: string, k: number): string {
  return `${versionId}:${k}`;
}

/**
 * All of a version's piece records: ids start with its own and a colon, which no version id
 * holds. Pieces have no `mapId`, so the index of versions by map never lists them.
 */
function piecesOf(versionId: string): IDBKeyRange {
  return IDBKeyRange.bound(`${versionId}:`, `${versionId}:\uffff`);
}

/**
 * Stores a version: its record holds the first `pieceChars` of its text, and `pieces`
 * records after it the rest, each put once the one before is stored.
 * @example await putVersion(tx, createVersionRecord(mapId, map, Date.now()))
 */
export async function putVersion(
  tx: Tx<'readwrite'>,
  version: VersionRecord,
  pieceChars = VERSION_PIECE_CHARS,
): Promise<void> {
  const { text } = version;
  const store = tx.objectStore(VERSIONS);
  if (text.length <= pieceChars) {
    const { pieces: _, ...whole } = version;
    await store.put(whole);
    return;
  }
  const pieces = Math.ceil(text.length / pieceChars) - 1;
  // The pieces first: the record that names them is complete only once they are stored.
  for (let k = 1; k <= pieces; k++) {
    await store.put({
      id: pieceId(version.id, k),
      text: text.slice(k * pieceChars, (k + 1) * pieceChars),
    });
  }
  await store.put({ ...version, text: text.slice(0, pieceChars), pieces });
}

/**
 * A stored version's whole text, its pieces read one by one; undefined when a piece is
 * missing or damaged (the caller treats the version as unreadable).
 * @example const text = await readVersionText(tx, head)
 */
export async function readVersionText(
  tx: Tx<Mode>,
  version: VersionRecord,
): Promise<string | undefined> {
  if (version.pieces === undefined || version.pieces === 0) return version.text;
  const store = tx.objectStore(VERSIONS);
  const parts = [version.text];
  for (let k = 1; k <= version.pieces; k++) {
    const raw: unknown = await store.get(pieceId(version.id, k));
    const text = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'text') : undefined;
    if (typeof text !== 'string') return undefined;
    parts.push(text);
  }
  return parts.join('');
}

/** Deletes a version and the pieces of its text. @example await deleteVersion(tx, 'v-…') */
export async function deleteVersion(tx: Tx<'readwrite'>, versionId: string): Promise<void> {
  const store = tx.objectStore(VERSIONS);
  await store.delete(versionId);
  await store.delete(piecesOf(versionId));
}

/**
 * Reads a stored version's whole text and parses it (`parseStoredMap`), at the given file
 * version (default: the version's own).
 * @example const result = await parseVersion(tx, head); if (result.ok) open(result.map)
 */
export async function parseVersion(
  tx: Tx<Mode>,
  version: VersionRecord,
  schemaVersion = version.schemaVersion,
): Promise<StoredMapResult> {
  const text = await readVersionText(tx, version);
  if (text === undefined) return failure('not-json', 'a part of its saved text is missing');
  return parseStoredMap(text, schemaVersion, version.checksum);
}

import { LIMITS, MAP_VERSION, type ProcessMap, serializeMap } from '../model';
import type { VersionRecord } from './recordSchemas';
import { StorageError } from './StorageError';
import { checksumText } from './serializeInSlices';

let versionSeq = 0;

/** Version ids sort by time (then by a counter), so an index over `mapId` lists them in order. */
function versionId(now: number): string {
  versionSeq += 1;
  const time = Math.max(0, Math.floor(now)).toString(36).padStart(10, '0');
  const seq = (versionSeq % 36 ** 4).toString(36).padStart(4, '0');
  return `v-${time}-${seq}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Serializes a map into a new version record (or takes its text, already serialized);
 * refuses a map too large to read back.
 * @example createVersionRecord('map-1', map, Date.now())
 */
export function createVersionRecord(
  mapId: string,
  map: ProcessMap,
  time: number,
  startedAt = time,
  text = serializeMap(map),
  checksum = checksumText(text),
): VersionRecord {
  if (text.length > LIMITS.maxFileBytes) {
    throw new StorageError(
      'unknown',
      `The map is too large to save (${Math.round(text.length / 1024 / 1024)} MB; the limit is ${LIMITS.maxFileBytes / 1024 / 1024} MB). Export it to a file.`,
    );
  }
  return {
    id: versionId(time),
    mapId,
    savedAt: time,
    startedAt,
    sealed: false,
    schemaVersion: MAP_VERSION,
    size: text.length,
    nodeCount: map.nodes.length,
    text,
    checksum,
  };
}

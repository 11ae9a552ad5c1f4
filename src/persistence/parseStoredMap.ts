import {
  type Failure,
  failure,
  formatMapErrors,
  MAP_FORMAT,
  MAP_VERSION,
  type MapErrorCode,
  type ProcessMap,
  parseMapFile,
} from '../model';
import { checksumText } from './serializeInSlices';

export type StoredMapResult =
  | { ok: true; map: ProcessMap; migrations: string[] }
  | Failure<'newer-version' | MapErrorCode>;

/** The message shown when stored data comes from a newer Leverflow than this one. */
export function newerVersionMessage(version: number): string {
  return `This map was saved by a newer Leverflow (file version ${version}); this app reads versions up to ${MAP_VERSION}. Update Leverflow (reload the page) to open it. Nothing was overwritten.`;
}

/**
 * Parses a stored map's text through the model (JSON, migrations, schema, integrity),
 * telling "written by a newer app" apart from "corrupt". With the `checksum` this app stored
 * beside the text, a current-version text that still matches it is the map this app wrote
 * (already checked when it was made), so it is only decoded; any mismatch takes the full parse.
 * @example parseStoredMap(record.text, record.schemaVersion, record.checksum) // { ok: true, map, migrations: [] }
 */
export function parseStoredMap(
  text: string,
  schemaVersion: number,
  checksum?: string,
): StoredMapResult {
  if (schemaVersion > MAP_VERSION) {
    return failure('newer-version', newerVersionMessage(schemaVersion));
  }
  if (checksum !== undefined && schemaVersion === MAP_VERSION) {
    const map = decodeOwnText(text, checksum);
    if (map !== undefined) return { ok: true, map, migrations: [] };
  }
  const parsed = parseMapFile(text);
  if (parsed.ok) return parsed;
  const textVersion = peekVersion(text);
  if (textVersion !== undefined && textVersion > MAP_VERSION) {
    return failure('newer-version', newerVersionMessage(textVersion));
  }
  return failure(parsed.code, formatMapErrors(parsed.errors.slice(0, 3)), parsed.path);
}

/** The map in a text this app wrote, if the text still matches its checksum. */
function decodeOwnText(text: string, checksum: string): ProcessMap | undefined {
  if (checksumText(text) !== checksum) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || !('format' in raw) || !('version' in raw)) {
      return undefined;
    }
    return raw.format === MAP_FORMAT &&
      raw.version === MAP_VERSION &&
      Array.isArray((raw as { nodes?: unknown }).nodes)
      ? (raw as ProcessMap)
      : undefined;
  } catch {
    return undefined;
  }
}

function peekVersion(text: string): number | undefined {
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || !('version' in raw)) return undefined;
    return typeof raw.version === 'number' ? raw.version : undefined;
  } catch {
    return undefined;
  }
}

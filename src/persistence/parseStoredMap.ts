import { formatMapErrors, MAP_VERSION, type ProcessMap, parseMapFile } from '../model';

export type StoredMapResult =
  | { ok: true; map: ProcessMap; migrations: string[] }
  | { ok: false; newer: boolean; message: string };

/** The message shown when stored data comes from a newer Leverflow than this one. */
export function newerVersionMessage(version: number): string {
  return `This map was saved by a newer Leverflow (file version ${version}); this app reads versions up to ${MAP_VERSION}. Update Leverflow (reload the page) to open it. Nothing was overwritten.`;
}

/**
 * Parses a stored map's text through the model (JSON, migrations, schema, integrity),
 * telling "written by a newer app" apart from "corrupt".
 * @example parseStoredMap(record.text, record.schemaVersion) // { ok: true, map, migrations: [] }
 */
export function parseStoredMap(text: string, schemaVersion: number): StoredMapResult {
  if (schemaVersion > MAP_VERSION) {
    return { ok: false, newer: true, message: newerVersionMessage(schemaVersion) };
  }
  const parsed = parseMapFile(text);
  if (parsed.ok) return parsed;
  const textVersion = peekVersion(text);
  if (textVersion !== undefined && textVersion > MAP_VERSION) {
    return { ok: false, newer: true, message: newerVersionMessage(textVersion) };
  }
  return { ok: false, newer: false, message: formatMapErrors(parsed.errors.slice(0, 3)) };
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

import type { ProcessMap } from './types';

/**
 * Writes a map as the text of a map file (pretty-printed JSON, keys in schema order).
 * @example parseMapFile(serializeMap(map)) // { ok: true, map } equal to map
 */
export function serializeMap(map: ProcessMap): string {
  return `${JSON.stringify(map, null, 2)}\n`;
}

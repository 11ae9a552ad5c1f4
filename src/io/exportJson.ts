import { type ProcessMap, serializeMap } from '../model';

/**
 * A file name for a map: its name made safe for file systems, plus the extension.
 * @example mapFileName({ name: 'Order / fulfilment' }, 'png') // 'Order - fulfilment.png'
 */
export function mapFileName(map: Pick<ProcessMap, 'name'>, extension: string): string {
  const safe = map.name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return `${safe || 'map'}.${extension}`;
}

/** The map as a map file (`.leverflow.json`), ready to download. */
export function mapToJsonBlob(map: ProcessMap): Blob {
  return new Blob([serializeMap(map)], { type: 'application/json' });
}

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

/** Saves a blob as a download (an object URL on a temporary link; works under the page's CSP). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

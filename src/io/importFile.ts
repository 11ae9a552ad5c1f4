import {
  type Failure,
  failure,
  formatMapErrors,
  LIMITS,
  type MapErrorCode,
  type ProcessMap,
  parseMapFile,
} from '../model';
import type { ImportErrorCode } from './import/ImportError';
import { extractMapFromPng, type PngErrorCode } from './pngMapChunk';

/** Why a file or text could not be opened. */
export type ImportFailureCode =
  | MapErrorCode
  | PngErrorCode
  | ImportErrorCode
  | 'unreadable'
  | 'not-a-map';

export type ImportResult =
  | { ok: true; map: ProcessMap; migrations: string[] }
  | Failure<ImportFailureCode>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MB = 1024 * 1024;

function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

function which(name: string | undefined): string {
  return name ? `"${name}"` : 'this file';
}

/**
 * Reads pasted or typed map JSON. Never throws; the message names the path of each problem.
 * @example importMapText('{"format":"leverflow-map",…}') // { ok: true, map }
 */
export function importMapText(text: string, name?: string): ImportResult {
  const parsed = parseMapFile(text.replace(/^\uFEFF/, ''));
  if (parsed.ok) return parsed;
  return failure(
    parsed.code,
    `Could not open ${which(name)}:\n${formatMapErrors(parsed.errors)}`,
    parsed.path,
  );
}

/**
 * Reads a map from file bytes: a Leverflow PNG (the map travels in a text chunk) or a map
 * file (JSON). Never throws.
 */
export function importMapBytes(bytes: Uint8Array, name?: string): ImportResult {
  if (bytes.length > LIMITS.maxFileBytes) return tooLarge(bytes.length, name);
  if (isPng(bytes)) {
    const extracted = extractMapFromPng(bytes);
    if (!extracted.ok) {
      return failure(extracted.code, `Could not open ${which(name)}: ${extracted.message}`);
    }
    return importMapText(extracted.text, name);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure(
      'not-a-map',
      `Could not open ${which(name)}: it is neither a map file (JSON text) nor a PNG exported from Leverflow.`,
    );
  }
  return importMapText(text, name);
}

function tooLarge(size: number, name: string | undefined): ImportResult {
  return failure(
    'too-large',
    `Could not open ${which(name)}: it is ${(size / MB).toFixed(1)} MB; a map file can be at most ${LIMITS.maxFileBytes / MB} MB.`,
  );
}

/**
 * Reads a map from a picked or dropped file, refusing files over the size limit before
 * reading them. Import never changes an existing map: the caller creates a new one.
 * @example const result = await importMapFile(input.files[0]); if (result.ok) createMap(result.map)
 */
export async function importMapFile(file: Blob & { name?: string }): Promise<ImportResult> {
  if (file.size > LIMITS.maxFileBytes) return tooLarge(file.size, file.name);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure('unreadable', `Could not read ${which(file.name)}: ${detail}`);
  }
  return importMapBytes(bytes, file.name);
}

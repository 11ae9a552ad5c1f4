import type { Failure } from '../model';
/** The keyword of the PNG text chunk that carries a Leverflow map file. */
export const PNG_MAP_KEYWORD = 'leverflow-map';
/** Largest chunk read or written (matches the largest map file accepted). */
export const MAX_PNG_CHUNK_BYTES = 20 * 1024 * 1024;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Why no map could be read from a PNG. */
export type PngErrorCode = 'not-png' | 'damaged' | 'too-large' | 'no-map' | 'unreadable-map';

export type PngMapResult = { ok: true; text: string } | Failure<PngErrorCode>;

interface Chunk {
  type: string;
  /** Byte offset of the chunk's length field. */
  start: number;
  /** Byte offset just after the chunk's CRC. */
  end: number;
  data: Uint8Array;
  crcOk: boolean;
}

type WalkResult = { ok: true; chunks: Chunk[] } | Failure<PngErrorCode>;

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = from; i < to; i++) {
    crc = (crcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

/** Walks the chunks of a PNG with bounds checks, stopping after IEND. */
function walkChunks(png: Uint8Array): WalkResult {
  if (png.length < SIGNATURE.length || SIGNATURE.some((b, i) => png[i] !== b)) {
    return {
      ok: false,
      code: 'not-png',
      message: 'This is not a PNG image (its first bytes are not the PNG signature).',
    };
  }
  const chunks: Chunk[] = [];
  let at = SIGNATURE.length;
  while (at < png.length) {
    if (png.length - at < 12) {
      return {
        ok: false,
        code: 'damaged',
        message: `The PNG is cut short: a chunk at byte ${at} needs at least 12 bytes but only ${png.length - at} remain.`,
      };
    }
    const length = readUint32(png, at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) {
      return {
        ok: false,
        code: 'damaged',
        message: `The PNG is damaged: the chunk at byte ${at} has no valid type.`,
      };
    }
    if (length > MAX_PNG_CHUNK_BYTES) {
      return {
        ok: false,
        code: 'too-large',
        message: `The PNG chunk "${type}" at byte ${at} claims ${length} bytes, more than the ${MAX_PNG_CHUNK_BYTES / 1024 / 1024} MB allowed.`,
      };
    }
    const end = at + 12 + length;
    if (end > png.length) {
      return {
        ok: false,
        code: 'damaged',
        message: `The PNG is cut short: chunk "${type}" at byte ${at} says it holds ${length} bytes, but the file ends ${png.length - at - 12} bytes later.`,
      };
    }
    const crcOk = readUint32(png, end - 4) === crc32(png, at + 4, end - 4);
    chunks.push({ type, start: at, end, data: png.subarray(at + 8, end - 4), crcOk });
    at = end;
    if (type === 'IEND') return { ok: true, chunks };
  }
  return {
    ok: false,
    code: 'damaged',
    message: 'The PNG is cut short: it has no end chunk (IEND).',
  };
}

const latin1 = new TextDecoder('latin1');

function keywordOf(chunk: Chunk): string | undefined {
  if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') return undefined;
  const zero = chunk.data.indexOf(0);
  return zero < 0 ? undefined : latin1.decode(chunk.data.subarray(0, zero));
}

/** Reads the text of an iTXt (uncompressed) or tEXt chunk whose keyword is already known. */
function chunkText(chunk: Chunk): PngMapResult {
  const data = chunk.data;
  const afterKeyword = data.indexOf(0) + 1;
  if (chunk.type === 'tEXt') return { ok: true, text: latin1.decode(data.subarray(afterKeyword)) };
  const compressed = data[afterKeyword];
  if (compressed !== 0) {
    return {
      ok: false,
      code: 'unreadable-map',
      message: 'The map inside this PNG is compressed, which Leverflow does not read.',
    };
  }
  const languageEnd = data.indexOf(0, afterKeyword + 2);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) {
    return {
      ok: false,
      code: 'unreadable-map',
      message: 'The map chunk inside this PNG is malformed (missing separators).',
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(translatedEnd + 1));
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      code: 'unreadable-map',
      message: 'The map inside this PNG is not valid UTF-8 text.',
    };
  }
}

/**
 * Finds the Leverflow map file embedded in a PNG (see {@link embedMapInPng}). Checks the
 * signature, walks chunks with bounds checks (a chunk over 20 MB is refused) and verifies
 * the CRC of the map chunk. The returned text still has to go through `parseMapFile`.
 * @example
 * const found = extractMapFromPng(bytes);
 * if (found.ok) parseMapFile(found.text); else showError(found.message);
 */
export function extractMapFromPng(png: Uint8Array): PngMapResult {
  const walked = walkChunks(png);
  if (!walked.ok) return walked;
  const chunk = walked.chunks.find((c) => keywordOf(c) === PNG_MAP_KEYWORD);
  if (!chunk) {
    return {
      ok: false,
      code: 'no-map',
      message:
        'This PNG holds no Leverflow map. Only PNGs exported from Leverflow with the map included can be opened.',
    };
  }
  if (!chunk.crcOk) {
    return {
      ok: false,
      code: 'damaged',
      message: `The map inside this PNG is damaged (checksum mismatch in the chunk at byte ${chunk.start}).`,
    };
  }
  return chunkText(chunk);
}

function makeITXtChunk(keyword: string, text: string): Uint8Array {
  const encoder = new TextEncoder();
  const header = encoder.encode(keyword);
  const body = encoder.encode(text);
  // keyword \0, compression flag 0, method 0, empty language \0, empty translated keyword \0
  const dataLength = header.length + 5 + body.length;
  if (dataLength > MAX_PNG_CHUNK_BYTES) {
    throw new Error(
      `The map is too large to embed in a PNG (over ${MAX_PNG_CHUNK_BYTES / 1024 / 1024} MB).`,
    );
  }
  const chunk = new Uint8Array(12 + dataLength);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, dataLength);
  chunk.set(encoder.encode('iTXt'), 4);
  chunk.set(header, 8);
  chunk.set(body, 8 + header.length + 5);
  view.setUint32(8 + dataLength, crc32(chunk, 4, 8 + dataLength));
  return chunk;
}

/**
 * Returns a copy of a PNG with the map file's text in an uncompressed `iTXt` chunk
 * (keyword `leverflow-map`) just before IEND, replacing any map chunk already there.
 * Throws an Error with a readable message when the input is not a well-formed PNG.
 * @example const withMap = embedMapInPng(pngBytes, serializeMap(map));
 */
export function embedMapInPng(png: Uint8Array, mapJson: string): Uint8Array {
  const walked = walkChunks(png);
  if (!walked.ok) throw new Error(walked.message);
  const kept = walked.chunks.filter((c) => keywordOf(c) !== PNG_MAP_KEYWORD);
  const mapChunk = makeITXtChunk(PNG_MAP_KEYWORD, mapJson);
  const size = SIGNATURE.length + kept.reduce((n, c) => n + c.end - c.start, 0) + mapChunk.length;
  const out = new Uint8Array(size);
  out.set(SIGNATURE, 0);
  let at = SIGNATURE.length;
  for (const chunk of kept) {
    if (chunk.type === 'IEND') {
      out.set(mapChunk, at);
      at += mapChunk.length;
    }
    out.set(png.subarray(chunk.start, chunk.end), at);
    at += chunk.end - chunk.start;
  }
  return out;
}

import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exampleMap, parseMapFile, serializeMap } from '../model';
import { embedMapInPng, extractMapFromPng, MAX_PNG_CHUNK_BYTES } from './pngMapChunk';

function makePng(): Uint8Array {
  const png = new PNG({ width: 4, height: 3 });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 37) % 256;
  return new Uint8Array(PNG.sync.write(png));
}

function setUint32(bytes: Uint8Array, at: number, value: number) {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(at, value);
}

/** Byte offset of the first chunk of a type. */
function chunkOffset(bytes: Uint8Array, type: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at < bytes.length) {
    if (String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === type) return at;
    at += 12 + view.getUint32(at);
  }
  throw new Error(`no ${type}`);
}

function errorOf(result: ReturnType<typeof extractMapFromPng>): string {
  if (result.ok) throw new Error('expected a failure');
  return result.message;
}

describe('embedMapInPng / extractMapFromPng', () => {
  it('round-trips a map through a real PNG that still decodes', () => {
    const text = serializeMap(exampleMap());
    const withMap = embedMapInPng(makePng(), text);
    const found = extractMapFromPng(withMap);
    expect(found).toEqual({ ok: true, text });
    const parsed = found.ok ? parseMapFile(found.text) : undefined;
    expect(parsed?.ok && parsed.map).toEqual(exampleMap());
    // pngjs checks every CRC and still reads the image.
    const decoded = PNG.sync.read(Buffer.from(withMap));
    expect([decoded.width, decoded.height]).toEqual([4, 3]);
    expect(chunkOffset(withMap, 'iTXt')).toBeLessThan(chunkOffset(withMap, 'IEND'));
  });

  it('keeps non-Latin text and replaces an earlier map instead of adding a second', () => {
    const first = embedMapInPng(makePng(), '{"name":"old"}');
    const second = embedMapInPng(first, '{"name":"Прием заказа — 注文 ✓"}');
    expect(extractMapFromPng(second)).toEqual({
      ok: true,
      text: '{"name":"Прием заказа — 注文 ✓"}',
    });
    const count = [
      ...Buffer.from(second)
        .toString('latin1')
        .matchAll(/iTXtleverflow-map/g),
    ].length;
    expect(count).toBe(1);
  });

  it('refuses a file that is not a PNG', () => {
    expect(
      errorOf(extractMapFromPng(new TextEncoder().encode('{"format":"leverflow-map"}'))),
    ).toMatch(/not a PNG/);
    expect(() => embedMapInPng(new Uint8Array([1, 2, 3]), '{}')).toThrow(/not a PNG/);
  });

  it('reports a truncated file', () => {
    const withMap = embedMapInPng(makePng(), '{}');
    const cut = withMap.subarray(0, withMap.length - 5);
    expect(errorOf(extractMapFromPng(cut))).toMatch(/cut short.*needs at least 12 bytes/);
    const noEnd = withMap.subarray(0, chunkOffset(withMap, 'IEND'));
    expect(errorOf(extractMapFromPng(noEnd))).toMatch(/no end chunk/);
  });

  it('reports a chunk whose length runs past the end of the file', () => {
    const withMap = embedMapInPng(makePng(), '{}');
    setUint32(withMap, chunkOffset(withMap, 'iTXt'), 1_000_000);
    expect(errorOf(extractMapFromPng(withMap))).toMatch(/"iTXt".*holds 1000000 bytes.*file ends/);
  });

  it('refuses a chunk larger than 20 MB without reading it', () => {
    const withMap = embedMapInPng(makePng(), '{}');
    setUint32(withMap, chunkOffset(withMap, 'iTXt'), MAX_PNG_CHUNK_BYTES + 1);
    expect(errorOf(extractMapFromPng(withMap))).toMatch(/more than the 20 MB allowed/);
    setUint32(withMap, chunkOffset(withMap, 'iTXt'), 0xffffffff);
    expect(errorOf(extractMapFromPng(withMap))).toMatch(/more than the 20 MB allowed/);
  });

  it('reports a bad CRC in the map chunk', () => {
    const withMap = embedMapInPng(makePng(), '{"name":"abc"}');
    const at = chunkOffset(withMap, 'iTXt');
    const last = at + 12 + new DataView(withMap.buffer).getUint32(at) - 5;
    withMap[last] = (withMap[last] ?? 0) ^ 0xff;
    expect(errorOf(extractMapFromPng(withMap))).toMatch(/damaged \(checksum mismatch/);
  });

  it('reports a PNG without a Leverflow map', () => {
    expect(errorOf(extractMapFromPng(makePng()))).toMatch(/holds no Leverflow map/);
  });

  it('reports a damaged chunk type', () => {
    const png = makePng();
    png[chunkOffset(png, 'IDAT') + 4] = 0;
    expect(errorOf(extractMapFromPng(png))).toMatch(/no valid type/);
  });

  it('refuses a compressed map chunk with a clear message', () => {
    const withMap = embedMapInPng(makePng(), '{}');
    const at = chunkOffset(withMap, 'iTXt');
    const length = new DataView(withMap.buffer).getUint32(at);
    withMap[at + 8 + 'leverflow-map'.length + 1] = 1; // compression flag
    setUint32(withMap, at + 8 + length, crc32(withMap.subarray(at + 4, at + 8 + length)));
    expect(errorOf(extractMapFromPng(withMap))).toMatch(/compressed/);
  });
});

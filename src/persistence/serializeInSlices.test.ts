import { describe, expect, it } from 'vitest';
import { exampleMap, MAP_VERSION, serializeMap } from '../model';
import { parseStoredMap } from './parseStoredMap';
import { checksumText, stringifyInSlices } from './serializeInSlices';

describe('stringifyInSlices', () => {
  it('writes the same text as JSON.stringify, with the checksum of that text', async () => {
    const map = exampleMap();
    const { text, checksum } = await stringifyInSlices(map, 0); // yields after every piece
    expect(text).toBe(JSON.stringify(map));
    expect(checksum).toBe(checksumText(text));
    expect(checksumText(`${text} `)).not.toBe(checksum);
  });

  it('leaves out undefined fields and writes undefined array items as null, like JSON', async () => {
    const value = { a: undefined, b: [1, undefined, 'x'], c: { d: undefined } };
    expect((await stringifyInSlices(value)).text).toBe(JSON.stringify(value));
  });
});

describe('parseStoredMap with a checksum', () => {
  it('decodes a matching text and takes the full parse (and its errors) on a mismatch', async () => {
    const map = exampleMap();
    const { text, checksum } = await stringifyInSlices(map);
    const trusted = parseStoredMap(text, MAP_VERSION, checksum);
    expect(trusted).toEqual({ ok: true, map: JSON.parse(text), migrations: [] });
    const damaged = text.replace('"kind":"start"', '"kind":"teleport"');
    expect(damaged).not.toBe(text);
    const result = parseStoredMap(damaged, MAP_VERSION, checksum);
    expect(result.ok).toBe(false);
    // A text with a checksum of other content is parsed in full, not trusted.
    expect(parseStoredMap(serializeMap(map), MAP_VERSION, checksum).ok).toBe(true);
  });
});

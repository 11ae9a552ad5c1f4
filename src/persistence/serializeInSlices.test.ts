import { describe, expect, it } from 'vitest';
import { exampleMap, MAP_VERSION, serializeMap } from '../model';
import { parseStoredMap } from './parseStoredMap';
import { checksumText, decodeParts, encodeInSlices, stringifyInSlices } from './serializeInSlices';

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

describe('encodeInSlices', () => {
  it('writes the JSON text in UTF-8 parts, one a slice, that decode to the same text', async () => {
    const map = { ...exampleMap(), name: 'Café € 😀' };
    const big = {
      ...map,
      nodes: Array.from({ length: 4000 }, (_, i) => ({ ...map.nodes[0], id: `n${i}` })),
    };
    // A budget of 0 ms: every 64 items is a slice of its own.
    const parts = await encodeInSlices(big, 0);
    expect(parts.length).toBeGreaterThan(10);
    expect(decodeParts(parts)).toBe(JSON.stringify(big));
  });

  it('decodes a character cut across two parts', () => {
    const bytes = new TextEncoder().encode('a😀b€');
    // The emoji's four bytes start at 1; the euro sign's three at 6.
    const parts = [bytes.slice(0, 3), bytes.slice(3, 7), bytes.slice(7)];
    expect(decodeParts(parts)).toBe('a😀b€');
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

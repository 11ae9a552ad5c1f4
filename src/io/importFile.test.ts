import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleMap, LIMITS, serializeMap } from '../model';
import { arbitraryMap } from './__fixtures__/arbitraryMap';
import { mapToJsonBlob } from './exportJson';
import { importMapBytes, importMapFile, importMapText } from './importFile';
import { embedMapInPng } from './pngMapChunk';

const FIXTURES = join(__dirname, '../../e2e/fixtures');
const BAD = join(FIXTURES, 'bad');
const expected: Record<string, string> = JSON.parse(
  readFileSync(join(BAD, 'expected.json'), 'utf8'),
);

/** The PNG of the bad-file folder that is valid but carries no map, to embed maps into. */
const plainPng = new Uint8Array(readFileSync(join(BAD, 'png-without-map.png')));

describe('importMapBytes: every file in e2e/fixtures/bad is refused with a clear message', () => {
  const files = readdirSync(BAD).filter((f) => f !== 'expected.json');
  it('has an expected message for every bad file', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });
  for (const file of files) {
    it(file, () => {
      const result = importMapBytes(new Uint8Array(readFileSync(join(BAD, file))), file);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain(file);
        expect(result.message).toContain(expected[file]);
      }
    });
  }
  it('never pollutes Object.prototype', () => {
    importMapBytes(new Uint8Array(readFileSync(join(BAD, 'proto-key.json'))));
    importMapBytes(new Uint8Array(readFileSync(join(BAD, 'constructor-key.json'))));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importMapFile', () => {
  it('opens an older map file through the migrations', async () => {
    const text = readFileSync(join(FIXTURES, 'good-v1.leverflow.json'), 'utf8');
    const result = await importMapFile(new Blob([text]));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.map.nodes).toHaveLength(4);
      expect(result.migrations.length).toBeGreaterThan(0);
    }
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const file = {
      size: LIMITS.maxFileBytes + 1,
      name: 'huge.json',
      arrayBuffer: () => Promise.reject(new Error('must not be read')),
    } as unknown as Blob & { name: string }; // a stand-in that fails if it is read
    const result = await importMapFile(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/at most 20 MB/);
  });

  it('refuses a map of more than 50,000 steps', () => {
    const nodes = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => ({
      id: `n${i}`,
      kind: 'action',
      label: '',
      position: { x: 0, y: 0 },
    }));
    const text = JSON.stringify({ ...exampleMap(), nodes, edges: [] });
    const result = importMapText(text, 'big.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/at most 50000 steps/);
  });

  it('opens a Leverflow PNG (the map travels in a text chunk)', async () => {
    const png = embedMapInPng(plainPng, serializeMap(exampleMap()));
    const result = await importMapFile(new Blob([png.slice().buffer], { type: 'image/png' }));
    expect(result.ok && result.map).toEqual(exampleMap());
  });
});

describe('round trip (fast-check): export then import gives the same map', () => {
  it('through the JSON file', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMap(), async (map) => {
        const result = await importMapFile(mapToJsonBlob(map));
        expect(result.ok && result.map).toEqual(map);
      }),
      { numRuns: 60 },
    );
  });

  it('through the PNG text chunk', () => {
    fc.assert(
      fc.property(arbitraryMap(), (map) => {
        const result = importMapBytes(embedMapInPng(plainPng, serializeMap(map)));
        expect(result.ok && result.map).toEqual(map);
      }),
      { numRuns: 40 },
    );
  });
});

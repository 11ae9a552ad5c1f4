import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../model';
import { importAnyText } from './importAnyFile';
import { importMapBytes, importMapText } from './importFile';
import { extractMapFromPng } from './pngMapChunk';

const shape = { ok: false, code: expect.any(String), message: expect.any(String) };

describe('one failure shape for everything that reads outside data', () => {
  it('parseMapFile, extractMapFromPng and the importers refuse with { ok, code, message, path? }', async () => {
    expect(parseMapFile('nope')).toMatchObject({ ...shape, code: 'not-json', path: '(file)' });
    expect(extractMapFromPng(new Uint8Array([1, 2, 3]))).toMatchObject({
      ...shape,
      code: 'not-png',
    });
    expect(importMapText('[]')).toMatchObject({ ...shape, code: 'not-an-object' });
    expect(importMapBytes(new Uint8Array([0xff, 0xfe, 0xfd]))).toMatchObject({
      ...shape,
      code: 'not-a-map',
    });
    expect(await importAnyText('flowchart TD')).toMatchObject(shape);
  });
});

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { expect, it, vi } from 'vitest';
import { z } from 'zod';
import { exampleMap, MAP_VERSION } from '../model';
import { openMapLibrary } from './mapLibrary';
import { rawDb } from './testing/rawDb';

// Guarantee 8: pretend the app is at format version 2 with one migration from version 1,
// so a record stored by today's app (version 1) must load through that migration.
vi.mock('../model/schema', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../model/schema')>();
  return {
    ...actual,
    MAP_VERSION: 2,
    mapSchema: actual.mapSchema.extend({ version: z.literal(2) }),
  };
});

vi.mock('../model/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../model/migrations')>();
  const fake: import('../model/migrations').Migration[] = [
    {
      name: 'v1-mark-name',
      from: 1,
      up: (file) => ({ ...file, name: `${String(file.name)} [v2]` }),
    },
  ];
  return {
    ...actual,
    MIGRATIONS: fake,
    migrateMapFile: (file: Record<string, unknown>) => actual.migrateMapFile(file, fake, 2),
  };
});

it('loads an older record through the migrations and saves it as the current version', async () => {
  expect(MAP_VERSION).toBe(2);
  const factory = new IDBFactory();
  const library = await openMapLibrary({ factory, rescueStorage: null });
  const db = await rawDb(factory);
  const v1Text = JSON.stringify({ ...exampleMap(), version: 1 });
  const time = Date.now();
  await db.put('versions', {
    id: 'v-old',
    mapId: 'm1',
    savedAt: time,
    startedAt: time,
    sealed: false,
    schemaVersion: 1,
    size: v1Text.length,
    nodeCount: 6,
    text: v1Text,
  });
  await db.put('maps', {
    id: 'm1',
    name: 'Order fulfilment (example)',
    createdAt: time,
    updatedAt: time,
    trashedAt: null,
    headVersionId: 'v-old',
    revision: 1,
    schemaVersion: 1,
    nodeCount: 6,
    editedAt: time,
    savedBy: null,
    preview: { width: 1, height: 1, nodes: [], edges: [] },
  });
  const loaded = await library.get('m1');
  expect(loaded.migrations).toEqual(['v1-mark-name']);
  expect(loaded.map.version).toBe(2);
  expect(loaded.map.name).toBe('Order fulfilment (example) [v2]');
  await library.save('m1', loaded.map, { baseRevision: loaded.revision });
  const record = await db.get('maps', 'm1');
  expect(record.schemaVersion).toBe(2);
  expect((await library.get('m1')).migrations).toEqual([]);
  db.close();
  library.close();
});

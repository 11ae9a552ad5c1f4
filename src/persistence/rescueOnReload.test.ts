import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, expect, it, vi } from 'vitest';
import { createNode, exampleMap } from '../model';
import { createAutosave } from './createAutosave';
import { createTabSync } from './createTabSync';
import { openMapLibrary } from './mapLibrary';

afterEach(() => {
  vi.restoreAllMocks();
});

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

it('an edit made just before the page closes is there after the reload', async () => {
  const factory = new IDBFactory();
  const storage = memoryStorage(); // stands in for localStorage, which outlives the page
  const page1 = await openMapLibrary({ factory, rescueStorage: storage });
  const { id } = await page1.create(exampleMap());
  const sync = createTabSync({
    library: page1,
    channel: null,
    hasUnsavedEdits: () => autosave.isDirty(),
    onRemoteChange: () => {},
    onConflict: () => {},
  });
  sync.open(id, 1);
  const autosave = createAutosave({ save: sync.save, rescue: sync.rescue });
  const edited = {
    ...exampleMap(),
    nodes: [...exampleMap().nodes, createNode('action', { x: 0, y: 600 }, { label: 'Last edit' })],
  };
  // The page is going away: IndexedDB writes started now never complete.
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The page is unloading', 'AbortError');
  });
  autosave.schedule(edited);
  autosave.rescueNow(); // what attachPageLifecycle does on pagehide
  await autosave.flush();
  expect(autosave.status().state).toBe('error');
  autosave.dispose();
  sync.dispose();
  page1.close();
  vi.restoreAllMocks();

  const page2 = await openMapLibrary({ factory, rescueStorage: storage });
  const loaded = await page2.get(id);
  expect(loaded.map).toEqual(edited);
  expect(loaded.recoveredFrom).toBe('rescue');
  expect(loaded.warning).toMatch(/Recovered changes/);
  // It is now stored in IndexedDB too, and the rescue copy is gone.
  expect(storage.length).toBe(0);
  expect((await page2.get(id)).map).toEqual(edited);
  page2.close();
});

it('a quick reload after the last save brings nothing back and says nothing: the rescue copy equals what was saved', async () => {
  const factory = new IDBFactory();
  const storage = memoryStorage();
  const page1 = await openMapLibrary({ factory, rescueStorage: storage });
  const map = exampleMap();
  const { id } = await page1.create(map);
  // Saved, then the page closes: the rescue copy written on pagehide holds the same map,
  // stamped later than the save.
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(
    page1.writeRescueCopy(id, map, { baseRevision: 1, tabId: 'tab-1', editedAt: Date.now() }),
  ).toBe(true);
  expect(storage.length).toBe(2); // what the copy says about itself, and its content
  page1.close();

  const page2 = await openMapLibrary({ factory, rescueStorage: storage });
  const loaded = await page2.get(id);
  expect(loaded.map).toEqual(map);
  expect(loaded.warning).toBeUndefined();
  expect(loaded.recoveredFrom).toBeUndefined();
  expect(storage.length).toBe(0);
  page2.close();
});

/** A map of `count` steps whose labels are `labelLength` characters long. */
function bigMap(count: number, labelLength: number) {
  const base = exampleMap();
  const nodes = Array.from({ length: count }, (_, i) =>
    createNode(
      'action',
      { x: (i % 100) * 200, y: Math.floor(i / 100) * 120 },
      {
        label: `${i} `.padEnd(labelLength, 'x'),
      },
    ),
  );
  return { ...base, nodes: [...base.nodes, ...nodes] };
}

/** A localStorage stand-in that refuses writes past `quota` characters, as a browser does. */
function limitedStorage(quota: number): Storage {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => {
      const old = data.get(k);
      if (used() - (old === undefined ? 0 : k.length + old.length) + k.length + v.length > quota) {
        throw new DOMException('full', 'QuotaExceededError');
      }
      data.set(k, v);
    },
  };
}

it('issue 13 item 1: the last of two quick edits to a map too big for localStorage survives the close', async () => {
  const factory = new IDBFactory();
  const storage = limitedStorage(5_200_000);
  const page1 = await openMapLibrary({ factory, rescueStorage: storage });
  const map = bigMap(10_000, 480);
  expect(JSON.stringify(map).length).toBeGreaterThan(5_200_000);
  const { id } = await page1.create(map);
  const sync = createTabSync({
    library: page1,
    channel: null,
    hasUnsavedEdits: () => autosave.isDirty(),
    onRemoteChange: () => {},
    onConflict: () => {},
  });
  sync.open(id, 1);
  const autosave = createAutosave({ save: sync.save, rescue: sync.rescue });
  autosave.markSaved(map);
  const first = { ...map, name: 'First edit' };
  const second = {
    ...first,
    nodes: first.nodes.map((n, i) => (i === 7 ? { ...n, label: 'Second edit' } : n)),
  };
  // The first edit's write is under way and never lands; the second waits behind it.
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The page is unloading', 'AbortError');
  });
  autosave.schedule(first);
  autosave.schedule(second);
  expect(autosave.rescueNow()).toBe(true);
  expect(storage.getItem(`leverflow:rescue-data:${id}|${sync.tabId}`)?.length).toBeLessThan(5_000);
  autosave.dispose();
  sync.dispose();
  page1.close();
  vi.restoreAllMocks();

  const page2 = await openMapLibrary({ factory, rescueStorage: storage });
  const loaded = await page2.get(id);
  expect(loaded.map).toEqual(second);
  expect(loaded.recoveredFrom).toBe('rescue');
  page2.close();
}, 60_000);

it('issue 13 item 2: a copy is deleted once its content is saved, and orphaned copies are cleared or recovered', async () => {
  const factory = new IDBFactory();
  const storage = limitedStorage(1_000_000);
  const lib = await openMapLibrary({ factory, rescueStorage: storage });
  const { id } = await lib.create(exampleMap());
  const edited = { ...exampleMap(), name: 'Edited' };
  lib.writeRescueCopy(id, edited, { baseRevision: 1, tabId: 'tab-1', editedAt: 10 });
  expect(storage.length).toBe(2);
  await lib.save(id, edited, { baseRevision: 1, tabId: 'tab-1', editedAt: 10 });
  expect(storage.length).toBe(0);
  // Another tab's copy is not this save's content: it stays.
  lib.writeRescueCopy(id, edited, { baseRevision: 1, tabId: 'tab-2', editedAt: 11 });
  await lib.save(id, edited, { baseRevision: 2, tabId: 'tab-1', editedAt: 12 });
  expect(storage.length).toBe(2);
  // A damaged copy of a map that is gone is cleared; a readable one becomes a map.
  storage.setItem('leverflow:rescue-data:map-gone', 'x'.repeat(400_000));
  storage.setItem(
    'leverflow:rescue:map-gone',
    JSON.stringify({ mapId: 'map-gone', baseRevision: 1, tabId: 't', editedAt: 1 }),
  );
  lib.writeRescueCopy(
    'map-deleted',
    { ...exampleMap(), name: 'Deleted elsewhere' },
    {
      baseRevision: 3,
      tabId: 't',
      editedAt: 1,
    },
  );
  expect(await lib.recoverOrphans()).toEqual(['Deleted elsewhere (recovered)']);
  expect((await lib.list()).map((m) => m.name)).toContain('Deleted elsewhere (recovered)');
  expect(storage.getItem('leverflow:rescue-data:map-gone')).toBeNull();
  lib.close();
});

it('issue 13 item 3: a copy from the losing tab of a conflict is kept as recovered even when older than the winner', async () => {
  const factory = new IDBFactory();
  const storage = limitedStorage(1_000_000);
  let clock = 1_000;
  const lib = await openMapLibrary({ factory, rescueStorage: storage, now: () => clock });
  const { id } = await lib.create(exampleMap());
  const base = (await lib.get(id)).map;
  const mine = {
    ...base,
    nodes: base.nodes.map((n, i) => (i === 1 ? { ...n, label: 'Mine' } : n)),
  };
  // The losing tab's edit (at 1,100) is older than the winner's save (at 2,000).
  lib.writeRescueCopy(id, mine, {
    baseRevision: 1,
    tabId: 'loser',
    editedAt: 1_100,
    bases: [base],
  });
  clock = 2_000;
  await lib.save(id, { ...base, name: 'Theirs' }, { baseRevision: 1, tabId: 'winner' });
  const loaded = await lib.get(id);
  expect(loaded.map.name).toBe('Theirs');
  expect(loaded.warning).toMatch(/kept as a separate map/);
  const recovered = (await lib.list()).find(
    (m) => m.name === 'Order fulfilment (example) (recovered)',
  );
  const recoveredMap = (await lib.get(recovered?.id ?? '')).map;
  expect(recoveredMap.nodes[1]?.label).toBe('Mine');
  lib.close();
});

it('issue 13 item 10: a copy written by a newer Leverflow is kept, and the person is told', async () => {
  const factory = new IDBFactory();
  const storage = limitedStorage(1_000_000);
  const lib = await openMapLibrary({ factory, rescueStorage: storage });
  const { id } = await lib.create(exampleMap());
  const text = JSON.stringify({ ...exampleMap(), version: 99, name: 'From the future' });
  storage.setItem(`leverflow:rescue-data:${id}`, text);
  storage.setItem(
    `leverflow:rescue:${id}`,
    JSON.stringify({
      mapId: id,
      baseRevision: 1,
      tabId: 't',
      editedAt: Date.now() + 1e6,
      version: 99,
    }),
  );
  const loaded = await lib.get(id);
  expect(loaded.map).toEqual(exampleMap());
  expect(loaded.warning).toMatch(/newer version of Leverflow/);
  expect(storage.getItem(`leverflow:rescue-data:${id}`)).toBe(text);
  // And the same from the map file's own version, in a copy without one.
  storage.setItem(
    `leverflow:rescue:${id}`,
    JSON.stringify({ mapId: id, baseRevision: 1, tabId: 't', editedAt: Date.now() + 1e6 }),
  );
  expect((await lib.get(id)).warning).toMatch(/newer version of Leverflow/);
  expect(await lib.recoverOrphans()).toEqual([]);
  expect(storage.getItem(`leverflow:rescue-data:${id}`)).toBe(text);
  lib.close();
});

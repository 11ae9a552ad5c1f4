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
  expect(storage.length).toBe(1);
  page1.close();

  const page2 = await openMapLibrary({ factory, rescueStorage: storage });
  const loaded = await page2.get(id);
  expect(loaded.map).toEqual(map);
  expect(loaded.warning).toBeUndefined();
  expect(loaded.recoveredFrom).toBeUndefined();
  expect(storage.length).toBe(0);
  page2.close();
});

import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMap,
  createNode,
  exampleMap,
  MAP_VERSION,
  type ProcessMap,
  serializeMap,
} from '../model';
import { type MapLibrary, openMapLibrary } from './mapLibrary';
import { StorageError } from './StorageError';
import { rawDb } from './testing/rawDb';

let factory: IDBFactory;
let clock: number;
let library: MapLibrary;

function open(): Promise<MapLibrary> {
  return openMapLibrary({ factory, now: () => clock, rescueStorage: null });
}

function withStep(map: ProcessMap, label: string): ProcessMap {
  return { ...map, nodes: [...map.nodes, createNode('action', { x: 0, y: 0 }, { label })] };
}

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StorageError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Makes `put` on one store throw, as a failing disk or full quota would. */
function failPutOn(storeName: string, error: unknown) {
  const original = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    if (this.name === storeName) throw error;
    return original.call(this, value, key);
  });
}

beforeEach(async () => {
  factory = new IDBFactory();
  clock = 1_700_000_000_000;
  library = await open();
});

afterEach(() => {
  vi.restoreAllMocks();
  library.close();
});

describe('openMapLibrary: basic library operations', () => {
  it('creates, lists and loads a map', async () => {
    const { id, name, nodeCount, preview } = await library.create(exampleMap());
    expect(name).toBe('Order fulfilment (example)');
    expect(nodeCount).toBe(6);
    expect(preview.nodes).toHaveLength(6);
    expect(preview.edges).toHaveLength(6);
    const loaded = await library.get(id);
    expect(loaded.map).toEqual(exampleMap());
    expect(loaded.revision).toBe(1);
    expect(loaded.warning).toBeUndefined();
    expect((await library.list()).map((m) => m.id)).toEqual([id]);
  });

  it('saves, renames, duplicates and searches by name ignoring case', async () => {
    const { id } = await library.create(createMap('Client Onboarding'));
    clock += 1000;
    const saved = await library.save(id, withStep(createMap('Client Onboarding'), 'Call'));
    expect(saved.revision).toBe(2);
    await library.rename(id, 'Client onboarding v2');
    const copy = await library.duplicate(id);
    expect(copy.name).toBe('Client onboarding v2 (copy)');
    expect((await library.get(copy.id)).map.nodes).toHaveLength(1);
    await library.create(createMap('Invoicing'));
    const found = await library.search('ONBOARD');
    expect(found.map((m) => m.name).sort()).toEqual([
      'Client onboarding v2',
      'Client onboarding v2 (copy)',
    ]);
    expect(await library.search('')).toHaveLength(3);
  });

  it('moves to trash, restores and deletes forever', async () => {
    const { id } = await library.create(createMap('Old'));
    await library.moveToTrash(id);
    expect(await library.list()).toEqual([]);
    expect((await library.listTrash()).map((m) => m.id)).toEqual([id]);
    await library.restoreFromTrash(id);
    expect(await library.listTrash()).toEqual([]);
    await library.deleteForever(id);
    expect((await failure(library.get(id))).reason).toBe('not-found');
    const db = await rawDb(factory);
    expect(await db.getAll('versions')).toEqual([]);
    db.close();
  });

  it('keeps small app state', async () => {
    expect(await library.getMeta()).toEqual({});
    await library.setMeta({ openMapId: 'map-1', viewport: { x: 10, y: -5, zoom: 1.5 } });
    await library.setMeta({ viewport: { x: 0, y: 0, zoom: 1 } });
    expect(await library.getMeta()).toEqual({
      openMapId: 'map-1',
      viewport: { x: 0, y: 0, zoom: 1 },
    });
  });
});

describe('version history', () => {
  it('coalesces a burst of saves into one version and keeps the head newest', async () => {
    const { id } = await library.create(createMap('M'));
    let map = createMap('M');
    for (let i = 0; i < 5; i++) {
      clock += 5_000; // 5 s apart: all within 60 s of the first save
      map = withStep(map, `s${i}`);
      await library.save(id, map);
    }
    const versions = await library.listVersions(id);
    // create() started the burst at t0; every save within 60 s of it replaced the version.
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ isHead: true, nodeCount: 5 });
    clock += 60_000;
    await library.save(id, withStep(map, 'later'));
    const after = await library.listVersions(id);
    expect(after.map((v) => v.nodeCount)).toEqual([6, 5]);
    expect(after[0]?.isHead).toBe(true);
    expect((await library.get(id)).map.nodes).toHaveLength(6);
  });

  it('keeps at most 20 versions, pruning the oldest', async () => {
    const { id } = await library.create(createMap('M'));
    let map = createMap('M');
    for (let i = 0; i < 25; i++) {
      clock += 61_000;
      map = withStep(map, `s${i}`);
      await library.save(id, map);
    }
    const versions = await library.listVersions(id);
    expect(versions).toHaveLength(20);
    expect(versions[0]?.nodeCount).toBe(25);
    expect(versions.at(-1)?.nodeCount).toBe(6);
    expect(versions.filter((v) => v.isHead)).toHaveLength(1);
    const sizes = versions.map((v) => v.size);
    expect(sizes.every((s) => s > 0)).toBe(true);
  });

  it('restores a version and keeps the current map in history', async () => {
    const { id } = await library.create(createMap('M'));
    clock += 61_000;
    await library.save(id, withStep(createMap('M'), 'a'));
    clock += 61_000;
    await library.save(id, withStep(withStep(createMap('M'), 'a'), 'b'));
    const oldest = (await library.listVersions(id)).at(-1);
    expect(oldest?.nodeCount).toBe(0);
    clock += 1_000; // within the coalescing window of the current head
    const restored = await library.restoreVersion(id, oldest?.id ?? '');
    expect(restored.nodes).toEqual([]);
    await library.save(id, restored);
    const versions = await library.listVersions(id);
    expect(versions.map((v) => v.nodeCount)).toEqual([0, 2, 1, 0]);
    expect((await library.get(id)).map.nodes).toEqual([]);
  });
});

describe('a long map text is stored in pieces (issue 13 item 11: no put of 10 MB in one task)', () => {
  /** Every record of the versions store, pieces included. */
  async function storedIds(): Promise<string[]> {
    const db = await rawDb(factory);
    const ids = (await db.getAllKeys('versions')).map(String);
    db.close();
    return ids;
  }

  async function pieced(maxVersions = 20): Promise<MapLibrary> {
    library.close();
    // 500 characters a record: the example map's text takes several.
    return openMapLibrary({
      factory,
      now: () => clock,
      rescueStorage: null,
      pieceChars: 500,
      maxVersions,
    });
  }

  /** The versions whose records are stored, each with the pieces stored under its id. */
  async function storedVersions(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const ids = await storedIds();
    for (const id of ids.filter((k) => !k.includes(':'))) {
      out.set(id, ids.filter((k) => k.startsWith(`${id}:`)).length);
    }
    expect([...out.values()].reduce((a, b) => a + b, out.size)).toBe(ids.length); // no orphan
    return out;
  }

  it('reads a map stored in pieces back the same, in get, the history and a restore', async () => {
    library = await pieced();
    const map = withStep(exampleMap(), 'x'.repeat(1_200));
    const { id } = await library.create(map);
    const ids = await storedIds();
    const db = await rawDb(factory);
    const head = await db.get('versions', ids.find((k) => !k.includes(':')) ?? '');
    db.close();
    // The stored text is the map's compact JSON: its length is the version's size.
    const size = JSON.stringify(map).length;
    const pieces = Math.ceil(size / 500) - 1;
    expect(pieces).toBeGreaterThan(3);
    expect(ids).toHaveLength(1 + pieces);
    expect(head).toMatchObject({ pieces, size });
    expect(head.text).toHaveLength(500);
    expect((await library.get(id)).map).toEqual(map);
    clock += 61_000;
    await library.save(id, exampleMap());
    const [newest, first] = await library.listVersions(id);
    expect(first?.size).toBe(size);
    expect(await library.readVersion(id, first?.id ?? '')).toEqual(map);
    expect(await library.restoreVersion(id, first?.id ?? '')).toEqual(map);
    expect(newest?.isHead).toBe(true);
  });

  it('leaves no piece behind when a version is replaced, pruned or deleted forever', async () => {
    library = await pieced(2);
    const mapOf = (length: number) => withStep(exampleMap(), 'y'.repeat(length));
    const piecesOf = (length: number) => Math.ceil(JSON.stringify(mapOf(length)).length / 500) - 1;
    const { id } = await library.create(mapOf(3_000));
    clock += 5_000; // within the coalescing window: replaces the version
    await library.save(id, mapOf(2_000));
    expect([...(await storedVersions()).values()]).toEqual([piecesOf(2_000)]);
    for (const length of [1_000, 1_500]) {
      clock += 61_000; // a new version each; the third prunes the first
      await library.save(id, mapOf(length));
    }
    const kept = await storedVersions();
    const history = await library.listVersions(id);
    expect([...kept.keys()].sort()).toEqual(history.map((v) => v.id).sort());
    expect(history.map((v) => kept.get(v.id))).toEqual([piecesOf(1_500), piecesOf(1_000)]);
    expect(piecesOf(3_000)).toBeGreaterThan(piecesOf(2_000));
    await library.deleteForever(id);
    expect(await storedIds()).toEqual([]);
  });

  it('opens the version before when a piece of the head is missing, and says so', async () => {
    library = await pieced();
    const { id } = await library.create(exampleMap());
    clock += 120_000;
    await library.save(id, withStep(exampleMap(), 'newest'));
    const db = await rawDb(factory);
    const record = await db.get('maps', id);
    await db.delete('versions', `${record.headVersionId}:2`);
    db.close();
    const loaded = await library.get(id);
    expect(loaded.recoveredFrom).toBe('version');
    expect(loaded.warning).toMatch(/could not be read \(a part of its saved text is missing\)/);
    expect(loaded.map).toEqual(exampleMap());
  });
});

describe('guarantee 4: a write that fails halfway leaves the last version loadable', () => {
  it('keeps the old head when switching the head pointer fails', async () => {
    const { id } = await library.create(exampleMap());
    clock += 120_000;
    const before = await library.listVersions(id);
    const spy = failPutOn('maps', new DOMException('disk error', 'UnknownError'));
    const error = await failure(library.save(id, withStep(exampleMap(), 'new')));
    expect(spy).toHaveBeenCalled();
    expect(error.reason).toBe('unavailable');
    spy.mockRestore();
    const loaded = await library.get(id);
    expect(loaded.map).toEqual(exampleMap());
    expect(loaded.revision).toBe(1);
    // The version written before the failed switch was rolled back with the transaction.
    expect(await library.listVersions(id)).toEqual(before);
  });

  it('keeps the old head when the transaction aborts after both writes', async () => {
    const { id } = await library.create(exampleMap());
    clock += 120_000;
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      const request = original.call(this, value, key);
      if (this.name === 'maps') this.transaction.abort();
      return request;
    });
    await failure(library.save(id, withStep(exampleMap(), 'new')));
    vi.restoreAllMocks();
    expect((await library.get(id)).map).toEqual(exampleMap());
  });
});

describe('guarantee 2: a full disk is a typed quota failure that damages nothing', () => {
  it.each([['QuotaExceededError'], ['NS_ERROR_DOM_QUOTA_REACHED']])(
    'reports %s as quota',
    async (name) => {
      const { id } = await library.create(exampleMap());
      clock += 120_000;
      failPutOn('versions', new DOMException('full', name));
      const error = await failure(library.save(id, withStep(exampleMap(), 'new')));
      expect(error.reason).toBe('quota');
      expect(error.message).toMatch(/Storage is full/);
      vi.restoreAllMocks();
      const loaded = await library.get(id);
      expect(loaded.map).toEqual(exampleMap());
      expect(await library.listVersions(id)).toHaveLength(1);
    },
  );

  it('reports quota when the browser aborts the transaction for it', async () => {
    const { id } = await library.create(exampleMap());
    clock += 120_000;
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      const request = original.call(this, value, key);
      if (this.name === 'maps') {
        // fake-indexeddb's internal abort-with-reason: what a browser does when the disk fills
        // while the transaction runs. Pending requests then fail with a bare AbortError.
        const abort: unknown = Reflect.get(this.transaction, '_abort');
        if (typeof abort === 'function') abort.call(this.transaction, 'QuotaExceededError');
      }
      return request;
    });
    const error = await failure(library.save(id, withStep(exampleMap(), 'new')));
    expect(error.reason).toBe('quota');
    vi.restoreAllMocks();
    expect((await library.get(id)).map).toEqual(exampleMap());
    expect(await library.listVersions(id)).toHaveLength(1);
  });

  it('reports quota on create without leaving a half-made map', async () => {
    failPutOn('maps', new DOMException('full', 'QuotaExceededError'));
    expect((await failure(library.create(exampleMap()))).reason).toBe('quota');
    vi.restoreAllMocks();
    expect(await library.list()).toEqual([]);
    const db = await rawDb(factory);
    expect(await db.getAll('versions')).toEqual([]);
    db.close();
  });
});

describe('guarantee 5: a corrupt record is never loaded as if fine', () => {
  async function corruptHead(id: string, text: string) {
    const db = await rawDb(factory);
    const record = await db.get('maps', id);
    const head = await db.get('versions', record.headVersionId);
    await db.put('versions', { ...head, text });
    db.close();
  }

  async function mapWithTwoVersions(): Promise<string> {
    const { id } = await library.create(exampleMap());
    clock += 120_000;
    await library.save(id, withStep(exampleMap(), 'newest'));
    return id;
  }

  it('falls back to the newest good version with a warning when the head is not JSON', async () => {
    const id = await mapWithTwoVersions();
    await corruptHead(id, '{"format":"leverflow-map", trunc');
    const loaded = await library.get(id);
    expect(loaded.recoveredFrom).toBe('version');
    expect(loaded.warning).toMatch(/could not be read.*not JSON.*Opened the version saved/);
    expect(loaded.map).toEqual(exampleMap());
    // The next save goes through and becomes the head again.
    clock += 1000;
    await library.save(id, loaded.map, { baseRevision: loaded.revision });
    expect((await library.get(id)).warning).toBeUndefined();
  });

  it('falls back when the head fails the schema', async () => {
    const id = await mapWithTwoVersions();
    const bad = { ...exampleMap(), nodes: [{ id: 'x', kind: 'teleport', label: 'x' }] };
    await corruptHead(id, JSON.stringify(bad));
    const loaded = await library.get(id);
    expect(loaded.recoveredFrom).toBe('version');
    expect(loaded.warning).toMatch(/nodes\[0\]/);
  });

  it('fails clearly when no version is good', async () => {
    const { id } = await library.create(exampleMap());
    await corruptHead(id, 'garbage');
    const error = await failure(library.get(id));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(/could not be read.*no earlier version/);
  });

  it('recovers from a damaged library entry through its versions, and the next save repairs it', async () => {
    const { id } = await library.create(exampleMap());
    const db = await rawDb(factory);
    await db.put('maps', { id, name: 'Order fulfilment (example)', revision: 'x' });
    db.close();
    expect((await library.list()).map((m) => [m.id, m.name])).toEqual([
      [id, 'Order fulfilment (example)'],
    ]);
    const loaded = await library.get(id);
    expect(loaded.recoveredFrom).toBe('version');
    expect(loaded.warning).toMatch(/library entry is damaged/);
    expect(loaded.map).toEqual(exampleMap());
    clock += 1000;
    await library.save(id, loaded.map, { baseRevision: loaded.revision });
    const again = await library.get(id);
    expect(again.warning).toBeUndefined();
    expect((await library.list())[0]?.nodeCount).toBe(6);
  });

  it('fails clearly when the library entry is damaged and no version is left', async () => {
    const db = await rawDb(factory);
    await db.put('maps', { id: 'lost', name: 42 });
    db.close();
    const error = await failure(library.get('lost'));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(/"this map" could not be read/);
  });
});

describe('guarantee 7: data from a newer Leverflow is never overwritten', () => {
  async function markNewer(id: string, where: 'record' | 'text') {
    const db = await rawDb(factory);
    const record = await db.get('maps', id);
    if (where === 'record') {
      await db.put('maps', { ...record, schemaVersion: MAP_VERSION + 1 });
    } else {
      const head = await db.get('versions', record.headVersionId);
      await db.put('versions', {
        ...head,
        text: serializeMap(exampleMap()).replace(
          `"version": ${MAP_VERSION}`,
          `"version": ${MAP_VERSION + 1}`,
        ),
      });
    }
    const snapshot = { maps: await db.getAll('maps'), versions: await db.getAll('versions') };
    db.close();
    return snapshot;
  }

  it('refuses to load and to save over a record with a newer schema version', async () => {
    const { id } = await library.create(exampleMap());
    const snapshot = await markNewer(id, 'record');
    const loadError = await failure(library.get(id));
    expect(loadError.reason).toBe('newer-version');
    expect(loadError.message).toMatch(/saved by a newer Leverflow/);
    clock += 120_000;
    const saveError = await failure(library.save(id, createMap('older app')));
    expect(saveError.reason).toBe('newer-version');
    expect(saveError.message).toMatch(/newer Leverflow/);
    const db = await rawDb(factory);
    expect({ maps: await db.getAll('maps'), versions: await db.getAll('versions') }).toEqual(
      snapshot,
    );
    db.close();
  });

  it('refuses to load a head whose text has a newer version, without falling back', async () => {
    const { id } = await library.create(exampleMap());
    await markNewer(id, 'text');
    const error = await failure(library.get(id));
    expect(error.reason).toBe('newer-version');
  });
});

describe('revisions (guarantee 6 in storage)', () => {
  it('refuses a save based on an older revision, leaving the stored map alone', async () => {
    const { id } = await library.create(exampleMap());
    const other = await open();
    const seen = await other.get(id);
    await library.save(id, withStep(exampleMap(), 'mine'), { baseRevision: 1 });
    const error = await failure(
      other.save(id, createMap('theirs'), { baseRevision: seen.revision }),
    );
    expect(error.reason).toBe('conflict');
    expect((await library.get(id)).map.nodes.at(-1)?.label).toBe('mine');
    other.close();
  });
});

describe('storage deleted while the library is open (issue 13 item 18)', () => {
  it('reopens the database and saves the open map again, edits since the clear included', async () => {
    const lib = await openMapLibrary({ factory, now: () => clock, rescueStorage: null });
    const { id } = await lib.create(exampleMap());
    await lib.save(id, withStep(exampleMap(), 'before'), { baseRevision: 1 });
    // The browser's "clear site data": the database is deleted under the open connection.
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase('leverflow');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    const edited = withStep(withStep(exampleMap(), 'before'), 'after the clear');
    const saved = await lib.save(id, edited, { baseRevision: 2 });
    expect(saved.revision).toBe(3);
    expect((await lib.get(id)).map).toEqual(edited);
    expect((await lib.list()).map((m) => m.id)).toEqual([id]);
    lib.close();
  });
});

describe('rescue copies written on page close', () => {
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

  it('prefers a newer rescue copy and writes it to the library', async () => {
    const storage = memoryStorage();
    const lib = await openMapLibrary({ factory, now: () => clock, rescueStorage: storage });
    const { id } = await lib.create(exampleMap());
    const edited = withStep(exampleMap(), 'typed just before reload');
    expect(
      lib.writeRescueCopy(id, edited, { baseRevision: 1, tabId: 't1', editedAt: clock + 10 }),
    ).toBe(true);
    clock += 1000;
    const loaded = await lib.get(id);
    expect(loaded.recoveredFrom).toBe('rescue');
    expect(loaded.map).toEqual(edited);
    expect(loaded.revision).toBe(2);
    expect(storage.length).toBe(0);
    expect((await lib.get(id)).recoveredFrom).toBeUndefined();
    lib.close();
  });

  it('ignores a rescue copy older than the stored head', async () => {
    const storage = memoryStorage();
    const lib = await openMapLibrary({ factory, now: () => clock, rescueStorage: storage });
    const { id } = await lib.create(exampleMap());
    lib.writeRescueCopy(id, createMap('stale'), {
      baseRevision: 0,
      tabId: 't1',
      editedAt: clock - 10,
    });
    expect((await lib.get(id)).map).toEqual(exampleMap());
    expect(storage.length).toBe(0);
    lib.close();
  });

  it('keeps a rescue copy that clashes with another tab as a separate map', async () => {
    const storage = memoryStorage();
    const lib = await openMapLibrary({ factory, now: () => clock, rescueStorage: storage });
    const { id } = await lib.create(exampleMap());
    lib.writeRescueCopy(id, withStep(exampleMap(), 'mine'), {
      baseRevision: 1,
      tabId: 't1',
      editedAt: clock + 5,
    });
    clock += 1000;
    await lib.save(id, withStep(exampleMap(), 'theirs'), { tabId: 't2', editedAt: clock - 999 });
    const loaded = await lib.get(id);
    expect(loaded.map.nodes.at(-1)?.label).toBe('theirs');
    expect(loaded.warning).toMatch(/kept as a separate map/);
    expect((await lib.list()).map((m) => m.name)).toContain(
      'Order fulfilment (example) (recovered)',
    );
    lib.close();
  });
});

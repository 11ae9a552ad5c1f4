import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulateLog } from '../eventlog/simulateLog';
import { exampleMap } from '../model';
import { decodeEventLog, encodeEventLog } from './eventLogRecord';
import { type MapLibrary, openMapLibrary } from './mapLibrary';
import { EVENT_LOGS } from './openDatabase';

let factory: IDBFactory;
let library: MapLibrary;

beforeEach(async () => {
  factory = new IDBFactory();
  library = await openMapLibrary({ factory, rescueStorage: null });
});
afterEach(() => {
  library.close();
  vi.restoreAllMocks();
});

function record(mapId: string) {
  const log = simulateLog(exampleMap(), { cases: 50, seed: 1 });
  const data = encodeEventLog(
    { log, badCount: 0, badRows: [], ignoredTransitions: 0 },
    'orders.csv',
  );
  return { mapId, fileName: 'orders.csv', savedAt: 1, events: log.activity.length, data };
}

describe('map library: event logs in their own store', () => {
  it('keeps a compressed log with its map, reads it back, and removes it', async () => {
    const { id } = await library.create(exampleMap());
    expect(await library.getEventLog(id)).toBeNull();
    await library.putEventLog(record(id));
    const stored = await library.getEventLog(id);
    const decoded = decodeEventLog(stored!.data);
    expect(decoded.ok && decoded.imported.log.caseIds).toHaveLength(50);
    await library.deleteEventLog(id);
    expect(await library.getEventLog(id)).toBeNull();
  });

  it('map autosaves never write the log store; deleting the map forever deletes its log', async () => {
    const { id } = await library.create(exampleMap());
    await library.putEventLog(record(id));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const current = await library.get(id);
    await library.save(
      id,
      { ...exampleMap(), name: 'Renamed' },
      { baseRevision: current.revision },
    );
    expect(put.mock.contexts.map((store) => (store as IDBObjectStore).name)).not.toContain(
      EVENT_LOGS,
    );
    expect(await library.getEventLog(id)).not.toBeNull();
    await library.moveToTrash(id);
    await library.deleteForever(id);
    expect(await library.getEventLog(id)).toBeNull();
  });

  it('upgrades a version-2 database by adding the store, keeping its maps', async () => {
    library.close();
    factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('leverflow', 2);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('maps', { keyPath: 'id' });
        db.createObjectStore('versions', { keyPath: 'id' }).createIndex('byMap', 'mapId');
        db.createObjectStore('meta');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    library = await openMapLibrary({ factory, rescueStorage: null });
    const { id } = await library.create(exampleMap());
    await library.putEventLog(record(id));
    expect(await library.getEventLog(id)).not.toBeNull();
  });
});

import { createMap } from '../model';
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore, IDBOpenDBRequest } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStorage } from './openStorage';

afterEach(() => {
  vi.restoreAllMocks();
});

function expectUnavailable(result: Awaited<ReturnType<typeof openStorage>>, pattern: RegExp): void {
  if (result.ok) throw new Error('expected storage to be unavailable');
  expect(result.reason).toBe('unavailable');
  expect(result.message).toMatch(pattern);
  expect(result.message).toMatch(/export it to a file/);
}

describe('openStorage (guarantee 3: no storage is a clear state, not a crash)', () => {
  it('opens a working library', async () => {
    const result = await openStorage({ factory: new IDBFactory(), rescueStorage: null });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(await result.library.list()).toEqual([]);
      result.library.close();
    }
  });

  it('reports a browser without IndexedDB', async () => {
    expectUnavailable(await openStorage({ factory: undefined }), /does not offer IndexedDB/);
  });

  it('reports open() throwing, as some privacy settings do', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expectUnavailable(await openStorage({ factory }), /insecure.*Private windows/);
  });

  it('reports an open request that fails (database from a newer layout)', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('leverflow', 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expectUnavailable(await openStorage({ factory }), /newer version of Leverflow.*Reload/);
  });

  it('issue 13 item 17: repairs a version-1 database that has no stores by upgrading it', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('leverflow', 1);
      request.onsuccess = () => {
        expect(request.result.objectStoreNames).toHaveLength(0);
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const opened = await openStorage({ factory, rescueStorage: null });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { id } = await opened.library.create(createMap('Kept'));
    expect((await opened.library.get(id)).map.name).toBe('Kept');
    opened.library.close();
  });

  it('reports an open blocked by an old tab that does not let go', async () => {
    const factory = new IDBFactory();
    // An old tab: connected at layout version 1, ignoring requests to close.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('leverflow', 1);
      request.onsuccess = () => resolve(request.result);
    });
    // This app asks for a newer layout (as a future release will).
    const original = factory.open.bind(factory);
    vi.spyOn(factory, 'open').mockImplementation((name) => original(name, 2));
    expectUnavailable(await openStorage({ factory }), /open in another tab.*Close the other tabs/);
    old.close();
  });

  it('reports storage that opens but cannot write (private mode)', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Write not allowed', 'InvalidStateError');
    });
    expectUnavailable(
      await openStorage({ factory: new IDBFactory(), rescueStorage: null }),
      /Write not allowed/,
    );
  });

  it('reports storage that never answers', async () => {
    const factory = new IDBFactory();
    const silent: IDBOpenDBRequest = Object.create(IDBOpenDBRequest.prototype);
    vi.spyOn(factory, 'open').mockImplementation(() => silent);
    expectUnavailable(await openStorage({ factory, openTimeoutMs: 20 }), /did not answer in time/);
  });
});

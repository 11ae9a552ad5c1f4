import { describe, expect, it } from 'vitest';
import { createRescueStore } from './rescueStore';

function memoryStorage(options: { failWrites?: boolean } = {}): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => {
      if (options.failWrites) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
  };
}

const entry = { mapId: 'm1', text: '{}', baseRevision: 2, tabId: 't', editedAt: 5 };

describe('createRescueStore', () => {
  it('writes, reads and removes an entry', () => {
    const store = createRescueStore(memoryStorage());
    expect(store.write(entry)).toBe(true);
    expect(store.read('m1')).toEqual(entry);
    store.remove('m1');
    expect(store.read('m1')).toBeUndefined();
  });

  it('reads a damaged entry as none and survives full or missing storage', () => {
    const storage = memoryStorage();
    storage.setItem('leverflow:rescue:m1', '{"mapId":"m1", broken');
    expect(createRescueStore(storage).read('m1')).toBeUndefined();
    storage.setItem('leverflow:rescue:m1', JSON.stringify({ ...entry, mapId: 'other' }));
    expect(createRescueStore(storage).read('m1')).toBeUndefined();
    expect(createRescueStore(memoryStorage({ failWrites: true })).write(entry)).toBe(false);
    expect(createRescueStore(null).write(entry)).toBe(false);
    expect(createRescueStore(null).read('m1')).toBeUndefined();
  });
});

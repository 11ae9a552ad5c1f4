import { describe, expect, it } from 'vitest';
import { createRescueStore } from './rescueStore';

/** A localStorage stand-in that refuses writes past `quota` characters in all. */
function memoryStorage(options: { failWrites?: boolean; quota?: number } = {}): Storage {
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
      const before = data.get(k);
      const size = used() - (before === undefined ? 0 : k.length + before.length) + k.length;
      if (options.failWrites || size + v.length > (options.quota ?? Number.POSITIVE_INFINITY)) {
        throw new DOMException('full', 'QuotaExceededError');
      }
      data.set(k, v);
    },
  };
}

const entry = { mapId: 'm1', baseRevision: 2, tabId: 't', editedAt: 5 };

describe('createRescueStore', () => {
  it('writes, reads and removes an entry, its content stored as it is (not JSON in JSON)', () => {
    const storage = memoryStorage();
    const store = createRescueStore(storage);
    const text = '{"name":"a \\"quoted\\" label"}';
    expect(store.write(entry, text)).toBe(true);
    expect(store.read('m1')).toEqual([{ entry: { ...entry, kind: 'map' }, text }]);
    expect(storage.getItem('leverflow:rescue-data:m1|t')).toBe(text);
    expect(store.mapIds()).toEqual(['m1']);
    store.remove('m1', 't');
    expect(store.read('m1')).toEqual([]);
    expect(storage.length).toBe(0);
  });

  it('keeps each tab’s copy of a map, oldest edit first', () => {
    const store = createRescueStore(memoryStorage());
    store.write({ ...entry, tabId: 'b', editedAt: 9 }, 'from b');
    store.write({ ...entry, tabId: 'a', editedAt: 7 }, 'from a');
    expect(store.read('m1').map((c) => c.text)).toEqual(['from a', 'from b']);
    store.remove('m1', 'a');
    expect(store.read('m1').map((c) => c.text)).toEqual(['from b']);
    store.remove('m1');
    expect(store.mapIds()).toEqual([]);
  });

  it('reads a copy written before the content had its own key', () => {
    const storage = memoryStorage();
    storage.setItem('leverflow:rescue:m1', JSON.stringify({ ...entry, text: '{}' }));
    expect(createRescueStore(storage).read('m1')[0]?.text).toBe('{}');
  });

  it('reads a damaged entry as none and survives full or missing storage', () => {
    const storage = memoryStorage();
    storage.setItem('leverflow:rescue:m1', '{"mapId":"m1", broken');
    expect(createRescueStore(storage).read('m1')).toEqual([]);
    storage.setItem('leverflow:rescue:m1', JSON.stringify({ ...entry, mapId: 'other' }));
    expect(createRescueStore(storage).read('m1')).toEqual([]);
    expect(createRescueStore(memoryStorage({ failWrites: true })).write(entry, '{}')).toBe(false);
    expect(createRescueStore(null).write(entry, '{}')).toBe(false);
    expect(createRescueStore(null).read('m1')).toEqual([]);
  });

  it('when storage is full, drops the other maps’ copies to make room for this one', () => {
    const storage = memoryStorage({ quota: 2_000 });
    const store = createRescueStore(storage);
    expect(store.write({ ...entry, mapId: 'big' }, 'x'.repeat(1_500))).toBe(true);
    expect(store.write(entry, 'y'.repeat(1_000))).toBe(true);
    expect(store.mapIds()).toEqual(['m1']);
    expect(store.read('m1')[0]?.text).toHaveLength(1_000);
    // Too big even alone: not written, and no half-written copy is left.
    expect(store.write(entry, 'z'.repeat(5_000))).toBe(false);
    expect(store.mapIds()).toEqual([]);
  });
});

import { scratch } from './scratch';

/**
 * Positions of string ids, in an open-addressing hash table over typed arrays: cheaper to
 * fill and to query than a Map for the ids of a freshly parsed map (no rehashing while it
 * grows, no entry objects). Ids get positions 0, 1, 2... in the order they are first added.
 * @example const index = new IdIndex(2); index.add('a'); index.add('b'); index.at('b') // 1
 */
export class IdIndex {
  /** Per slot: position + 1, or 0 when empty. */
  private readonly slots: Int32Array;
  /** Per position: the id's hash, compared before the strings. */
  private readonly hashes: Int32Array;
  /** The ids by position (sized for `capacity` up front: growing a large array is slow). */
  private readonly keys: string[];
  private count = 0;
  private readonly mask: number;

  /** An empty index with room for `capacity` ids (more are refused by `add`). */
  constructor(private readonly capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = scratch.int32(size);
    this.hashes = scratch.int32(Math.max(capacity, 1));
    this.mask = size - 1;
    this.keys = new Array<string>(capacity);
  }

  /** The ids in the order they were first added (read only). */
  get ids(): string[] {
    if (this.keys.length !== this.count) this.keys.length = this.count;
    return this.keys;
  }

  /** How many distinct ids were added. */
  get size(): number {
    return this.count;
  }

  /** The position of an id, or -1 when it was never added. */
  at(id: string): number {
    const h = hashOf(id);
    const { slots, hashes, keys, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = slots[s]! - 1;
      if (k < 0) return -1;
      if (hashes[k] === h && keys[k] === id) return k;
    }
  }

  /** The position of an id, or undefined (as a Map would answer). */
  get(id: string): number | undefined {
    const k = this.at(id);
    return k < 0 ? undefined : k;
  }

  has(id: string): boolean {
    return this.at(id) >= 0;
  }

  /** Adds an id unless present; returns its position (new ids get `size - 1`). */
  add(id: string): number {
    const h = hashOf(id);
    const { slots, hashes, keys, mask } = this;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const k = slots[s]! - 1;
      if (k < 0) break;
      if (hashes[k] === h && keys[k] === id) return k;
    }
    const k = this.count;
    if (k >= this.capacity) throw new RangeError('IdIndex is full');
    this.count++;
    keys[k] = id;
    hashes[k] = h;
    slots[s] = k + 1;
    return k;
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so the low bits spread. */
function hashOf(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

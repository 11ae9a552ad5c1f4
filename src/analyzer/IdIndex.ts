/**
 * Positions of string ids, in an open-addressing hash table over typed arrays: cheaper to
 * fill and to query than a Map for the ids of a freshly parsed map (no rehashing while it
 * grows, no entry objects). Filled by {@link buildFlowGraph} with {@link hashOf} and
 * {@link findSlot}: plain functions of typed arrays, so their optimized code does not
 * depend on the hidden class of an object that dies between analyses (a full garbage
 * collection would throw that code away, and every analysis would start unoptimized).
 * @example new IdIndex(slots, ['a', 'b'], mask).at('b') // 1
 */
export class IdIndex {
  constructor(
    /**
     * Two entries per slot, side by side so that one memory access reads both: position + 1
     * (0 when empty), then the id's hash, compared before the strings.
     */
    private readonly slots: Int32Array,
    /** The ids by position. */
    readonly ids: string[],
    private readonly mask: number,
  ) {}

  /** How many ids there are. */
  get size(): number {
    return this.ids.length;
  }

  /** The position of an id, or -1 when it is not there. */
  at(id: string): number {
    return this.slots[findSlot(this.slots, this.ids, this.mask, id, hashOf(id))]! - 1;
  }

  /** The position of an id, or undefined (as a Map would answer). */
  get(id: string): number | undefined {
    const k = this.at(id);
    return k < 0 ? undefined : k;
  }

  has(id: string): boolean {
    return this.at(id) >= 0;
  }
}

/**
 * Slots for `count` ids: a power of two, at least twice as many (the table has two entries
 * per slot).
 * @example tableSize(100) // 256
 */
export function tableSize(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

/**
 * Where the slot holding `id` (hash `h`) starts in `slots`, or the empty slot where it would
 * go: `slots[at]` is its position + 1 (0 when empty), `slots[at + 1]` its hash.
 * @example slots[findSlot(slots, ids, mask, 'a', hashOf('a'))] // position + 1, or 0
 */
export function findSlot(
  slots: Int32Array,
  ids: readonly string[],
  mask: number,
  id: string,
  h: number,
): number {
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const at = s * 2;
    const k = slots[at]! - 1;
    if (k < 0 || (slots[at + 1] === h && ids[k] === id)) return at;
  }
}

/**
 * FNV-1a over the UTF-16 code units, with a final mix so the low bits spread.
 * @example hashOf('n-k3x9q2a') // a 32-bit integer
 */
export function hashOf(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

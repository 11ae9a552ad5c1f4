import { LIMITS } from '../../model';

/** Hands out ids that fit the map's bounds and are not yet taken. */
export interface IdAllocator {
  /** The wanted id if it is free and fits, else a close variant; `renamed` counts the variants. */
  take(wanted: string): string;
  readonly renamed: number;
}

/**
 * Makes an allocator of unique ids of at most `LIMITS.maxIdLength` characters.
 * @example const ids = createIdAllocator(); ids.take('a'); ids.take('a') // 'a', 'a-2'
 */
export function createIdAllocator(fallback = 'id'): IdAllocator {
  const used = new Set<string>();
  let renamed = 0;
  return {
    take(wanted) {
      const base = (wanted.trim() === '' ? fallback : wanted).slice(0, LIMITS.maxIdLength);
      let id = base;
      for (let n = 2; used.has(id); n++) {
        const suffix = `-${n}`;
        id = base.slice(0, LIMITS.maxIdLength - suffix.length) + suffix;
      }
      if (id !== wanted) renamed++;
      used.add(id);
      return id;
    },
    get renamed() {
      return renamed;
    },
  };
}

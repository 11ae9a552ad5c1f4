/**
 * Sets `out[u]` to 1 where `a[u] === aWant` (every node when `a` is null) and
 * `b[u] === bWant`, else 0, and returns how many are set. A small function of typed arrays
 * only, so that it stays optimized however rarely its callers run.
 * @example maskNodes(g.n, reach, 1, coreach, 0, dead) // steps reached that cannot finish
 */
export function maskNodes(
  n: number,
  a: Uint8Array | null,
  aWant: number,
  b: Uint8Array,
  bWant: number,
  out: Uint8Array,
): number {
  let count = 0;
  for (let u = 0; u < n; u++) {
    const hit = (a === null || a[u] === aWant) && b[u] === bWant ? 1 : 0;
    out[u] = hit;
    count += hit;
  }
  return count;
}

/**
 * The positions where `mask` is 1, ascending (`count` of them).
 * @example markedNodes(dead, 2) // [4, 9]
 */
export function markedNodes(mask: Uint8Array, count: number): number[] {
  const out = new Array<number>(count);
  for (let u = 0, i = 0; i < count; u++) if (mask[u] === 1) out[i++] = u;
  return out;
}

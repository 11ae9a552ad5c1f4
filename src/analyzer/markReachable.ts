import { scratch } from './scratch';
/**
 * Marks every node reachable from the seeds along a CSR adjacency (iterative BFS).
 * Pass the out-adjacency for "reachable from", the in-adjacency for "can reach".
 * @example markReachable(g.n, g.starts, g.outStart, g.outTarget) // 1 = reached
 */
export function markReachable(
  n: number,
  seeds: ArrayLike<number>,
  start: Int32Array,
  target: Int32Array,
): Uint8Array {
  const seen = scratch.uint8(n);
  const queue = scratch.int32(n);
  let tail = 0;
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i]!;
    if (seen[s] === 0) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const end = start[u + 1]!;
    for (let k = start[u]!; k < end; k++) {
      const v = target[k]!;
      if (seen[v] === 0) {
        seen[v] = 1;
        queue[tail++] = v;
      }
    }
  }
  return seen;
}

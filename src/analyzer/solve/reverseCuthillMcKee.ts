import { scratch } from '../scratch';
import type { SparseMatrix } from './SparseMatrix';

/** An ordering of a matrix's rows and columns, and the bandwidth it gives. */
export interface Ordering {
  /** New index r holds old index perm[r]. */
  perm: Int32Array;
  /** Old index i moves to inv[i]. */
  inv: Int32Array;
  /** Largest |inv[i] - inv[j]| over the entries (i, j). */
  bandwidth: number;
}

/**
 * Reverse Cuthill-McKee on the pattern of A, which must be structurally symmetric (as
 * componentMatrix makes it): breadth first from a far-out node of
 * low degree (found by repeated breadth-first sweeps), each node's new neighbours in order
 * of degree, then the whole order reversed. Keeps the entries near the diagonal, so a
 * loop component that is long and thin gets a small bandwidth. Iterative, O(entries).
 *
 * Returns null, after one breadth-first sweep, when no order can have a bandwidth of at
 * most `maxBandwidth`: a sweep of height h means a diameter of at most 2h, and an order of
 * bandwidth w cannot place k nodes within distance 2h of each other unless w >= (k-1) / 2h.
 * @example reverseCuthillMcKee(a, 20)?.bandwidth
 */
export function reverseCuthillMcKee(a: SparseMatrix, maxBandwidth: number): Ordering | null {
  const { k } = a;
  // A's pattern is symmetric (componentMatrix writes explicit zeros for it), so A's rows are
  // the neighbour lists as they are; each row's diagonal entry counts in its degree and is
  // skipped where it would be placed (it is already).
  const adjStart = a.rowStart;
  const adj = a.col;
  const deg = (i: number) => adjStart[i + 1]! - adjStart[i]!;
  const order = scratch.int32(k);
  const level = scratch.int32(k);
  const seen = scratch.int32(k).fill(-1);
  let placed = 0;
  let sweep = 0;
  for (let root = 0; root < k; root++) {
    if (level[root] === -2) continue;
    // A pseudo-peripheral start: the lowest-degree node of the last level, a few times over.
    let start = root;
    let depth = -1;
    for (let tries = 0; tries < 4; tries++) {
      sweep++;
      const { last, height } = sweepFrom(start, adjStart, adj, seen, sweep, order, placed, level);
      if (tries === 0 && root === 0 && (k - 1) / (2 * Math.max(1, height)) > maxBandwidth) {
        return null;
      }
      if (height <= depth) break;
      depth = height;
      let best = -1;
      for (let t = placed; t < last; t++) {
        const v = order[t]!;
        if (level[v] === height && (best === -1 || deg(v) < deg(best))) best = v;
      }
      start = best;
    }
    // Cuthill-McKee from there: new neighbours in order of degree.
    let head = placed;
    order[placed++] = start;
    level[start] = -2;
    while (head < placed) {
      const u = order[head++]!;
      const from = placed;
      for (let s = adjStart[u]!; s < adjStart[u + 1]!; s++) {
        const v = adj[s]!;
        if (level[v] === -2) continue;
        level[v] = -2;
        order[placed++] = v;
      }
      for (let t = from + 1; t < placed; t++) {
        const v = order[t]!;
        const dv = deg(v);
        let r = t - 1;
        while (r >= from && deg(order[r]!) > dv) {
          order[r + 1] = order[r]!;
          r--;
        }
        order[r + 1] = v;
      }
    }
  }
  const perm = new Int32Array(k);
  const inv = new Int32Array(k);
  for (let r = 0; r < k; r++) {
    perm[r] = order[k - 1 - r]!;
    inv[perm[r]!] = r;
  }
  let bandwidth = 0;
  for (let i = 0; i < k; i++) {
    for (let s = a.rowStart[i]!; s < a.rowStart[i + 1]!; s++) {
      const d = Math.abs(inv[i]! - inv[a.col[s]!]!);
      if (d > bandwidth) bandwidth = d;
    }
  }
  return { perm, inv, bandwidth };
}

/**
 * Breadth first from `start` over nodes not yet placed (level -2), writing the visit order
 * into order[from ..] and each node's distance into `level`; returns the end of the order
 * written and the largest distance.
 */
function sweepFrom(
  start: number,
  adjStart: Int32Array,
  adj: Int32Array,
  seen: Int32Array,
  sweep: number,
  order: Int32Array,
  from: number,
  level: Int32Array,
): { last: number; height: number } {
  let head = from;
  let tail = from;
  order[tail++] = start;
  seen[start] = sweep;
  level[start] = 0;
  let height = 0;
  while (head < tail) {
    const u = order[head++]!;
    for (let s = adjStart[u]!; s < adjStart[u + 1]!; s++) {
      const v = adj[s]!;
      if (seen[v] === sweep || level[v] === -2) continue;
      seen[v] = sweep;
      level[v] = level[u]! + 1;
      if (level[v]! > height) height = level[v]!;
      order[tail++] = v;
    }
  }
  return { last: tail, height };
}

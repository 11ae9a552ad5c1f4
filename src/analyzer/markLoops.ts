import type { Sccs } from './findSccs';
import { scratch } from './scratch';

/**
 * Per component: 1 when it is a loop (two or more nodes, or a node with an arrow to itself).
 * @example markLoops(sccs, g.outStart, g.outTarget)[sccs.comp[u]] // 1 when u is in a loop
 */
export function markLoops(sccs: Sccs, outStart: Int32Array, outTarget: Int32Array): Uint8Array {
  const { count, start, comp } = sccs;
  const loop = scratch.uint8(count);
  for (let c = 0; c < count; c++) {
    if (start[c + 1]! - start[c]! > 1) loop[c] = 1;
  }
  const n = comp.length;
  for (let u = 0; u < n; u++) {
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      if (outTarget[k] === u) loop[comp[u]!] = 1;
    }
  }
  return loop;
}

import { type FlowGraph, KIND_END } from './buildFlowGraph';
import { scratch } from './scratch';

/** A path as graph indices and its total minutes. */
export interface IndexPath {
  nodes: Int32Array;
  minutes: number;
}

/**
 * The longest loop-free start-to-end path by duration. Loops are cut where a depth-first
 * walk from the starts (file order) meets a step already on its stack (a back arrow), so
 * every loop is counted once; a case stops at an end. Iterative, linear time.
 * @example findLongestPath(g, onPath, minutes) // { nodes: [0, 1, 4], minutes: 35 }
 */
export function findLongestPath(
  g: FlowGraph,
  onPath: Uint8Array,
  minutes: Float64Array,
): IndexPath | null {
  const { n } = g;
  const state = scratch.uint8(n); // 0 new, 1 on stack, 2 done
  const back = scratch.uint8(g.outTarget.length);
  const order = scratch.int32(n);
  const callNode = scratch.int32(n);
  const callEdge = scratch.int32(n);
  let done = 0;
  for (let i = 0; i < g.starts.length; i++) {
    const root = g.starts[i]!;
    if (state[root] !== 0 || onPath[root] === 0) continue;
    let csp = 0;
    state[root] = 1;
    callNode[csp] = root;
    callEdge[csp++] = g.outStart[root]!;
    while (csp > 0) {
      const u = callNode[csp - 1]!;
      const k = callEdge[csp - 1]!;
      if (g.kind[u] !== KIND_END && k < g.outStart[u + 1]!) {
        callEdge[csp - 1] = k + 1;
        const v = g.outTarget[k]!;
        if (onPath[v] === 0) continue;
        if (state[v] === 1) back[k] = 1;
        else if (state[v] === 0) {
          state[v] = 1;
          callNode[csp] = v;
          callEdge[csp++] = g.outStart[v]!;
        }
        continue;
      }
      csp--;
      state[u] = 2;
      order[done++] = u;
    }
  }
  if (done === 0) return null;
  const best = scratch.float64(n).fill(Number.NEGATIVE_INFINITY);
  const parent = scratch.int32(n).fill(-1);
  for (let i = 0; i < g.starts.length; i++) {
    const s = g.starts[i]!;
    if (state[s] === 2) best[s] = minutes[s]!;
  }
  for (let r = done - 1; r >= 0; r--) {
    const u = order[r]!;
    const bu = best[u]!;
    if (bu === Number.NEGATIVE_INFINITY || g.kind[u] === KIND_END) continue;
    for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
      const v = g.outTarget[k]!;
      if (back[k] === 1 || state[v] !== 2) continue;
      const cand = bu + minutes[v]!;
      if (cand > best[v]!) {
        best[v] = cand;
        parent[v] = u;
      }
    }
  }
  let bestEnd = -1;
  for (let i = 0; i < g.ends.length; i++) {
    const e = g.ends[i]!;
    if (best[e] === Number.NEGATIVE_INFINITY) continue;
    if (bestEnd === -1 || best[e]! > best[bestEnd]!) bestEnd = e;
  }
  if (bestEnd === -1) return null;
  let length = 0;
  for (let v = bestEnd; v !== -1; v = parent[v]!) length++;
  const nodes = scratch.int32(length);
  for (let v = bestEnd, i = length - 1; v !== -1; v = parent[v]!) nodes[i--] = v;
  return { nodes, minutes: best[bestEnd]! };
}

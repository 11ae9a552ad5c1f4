import { scratch } from './scratch';
/** Strongly connected components of a CSR graph. */
export interface Sccs {
  /** Component id of each node. Ids are in reverse topological order: arrows between
   * components always go from a higher id to a lower one (component 0 is a sink). */
  comp: Int32Array;
  count: number;
  /** Members of component c are nodes[start[c] .. start[c+1]), in increasing node index. */
  start: Int32Array;
  nodes: Int32Array;
}

/**
 * Tarjan's algorithm, iterative (no recursion, safe for 100,000-step chains).
 * @example findSccs(g.n, g.outStart, g.outTarget).count
 */
export function findSccs(n: number, outStart: Int32Array, outTarget: Int32Array): Sccs {
  const index = scratch.int32(n).fill(-1);
  const low = scratch.int32(n);
  const onStack = scratch.uint8(n);
  const stack = scratch.int32(n);
  const callNode = scratch.int32(n);
  const callEdge = scratch.int32(n);
  const comp = scratch.int32(n);
  let sp = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let csp = 0;
    index[root] = counter;
    low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[csp] = root;
    callEdge[csp++] = outStart[root]!;
    while (csp > 0) {
      const u = callNode[csp - 1]!;
      const k = callEdge[csp - 1]!;
      if (k < outStart[u + 1]!) {
        callEdge[csp - 1] = k + 1;
        const v = outTarget[k]!;
        if (index[v] === -1) {
          index[v] = counter;
          low[v] = counter++;
          stack[sp++] = v;
          onStack[v] = 1;
          callNode[csp] = v;
          callEdge[csp++] = outStart[v]!;
        } else if (onStack[v] === 1 && index[v]! < low[u]!) {
          low[u] = index[v]!;
        }
        continue;
      }
      csp--;
      if (low[u] === index[u]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== u);
        count++;
      }
      if (csp > 0) {
        const p = callNode[csp - 1]!;
        if (low[u]! < low[p]!) low[p] = low[u]!;
      }
    }
  }
  const start = scratch.int32(count + 1);
  for (let i = 0; i < n; i++) start[comp[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = scratch.int32(count);
  fill.set(start.subarray(0, count));
  const nodes = scratch.int32(n);
  for (let i = 0; i < n; i++) nodes[fill[comp[i]!]!++] = i;
  return { comp, count, start, nodes };
}

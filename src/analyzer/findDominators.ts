import { scratch } from './scratch';
/**
 * Immediate dominators by the semi-NCA algorithm (Lengauer-Tarjan semidominators with path
 * compression, then a nearest-common-ancestor walk; Georgiadis, Tarjan and Werneck, "Finding
 * Dominators in Practice"). Near-linear, iterative, typed arrays only: unlike the simple
 * iterative algorithm it does not slow down when many arrows meet at one node (a sink after
 * hundreds of ends). Returns idom per node: the root maps to itself, nodes not reachable
 * from the root map to -1.
 * @example findDominators(3, 0, succStart, succ, predStart, pred) // Int32Array [0, 0, 1]
 */
export function findDominators(
  n: number,
  root: number,
  succStart: Int32Array,
  succ: Int32Array,
  predStart: Int32Array,
  pred: Int32Array,
): Int32Array {
  // Preorder numbers are 1-based; 0 means "not visited" / "no ancestor".
  const pre = scratch.int32(n);
  const vertex = scratch.int32(n + 1);
  const parent = scratch.int32(n + 1);
  const callNode = scratch.int32(n);
  const callEdge = scratch.int32(n);
  let count = 0;
  let csp = 0;
  pre[root] = ++count;
  vertex[count] = root;
  callNode[csp] = root;
  callEdge[csp++] = succStart[root]!;
  while (csp > 0) {
    const u = callNode[csp - 1]!;
    const k = callEdge[csp - 1]!;
    if (k < succStart[u + 1]!) {
      callEdge[csp - 1] = k + 1;
      const v = succ[k]!;
      if (pre[v] === 0) {
        pre[v] = ++count;
        vertex[count] = v;
        parent[count] = pre[u]!;
        callNode[csp] = v;
        callEdge[csp++] = succStart[v]!;
      }
      continue;
    }
    csp--;
  }

  // Semidominators, in preorder numbers, over a link-eval forest with path compression.
  const semi = scratch.int32(count + 1);
  const label = scratch.int32(count + 1);
  const ancestor = scratch.int32(count + 1);
  const path = scratch.int32(count + 1);
  for (let i = 1; i <= count; i++) {
    semi[i] = i;
    label[i] = i;
  }
  for (let i = count; i >= 2; i--) {
    const w = vertex[i]!;
    let s = semi[i]!;
    for (let k = predStart[w]!; k < predStart[w + 1]!; k++) {
      const v = pre[pred[k]!]!;
      if (v === 0) continue;
      let u = v;
      if (ancestor[v] !== 0) {
        // eval(v): compress the path to its forest root, keeping the least semidominator.
        let top = 0;
        let x = v;
        while (ancestor[ancestor[x]!] !== 0) {
          path[top++] = x;
          x = ancestor[x]!;
        }
        while (top > 0) {
          const y = path[--top]!;
          const a = ancestor[y]!;
          if (semi[label[a]!]! < semi[label[y]!]!) label[y] = label[a]!;
          ancestor[y] = ancestor[a]!;
        }
        u = label[v]!;
      }
      if (semi[u]! < s) s = semi[u]!;
    }
    semi[i] = s;
    ancestor[i] = parent[i]!;
  }

  // Immediate dominators: the nearest ancestor of the parent not below the semidominator.
  const idomPre = scratch.int32(count + 1);
  idomPre[1] = 1;
  for (let i = 2; i <= count; i++) {
    let d = parent[i]!;
    while (d > semi[i]!) d = idomPre[d]!;
    idomPre[i] = d;
  }
  const idom = scratch.int32(n).fill(-1);
  for (let i = 1; i <= count; i++) idom[vertex[i]!] = vertex[idomPre[i]!]!;
  return idom;
}

/**
 * Immediate dominators by Cooper, Harvey and Kennedy ("A Simple, Fast Dominance
 * Algorithm"), iterative over reverse postorder. Returns idom per node: the root maps to
 * itself, nodes not reachable from the root map to -1.
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
  // Postorder by iterative DFS.
  const post = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let csp = 0;
  let counter = 0;
  seen[root] = 1;
  callNode[csp] = root;
  callEdge[csp++] = succStart[root]!;
  while (csp > 0) {
    const u = callNode[csp - 1]!;
    const k = callEdge[csp - 1]!;
    if (k < succStart[u + 1]!) {
      callEdge[csp - 1] = k + 1;
      const v = succ[k]!;
      if (seen[v] === 0) {
        seen[v] = 1;
        callNode[csp] = v;
        callEdge[csp++] = succStart[v]!;
      }
      continue;
    }
    csp--;
    post[u] = counter;
    order[counter++] = u;
  }
  const idom = new Int32Array(n).fill(-1);
  idom[root] = root;
  let changed = true;
  while (changed) {
    changed = false;
    // Reverse postorder, skipping the root (last in postorder).
    for (let r = counter - 2; r >= 0; r--) {
      const b = order[r]!;
      let next = -1;
      for (let k = predStart[b]!; k < predStart[b + 1]!; k++) {
        const p = pred[k]!;
        if (idom[p] === -1) continue;
        if (next === -1) {
          next = p;
          continue;
        }
        let x = p;
        let y = next;
        while (x !== y) {
          while (post[x]! < post[y]!) x = idom[x]!;
          while (post[y]! < post[x]!) y = idom[y]!;
        }
        next = x;
      }
      if (next !== -1 && idom[b] !== next) {
        idom[b] = next;
        changed = true;
      }
    }
  }
  return idom;
}

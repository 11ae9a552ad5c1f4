import type { MapEdge, MapNode, ProcessMap } from '../model';

export const KIND_START = 0;
export const KIND_END = 1;
export const KIND_ACTION = 2;
export const KIND_DECISION = 3;

/**
 * A map as integer-indexed adjacency (CSR) for the graph rules.
 *
 * Edge semantics:
 * - Node index = position among the map's nodes after dropping later nodes that repeat an
 *   earlier id (the first node with an id wins; repeats are ignored by every rule).
 * - Arrows whose source or target is missing are left out of the adjacency; `edgeSource` /
 *   `edgeTarget` hold -1 for them. Every rule ignores them.
 * - Duplicate arrows stay separate arrows (a multigraph): each counts towards degrees and,
 *   in the metrics, takes its own share of a branch.
 * - A self-loop is an ordinary arrow whose source is its target; it makes its node a loop.
 */
export interface FlowGraph {
  /** Number of (distinct) nodes. */
  n: number;
  /** The distinct nodes (the map's own array when no id repeats; never mutate). */
  nodes: readonly MapNode[];
  /** File index (in map.nodes) of each graph node. */
  fileIndex: Int32Array;
  kind: Uint8Array;
  /** Id of each graph node (read once here, so later passes touch no node objects). */
  ids: string[];
  /** Step duration in minutes of each graph node (0 when missing, invalid, or not a step). */
  duration: Float64Array;
  indexOf: ReadonlyMap<string, number>;
  edges: readonly MapEdge[];
  /** Per file edge: graph index of source / target, or -1 when missing. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** CSR out-adjacency: arrows of node u are outEdge[outStart[u] .. outStart[u+1]) (file order). */
  outStart: Int32Array;
  outEdge: Int32Array;
  outTarget: Int32Array;
  /** CSR in-adjacency, same layout. */
  inStart: Int32Array;
  inEdge: Int32Array;
  inSource: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

function kindCode(node: MapNode): number {
  switch (node.kind) {
    case 'start':
      return KIND_START;
    case 'end':
      return KIND_END;
    case 'action':
      return KIND_ACTION;
    default:
      return KIND_DECISION;
  }
}

/**
 * Builds the integer graph of a map.
 * @example buildFlowGraph(map).outTarget // targets of every valid arrow, grouped by source
 */
export function buildFlowGraph(map: Pick<ProcessMap, 'nodes' | 'edges'>): FlowGraph {
  const all = map.nodes;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < all.length; i++) indexOf.set(all[i]!.id, i);
  let nodes: MapNode[];
  let fileIndex: Int32Array;
  if (indexOf.size === all.length) {
    // Every id is distinct (the usual case): graph index = file index, no copy.
    nodes = all;
    fileIndex = new Int32Array(all.length);
    for (let i = 0; i < all.length; i++) fileIndex[i] = i;
  } else {
    // Repeated ids: the first node with an id wins.
    indexOf.clear();
    nodes = [];
    const fileIdx: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const node = all[i]!;
      if (indexOf.has(node.id)) continue;
      indexOf.set(node.id, nodes.length);
      nodes.push(node);
      fileIdx.push(i);
    }
    fileIndex = Int32Array.from(fileIdx);
  }
  const n = nodes.length;
  const kind = new Uint8Array(n);
  const ids = new Array<string>(n);
  const duration = new Float64Array(n);
  let startCount = 0;
  let endCount = 0;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const k = kindCode(node);
    kind[i] = k;
    ids[i] = node.id;
    if (node.kind === 'action' || node.kind === 'decision') {
      const d = node.durationMinutes;
      if (d !== undefined && Number.isFinite(d) && d > 0) duration[i] = d;
    }
    if (k === KIND_START) startCount++;
    else if (k === KIND_END) endCount++;
  }
  const starts = new Int32Array(startCount);
  const ends = new Int32Array(endCount);
  startCount = 0;
  endCount = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_START) starts[startCount++] = i;
    else if (kind[i] === KIND_END) ends[endCount++] = i;
  }

  const edges = map.edges;
  const e = edges.length;
  const edgeSource = new Int32Array(e);
  const edgeTarget = new Int32Array(e);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  let valid = 0;
  for (let j = 0; j < e; j++) {
    const edge = edges[j]!;
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined) {
      edgeSource[j] = -1;
      edgeTarget[j] = -1;
      continue;
    }
    edgeSource[j] = s;
    edgeTarget[j] = t;
    outStart[s + 1]!++;
    inStart[t + 1]!++;
    valid++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1]! += outStart[i]!;
    inStart[i + 1]! += inStart[i]!;
  }
  const outEdge = new Int32Array(valid);
  const outTarget = new Int32Array(valid);
  const inEdge = new Int32Array(valid);
  const inSource = new Int32Array(valid);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let j = 0; j < e; j++) {
    const s = edgeSource[j]!;
    if (s < 0) continue;
    const t = edgeTarget[j]!;
    const o = outFill[s]!++;
    outEdge[o] = j;
    outTarget[o] = t;
    const p = inFill[t]!++;
    inEdge[p] = j;
    inSource[p] = s;
  }
  return {
    n,
    nodes,
    fileIndex,
    kind,
    ids,
    duration,
    indexOf,
    edges,
    edgeSource,
    edgeTarget,
    outStart,
    outEdge,
    outTarget,
    inStart,
    inEdge,
    inSource,
    starts,
    ends,
  };
}

import type { MapEdge, MapNode, ProcessMap } from '../model';
import { findSlot, hashOf, IdIndex, tableSize } from './IdIndex';
import { FIX_PREFIX } from './IdMinter';
import { scratch } from './scratch';

export const KIND_START = 0;
export const KIND_END = 1;
export const KIND_ACTION = 2;
export const KIND_DECISION = 3;
/** A fork/join bar: a case follows every arrow out and waits for every arrow in. */
export const KIND_PARALLEL = 4;

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
  /** 1 for a step (action or decision) whose label is empty or only whitespace. */
  blank: Uint8Array;
  /** Ids of nodes and arrows (valid or not) starting with FIX_PREFIX, as suggested ids do. */
  fixIds: string[];
  /** Graph index of each id. */
  indexOf: IdIndex;
  edges: readonly MapEdge[];
  /**
   * Id of each file edge (read once here: findings name arrows by id, and reading them from
   * this array rather than from the edge objects spares a cache miss per arrow named).
   */
  edgeIds: string[];
  /** Per file edge: graph index of source / target, or -1 when missing. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Per file edge: 1 when it gives a chance (`probability` is set), and the chance given. */
  hasChance: Uint8Array;
  chance: Float64Array;
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

const FIX_CODE = FIX_PREFIX.charCodeAt(0);

/** True when a label is empty or only whitespace (as `label.trim() === ''`). */
function isBlank(label: string): boolean {
  if (label.length === 0) return true;
  const c = label.charCodeAt(0);
  // Every character trim() removes is at most a space, a no-break space, or from U+1680 on.
  if (c > 32 && c !== 0xa0 && c < 0x1680) return false;
  return label.trim() === '';
}

function kindCode(node: MapNode): number {
  switch (node.kind) {
    case 'start':
      return KIND_START;
    case 'end':
      return KIND_END;
    case 'action':
      return KIND_ACTION;
    case 'parallel':
      return KIND_PARALLEL;
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
  const size = all.length;
  const mask = tableSize(size) - 1;
  const slots = scratch.int32((mask + 1) * 2);
  // Sized up front: growing a large array is slow.
  const ids = new Array<string>(size);
  let distinct = 0;
  const fixIds: string[] = [];
  // One pass over the node objects; figures by file index, compacted below if ids repeat.
  let kind = scratch.uint8(size);
  let duration = scratch.float64(size);
  let blank = scratch.uint8(size);
  // Per file node: 1 when it is the first with its id (only made once an id repeats).
  let first: Uint8Array | null = null;
  for (let i = 0; i < size; i++) {
    const node = all[i]!;
    const id = node.id;
    const h = hashOf(id);
    const at = findSlot(slots, ids, mask, id, h);
    const fresh = slots[at] === 0;
    if (fresh) {
      ids[distinct] = id;
      slots[at] = ++distinct;
      slots[at + 1] = h;
    }
    if (first === null && !fresh) first = scratch.uint8(size).fill(1, 0, i);
    if (first !== null && fresh) first[i] = 1;
    if (id.charCodeAt(0) === FIX_CODE && id.startsWith(FIX_PREFIX)) fixIds.push(id);
    const k = kindCode(node);
    kind[i] = k;
    if (node.kind === 'action' || node.kind === 'decision') {
      const d = node.durationMinutes;
      if (d !== undefined && Number.isFinite(d) && d > 0) duration[i] = d;
      if (isBlank(node.label)) blank[i] = 1;
    }
  }
  let nodes: MapNode[];
  let fileIndex: Int32Array;
  if (first === null) {
    // Every id is distinct (the usual case): graph index = file index, no copy.
    nodes = all;
    fileIndex = scratch.int32(size);
    for (let i = 0; i < size; i++) fileIndex[i] = i;
  } else {
    // Repeated ids: the first node with an id wins.
    const n = distinct;
    nodes = new Array<MapNode>(n);
    fileIndex = scratch.int32(n);
    const kindG = scratch.uint8(n);
    const durationG = scratch.float64(n);
    const blankG = scratch.uint8(n);
    for (let i = 0, u = 0; i < size; i++) {
      if (first[i] === 0) continue;
      nodes[u] = all[i]!;
      fileIndex[u] = i;
      kindG[u] = kind[i]!;
      durationG[u] = duration[i]!;
      blankG[u] = blank[i]!;
      u++;
    }
    kind = kindG;
    duration = durationG;
    blank = blankG;
  }
  const n = nodes.length;
  ids.length = n;
  let startCount = 0;
  let endCount = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_START) startCount++;
    else if (kind[i] === KIND_END) endCount++;
  }
  const starts = scratch.int32(startCount);
  const ends = scratch.int32(endCount);
  startCount = 0;
  endCount = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_START) starts[startCount++] = i;
    else if (kind[i] === KIND_END) ends[endCount++] = i;
  }

  const edges = map.edges;
  const e = edges.length;
  const edgeIds = new Array<string>(e);
  const edgeSource = scratch.int32(e);
  const edgeTarget = scratch.int32(e);
  const hasChance = scratch.uint8(e);
  const chance = scratch.float64(e);
  const outStart = scratch.int32(n + 1);
  const inStart = scratch.int32(n + 1);
  let valid = 0;
  // Arrows are mostly drawn along the flow: an arrow often starts where the one before it
  // started or ended, and ends at the step after its source. Those guesses are checked by
  // comparing ids, which is cheaper than hashing; the table answers the rest.
  let lastSource = -1;
  let lastTarget = -1;
  for (let j = 0; j < e; j++) {
    const edge = edges[j]!;
    const id = edge.id;
    edgeIds[j] = id;
    if (id.charCodeAt(0) === FIX_CODE && id.startsWith(FIX_PREFIX)) fixIds.push(id);
    const p = edge.probability;
    if (p !== undefined) {
      hasChance[j] = 1;
      // Anything but a number (only in maps the schema rejects) counts as invalid, as before.
      chance[j] = typeof p === 'number' ? p : Number.NaN;
    }
    const source = edge.source;
    const target = edge.target;
    let s: number;
    if (lastTarget >= 0 && ids[lastTarget] === source) s = lastTarget;
    else if (lastSource >= 0 && ids[lastSource] === source) s = lastSource;
    else s = slots[findSlot(slots, ids, mask, source, hashOf(source))]! - 1;
    const t =
      s >= 0 && s + 1 < n && ids[s + 1] === target
        ? s + 1
        : slots[findSlot(slots, ids, mask, target, hashOf(target))]! - 1;
    if (s >= 0) lastSource = s;
    if (t >= 0) lastTarget = t;
    if (s < 0 || t < 0) {
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
  const outEdge = scratch.int32(valid);
  const outTarget = scratch.int32(valid);
  const inEdge = scratch.int32(valid);
  const inSource = scratch.int32(valid);
  const outFill = scratch.int32(n);
  outFill.set(outStart.subarray(0, n));
  const inFill = scratch.int32(n);
  inFill.set(inStart.subarray(0, n));
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
    blank,
    fixIds,
    indexOf: new IdIndex(slots, ids, mask),
    edges,
    edgeIds,
    edgeSource,
    edgeTarget,
    hasChance,
    chance,
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

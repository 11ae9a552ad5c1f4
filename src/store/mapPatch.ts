import type { ProcessMap } from '../model';
import { decodeParts, encodeInSlices } from '../persistence/serializeInSlices';

/**
 * What changed in a map since the last one sent to the analysis worker: the whole map, or
 * the map's small fields plus the steps and arrows that are new objects at their index
 * (the editor never mutates, so an unchanged step is the same object). A relabel on a
 * 10,000-step map then costs the main thread one step's copy, not the whole map's.
 */
export type MapPatch =
  | { kind: 'full'; map: ProcessMap }
  /** A whole map as JSON text in UTF-8 bytes, in parts (see toTextPatch). */
  | { kind: 'text'; parts: Uint8Array[] }
  | {
      kind: 'patch';
      rest: Omit<ProcessMap, 'nodes' | 'edges'>;
      nodeCount: number;
      nodes: [number, ProcessMap['nodes'][number]][];
      edgeCount: number;
      edges: [number, ProcessMap['edges'][number]][];
    };

/** Items of `next` that are not the same object at the same index of `prev`; null if too many. */
function changedAt<T>(prev: readonly T[], next: readonly T[], limit: number): [number, T][] | null {
  const out: [number, T][] = [];
  if (prev === next) return out;
  for (let i = 0; i < next.length; i++) {
    const item = next[i] as T;
    if (item !== prev[i]) {
      if (out.length >= limit) return null;
      out.push([i, item]);
    }
  }
  return out;
}

/**
 * The patch that turns `sent` (the last map sent, or null) into `next`. Sends the whole map
 * when there is no earlier one or more than a tenth of it changed (e.g. a step deleted
 * near the start shifts every later one).
 * @example worker.postMessage({ patch: diffMap(lastSent, map) }); lastSent = map;
 */
export function diffMap(sent: ProcessMap | null, next: ProcessMap): MapPatch {
  if (!sent) return { kind: 'full', map: next };
  const limit = 16 + Math.floor((next.nodes.length + next.edges.length) / 10);
  const nodes = changedAt(sent.nodes, next.nodes, limit);
  const edges = nodes && changedAt(sent.edges, next.edges, limit - nodes.length);
  if (!nodes || !edges) return { kind: 'full', map: next };
  const { nodes: _n, edges: _e, ...rest } = next;
  return {
    kind: 'patch',
    rest,
    nodeCount: next.nodes.length,
    nodes,
    edgeCount: next.edges.length,
    edges,
  };
}

/** Applies a patch from {@link diffMap} to the map it was made against. */
export function applyMapPatch(base: ProcessMap | null, patch: MapPatch): ProcessMap {
  if (patch.kind === 'full') return patch.map;
  if (patch.kind === 'text') return JSON.parse(decodeParts(patch.parts)) as ProcessMap;
  if (!base) throw new Error('A map patch needs the map it was made against.');
  const nodes = base.nodes.slice(0, patch.nodeCount);
  for (const [i, node] of patch.nodes) nodes[i] = node;
  const edges = base.edges.slice(0, patch.edgeCount);
  for (const [i, edge] of patch.edges) edges[i] = edge;
  return { ...patch.rest, nodes, edges };
}

/**
 * A whole big map as JSON text in UTF-8 bytes, written a slice at a time, with the buffers to
 * hand over: postMessage copies a map's objects in one task on the main thread (300 ms for
 * 50,000 steps and 150,000 arrows), and a 10 MB string too (90 ms, profiled); handed-over
 * bytes are not copied. The worker decodes and parses them.
 * @example const { patch, transfer } = await toTextPatch(map); worker.postMessage({ patch }, transfer)
 */
export async function toTextPatch(
  map: ProcessMap,
): Promise<{ patch: MapPatch; transfer: ArrayBuffer[] }> {
  const parts = await encodeInSlices(map);
  return {
    patch: { kind: 'text', parts },
    transfer: parts.map((part) => part.buffer as ArrayBuffer),
  };
}

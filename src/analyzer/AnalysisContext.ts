import type { ProcessMap } from '../model';
import { buildFlowGraph, type FlowGraph } from './buildFlowGraph';
import { findSccs, type Sccs } from './findSccs';
import { IdMinter } from './IdMinter';
import { markReachable } from './markReachable';
import { scratch } from './scratch';

/** The graph facts every rule reads, computed once per analysis. */
export interface AnalysisContext {
  map: ProcessMap;
  g: FlowGraph;
  sccs: Sccs;
  /** 1 where a start reaches the node. */
  reach: Uint8Array;
  /** 1 where the node reaches an end. */
  coreach: Uint8Array;
  /** Per component: 1 when it is a loop (two or more nodes, or a self-loop). */
  loop: Uint8Array;
  ids: IdMinter;
}

/**
 * Builds the graph, reachability and components of a map.
 * @example createAnalysisContext(map).reach
 */
export function createAnalysisContext(map: ProcessMap): AnalysisContext {
  const g = buildFlowGraph(map);
  const sccs = findSccs(g.n, g.outStart, g.outTarget);
  const reach = markReachable(g.n, g.starts, g.outStart, g.outTarget);
  const coreach = markReachable(g.n, g.ends, g.inStart, g.inSource);
  const loop = scratch.uint8(sccs.count);
  for (let c = 0; c < sccs.count; c++) {
    if (sccs.start[c + 1]! - sccs.start[c]! > 1) loop[c] = 1;
  }
  for (let u = 0; u < g.n; u++) {
    for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
      if (g.outTarget[k] === u) loop[sccs.comp[u]!] = 1;
    }
  }
  // Suggested ids all start with FIX_PREFIX, so only existing ids with it can clash.
  const ids = new IdMinter(() => new Set(g.fixIds));
  return { map, g, sccs, reach, coreach, loop, ids };
}

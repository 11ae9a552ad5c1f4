import type { ProcessMap } from '../model';
import { buildFlowGraph, type FlowGraph } from './buildFlowGraph';
import { checkCases } from './checkCases';
import { type CaseFacts, hasParallel } from './exploreCases';
import { findSccs, type Sccs } from './findSccs';
import { IdMinter } from './IdMinter';
import { markLoops } from './markLoops';
import { markReachable } from './markReachable';

/** The graph facts every rule reads, computed once per analysis. */
export interface AnalysisContext {
  map: ProcessMap;
  g: FlowGraph;
  sccs: Sccs;
  /**
   * 1 where some case runs the node: a path from a start reaches it and, on maps with joins,
   * no join it depends on waits forever (exact when `cases` is complete).
   */
  reach: Uint8Array;
  /** 1 where a path of arrows from a start reaches the node (the same as reach without joins). */
  pathReach: Uint8Array;
  /** What cases can do, on maps with parallel steps; null on maps without. */
  cases: CaseFacts | null;
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
  const pathReach = markReachable(g.n, g.starts, g.outStart, g.outTarget);
  const cases = hasParallel(g) ? checkCases(g) : null;
  const reach = cases?.complete ? cases.runs : pathReach;
  const coreach = markReachable(g.n, g.ends, g.inStart, g.inSource);
  const loop = markLoops(sccs, g.outStart, g.outTarget);
  // Suggested ids all start with FIX_PREFIX, so only existing ids with it can clash.
  const ids = new IdMinter(() => new Set(g.fixIds));
  return { map, g, sccs, reach, pathReach, cases, coreach, loop, ids };
}

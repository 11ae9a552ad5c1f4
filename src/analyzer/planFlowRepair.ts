import type { MapEdge, MapEdit, MapNode } from '../model';
import type { AnalysisContext } from './AnalysisContext';
import { buildFlowGraph, type FlowGraph } from './buildFlowGraph';
import { listNodes, listNodesAt, quoteNode } from './describeNodes';
import { findSccs, type Sccs } from './findSccs';
import { markReachable } from './markReachable';
import { maskNodes } from './maskNodes';
import {
  componentAnchor,
  FIX_OFFSET,
  newEdge,
  newNode,
  offsetFrom,
  pickSafeEnd,
  sourceComponents,
  terminalComponents,
} from './repairHelpers';
import { scratch } from './scratch';
import type { Suggestion } from './types';

export interface RepairOptions {
  /** Add a start and connect it to every part of the map nothing leads to. */
  addStart?: boolean;
  /**
   * Add a start before every part of the map no start reaches; make only those parts able
   * to finish (other dead ends are their own finding).
   */
  connectUnreached?: boolean;
  /** Add one end and connect every part that cannot finish to it. */
  addEnd?: boolean;
  /** Connect parts that cannot finish to a new end after each, never to an existing end. */
  newEnds?: boolean;
}

interface GraphState {
  g: FlowGraph;
  sccs: Sccs;
  reach: Uint8Array;
  coreach: Uint8Array;
}

/**
 * Edits that make every node reachable (when asked) and every reachable node able to finish:
 * arrows from a start into each part nothing leads to, then arrows from the last step of
 * each part that cannot finish to an end. Works on a copy of the graph with the new arrows,
 * so it never leaves a new unreachable step, dead end or trap loop behind.
 * @example planFlowRepair(ctx, { addEnd: true }).title // "Add an end after 'Ship'"
 */
export function planFlowRepair(ctx: AnalysisContext, options: RepairOptions): Suggestion | null {
  const mint = ctx.ids.session();
  const edits: MapEdit[] = [];
  const titles: string[] = [];
  const addedNodes: MapNode[] = [];
  const addedEdges: MapEdge[] = [];
  let state: GraphState = { g: ctx.g, sccs: ctx.sccs, reach: ctx.reach, coreach: ctx.coreach };
  const { g } = ctx;

  if (options.addStart || options.connectUnreached) {
    const unreached = scratch.uint8(g.n);
    for (let u = 0; u < g.n; u++) unreached[u] = options.addStart || ctx.reach[u] === 0 ? 1 : 0;
    const targets = sourceComponents(g, ctx.sccs, unreached).map((c) =>
      componentAnchorForStart(ctx, c),
    );
    if (targets.length === 0) return null;
    if (options.addStart) {
      const first = g.nodes[targets[0]!]!;
      const start = newNode(mint('fix-start'), 'start', 'Start', offsetFrom(first, -FIX_OFFSET));
      addedNodes.push(start);
      titles.push(`Add a start before ${listNodesAt(g.nodes, targets)}`);
      for (const t of targets) {
        const target = g.nodes[t]!;
        addedEdges.push(newEdge(mint(`fix-e-${start.id}-${target.id}`), start.id, target.id));
      }
    } else {
      // A start of its own before each part: an arrow from an existing start would make
      // that start lead two ways at once (a hidden decision the fix does not name).
      for (const t of targets) {
        const target = g.nodes[t]!;
        const start = newNode(
          mint(`fix-start-${target.id}`),
          'start',
          'Start',
          offsetFrom(target, -FIX_OFFSET),
        );
        addedNodes.push(start);
        addedEdges.push(newEdge(mint(`fix-e-${start.id}-${target.id}`), start.id, target.id));
      }
      titles.push(
        targets.length === 1
          ? `Add a start before ${listNodesAt(g.nodes, targets)}`
          : `Add a start before each of ${listNodesAt(g.nodes, targets)}`,
      );
    }
    const g2 = buildFlowGraph({
      nodes: [...ctx.map.nodes, ...addedNodes],
      edges: [...ctx.map.edges, ...addedEdges],
    });
    state = {
      g: g2,
      sccs: findSccs(g2.n, g2.outStart, g2.outTarget),
      reach: markReachable(g2.n, g2.starts, g2.outStart, g2.outTarget),
      coreach: markReachable(g2.n, g2.ends, g2.inStart, g2.inSource),
    };
  }

  if (options.addEnd || state.g.ends.length > 0) {
    const { g: g2, sccs, reach, coreach } = state;
    const stuck = scratch.uint8(g2.n);
    const everywhere = g2.starts.length === 0 || options.addEnd === true;
    maskNodes(g2.n, everywhere ? null : reach, 1, coreach, 0, stuck);
    if (options.connectUnreached) {
      // Only the parts this fix makes reachable: other dead ends are their own finding.
      for (let u = 0; u < g2.n; u++) {
        const before = g.indexOf.get(g2.ids[u]!);
        if (before !== undefined && ctx.reach[before] === 1) stuck[u] = 0;
      }
    }
    const anchors = terminalComponents(g2, sccs, stuck).map((c) => componentAnchor(g2, sccs, c));
    if (options.addEnd) {
      if (anchors.length === 0) {
        if (g2.n === 0) return null;
      }
      const near = g2.nodes[anchors[0] ?? g2.n - 1]!;
      let lowest = near.position.y;
      for (const a of anchors) lowest = Math.max(lowest, g2.nodes[a]!.position.y);
      const end = newNode(mint('fix-end'), 'end', 'End', {
        x: near.position.x,
        y: lowest,
      });
      end.position = offsetFrom(end, FIX_OFFSET);
      addedNodes.push(end);
      for (const a of anchors) {
        const from = g2.nodes[a]!;
        addedEdges.push(newEdge(mint(`fix-e-${from.id}-${end.id}`), from.id, end.id));
      }
      titles.push(
        anchors.length > 0 ? `Add an end after ${listNodesAt(g2.nodes, anchors)}` : 'Add an end',
      );
    } else {
      const byEnd = new Map<string, MapNode[]>();
      const fresh: MapNode[] = [];
      for (const a of anchors) {
        const from = g2.nodes[a]!;
        const e = options.newEnds ? -1 : pickSafeEnd(g2, reach, a);
        let to: MapNode;
        if (e === -1) {
          to = newNode(mint(`fix-end-${from.id}`), 'end', 'End', offsetFrom(from, FIX_OFFSET));
          addedNodes.push(to);
          fresh.push(from);
        } else {
          to = g2.nodes[e]!;
          const list = byEnd.get(to.id) ?? [];
          list.push(from);
          byEnd.set(to.id, list);
        }
        addedEdges.push(newEdge(mint(`fix-e-${from.id}-${to.id}`), from.id, to.id));
      }
      for (const [endId, froms] of byEnd) {
        const end = g2.nodes[g2.indexOf.get(endId)!]!;
        titles.push(`Connect ${listNodes(froms)} to ${quoteNode(end)}`);
      }
      if (fresh.length > 0) titles.push(`Add an end after ${listNodes(fresh)}`);
    }
  }

  for (const node of addedNodes) edits.push({ type: 'addNode', node });
  for (const edge of addedEdges) edits.push({ type: 'addEdge', edge });
  if (edits.length === 0) return null;
  // One sentence: "Add a start before 'B', and connect 'C' to 'Done'".
  const title = titles.map((t, i) => (i === 0 ? t : t.charAt(0).toLowerCase() + t.slice(1)));
  const sentence = title.join(', and ');
  return { title: sentence.charAt(0).toUpperCase() + sentence.slice(1), edits };
}

/** Where a start should lead into a part of the map: its first step that is not an end. */
function componentAnchorForStart(ctx: AnalysisContext, c: number): number {
  return ctx.sccs.nodes[ctx.sccs.start[c]!]!;
}

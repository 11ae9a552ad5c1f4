import type { AnalysisContext } from './AnalysisContext';
import { listNodesAt, quoteNode } from './describeNodes';
import { makeFinding, makeRangeFinding, type RankedFinding } from './makeFinding';
import { markedNodes, maskNodes } from './maskNodes';
import { planFlowRepair } from './planFlowRepair';
import {
  componentAnchor,
  FIX_OFFSET,
  newEdge,
  newNode,
  offsetFrom,
  pickSafeEnd,
  terminalComponents,
} from './repairHelpers';
import { scratch } from './scratch';
import type { Suggestion } from './types';

/** An empty edge list. */
const NO_EDGES = new Int32Array(0);

function present(s: Suggestion | null): Suggestion[] {
  return s === null ? [] : [s];
}

/**
 * Rules 1-5: no start, no end, unreachable steps, dead ends and loops with no way out.
 * @example checkFlow(createAnalysisContext(map)).map((r) => r.finding.rule)
 */
export function checkFlow(ctx: AnalysisContext): RankedFinding[] {
  const { g, sccs, reach, coreach } = ctx;
  const out: RankedFinding[] = [];
  if (g.n === 0) return out;
  const hasStart = g.starts.length > 0;
  const hasEnd = g.ends.length > 0;

  if (!hasStart) {
    out.push(
      makeFinding(
        ctx,
        'no-start',
        'The map has no start, so nothing shows where a case begins.',
        [],
        [],
        present(planFlowRepair(ctx, { addStart: true })),
      ),
    );
  }
  if (!hasEnd) {
    out.push(
      makeFinding(
        ctx,
        'no-end',
        'The map has no end, so no case can ever be finished.',
        [],
        [],
        present(planFlowRepair(ctx, { addEnd: true })),
      ),
    );
  }

  if (hasStart) {
    const unreached: number[] = [];
    for (let u = 0; u < g.n; u++) if (reach[u] === 0) unreached.push(u);
    if (unreached.length > 0) {
      const what = unreached.length === 1 ? 'this step never runs' : 'these steps never run';
      out.push(
        makeFinding(
          ctx,
          'unreachable',
          `No path from a start leads to ${listNodesAt(g.nodes, unreached)}, so ${what}.`,
          unreached,
          [],
          present(planFlowRepair(ctx, { connectUnreached: true })),
        ),
      );
    }
  }

  if (hasEnd && hasStart) {
    const deadSet = scratch.uint8(g.n);
    const deadCount = maskNodes(g.n, reach, 1, coreach, 0, deadSet);
    if (deadCount > 0) {
      const dead = markedNodes(deadSet, deadCount);
      const edges: number[] = [];
      for (let u = 0; u < g.n; u++) {
        if (reach[u] === 0 || coreach[u] === 0) continue;
        for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
          if (coreach[g.outTarget[k]!] === 0) edges.push(g.outEdge[k]!);
        }
      }
      const suggestions = present(planFlowRepair(ctx, {}));
      const anchors = terminalComponents(g, sccs, deadSet);
      const usesExisting = anchors.some(
        (c) => pickSafeEnd(g, reach, componentAnchor(g, sccs, c)) !== -1,
      );
      if (usesExisting) suggestions.push(...present(planFlowRepair(ctx, { newEnds: true })));
      const message =
        dead.length === 1
          ? `A case that reaches ${quoteNode(g.nodes[dead[0]!]!)} can never finish: no path leads from there to an end.`
          : `Cases that reach ${listNodesAt(g.nodes, dead)} can never finish: no path leads from there to an end.`;
      out.push(makeFinding(ctx, 'dead-end', message, dead, edges, suggestions));
    }
  }

  for (let c = 0; c < sccs.count; c++) {
    if (ctx.loop[c] === 0) continue;
    const from = sccs.start[c]!;
    const to = sccs.start[c + 1]!;
    let exits = false;
    for (let k = from; k < to && !exits; k++) {
      const u = sccs.nodes[k]!;
      // A loop that can reach an end either holds an end or has an arrow out.
      if (g.ends.length > 0 && coreach[u] === 1) exits = true;
      for (let s = g.outStart[u]!; !exits && s < g.outStart[u + 1]!; s++) {
        if (sccs.comp[g.outTarget[s]!] !== c) exits = true;
      }
    }
    if (exits) continue;
    out.push(
      makeRangeFinding(
        ctx,
        'trap-loop',
        `The loop through ${listNodesAt(g.nodes, sccs.nodes, 3, from, to)} has no way out: a case that enters it goes round forever.`,
        sccs.nodes,
        from,
        to,
        NO_EDGES,
        0,
        0,
        trapSuggestions(ctx, c),
      ),
    );
  }
  return out;
}

function trapSuggestions(ctx: AnalysisContext, c: number): Suggestion[] {
  const { g, sccs, reach } = ctx;
  if (g.ends.length === 0) return present(planFlowRepair(ctx, { addEnd: true }));
  const anchor = componentAnchor(g, sccs, c);
  const from = g.nodes[anchor]!;
  const mint = ctx.ids.session();
  const e = pickSafeEnd(g, reach, anchor);
  if (e !== -1) {
    const to = g.nodes[e]!;
    return [
      {
        title: `Add an exit from the loop at ${quoteNode(from)} to ${quoteNode(to)}`,
        edits: [
          { type: 'addEdge', edge: newEdge(mint(`fix-e-${from.id}-${to.id}`), from.id, to.id) },
        ],
      },
    ];
  }
  const end = newNode(mint(`fix-end-${from.id}`), 'end', 'End', offsetFrom(from, FIX_OFFSET));
  return [
    {
      title: `Add an exit from the loop at ${quoteNode(from)} to a new end`,
      edits: [
        { type: 'addNode', node: end },
        { type: 'addEdge', edge: newEdge(mint(`fix-e-${from.id}-${end.id}`), from.id, end.id) },
      ],
    },
  ];
}

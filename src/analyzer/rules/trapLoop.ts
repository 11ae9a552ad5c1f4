import type { AnalysisContext } from '../AnalysisContext';
import { listNodesAt, quoteNode } from '../describeNodes';
import { makeRangeFinding } from '../makeFinding';
import { planFlowRepair } from '../planFlowRepair';
import { present } from '../present';
import {
  componentAnchor,
  FIX_OFFSET,
  newEdge,
  newNode,
  offsetFrom,
  pickSafeEnd,
} from '../repairHelpers';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

/** An empty edge list. */
const NO_EDGES = new Int32Array(0);

function check({ ctx }: RuleInput, out: RankedFinding[]): void {
  const { g, sccs, coreach } = ctx;
  if (g.n === 0) return;
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
        trapLoop,
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
}

/** Loops with no arrow out and no end in them. */
export const trapLoop: FlowRule = {
  id: 'trap-loop',
  severity: 'error',
  title: 'Loop with no way out',
  why: 'A case that enters this loop goes round forever and is never delivered.',
  check,
};

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

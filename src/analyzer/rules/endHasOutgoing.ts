import type { MapEdit } from '../../model';
import type { AnalysisContext } from '../AnalysisContext';
import { outArrows } from '../arrowsAt';
import { KIND_END } from '../buildFlowGraph';
import { branchEdits, clearedChancesNote } from '../decisionEdits';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import { FIX_OFFSET, newEdge, newNode, offsetFrom } from '../repairHelpers';
import { scratch } from '../scratch';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

/**
 * An end with arrows out. When no start reaches it, its arrows out carry nothing and are
 * removed (every step that reached an end through them still reaches this end). Otherwise
 * the work goes on after it: with one arrow out to steps that can finish without it, it
 * becomes a step; with several, a decision; when what follows cannot finish without it, a
 * decision whose new branch "Finished" leads to a new end.
 */
function endSuggestion(ctx: AnalysisContext, u: number, arrows: number[]): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  if (ctx.reach[u] === 0) {
    return {
      title: `Remove the arrows out of ${quoteNode(node)}`,
      edits: arrows.map((j) => ({ type: 'removeEdge', edgeId: g.edgeIds[j]! })),
    };
  }
  const goesOn = finishesWithout(ctx, u);
  if (goesOn && arrows.length === 1) {
    const next = g.nodes[g.edgeTarget[arrows[0]!]!]!;
    return {
      title: `Turn ${quoteNode(node)} into a step: the work goes on to ${quoteNode(next)}`,
      edits: [{ type: 'changeKind', nodeId: node.id, kind: 'action' }],
    };
  }
  const branches = branchEdits(g, arrows, goesOn ? [] : [FINISHED]);
  if (!goesOn && arrows.length === 1 && branches.labels.size === 1) {
    branches.labels.set(arrows[0]!, 'Go on');
  }
  const edits: MapEdit[] = [{ type: 'changeKind', nodeId: node.id, kind: 'decision' }];
  for (const [j, label] of branches.labels) {
    edits.push({ type: 'setEdgeLabel', edgeId: g.edgeIds[j]!, label });
  }
  edits.push(...branches.clearChances);
  const note = clearedChancesNote(branches);
  if (goesOn) return { title: `Turn ${quoteNode(node)} into a decision${note}`, edits };
  const mint = ctx.ids.session();
  const end = newNode(mint(`fix-end-${node.id}`), 'end', 'End', offsetFrom(node, FIX_OFFSET));
  edits.push(
    { type: 'addNode', node: end },
    {
      type: 'addEdge',
      edge: newEdge(mint(`fix-e-${node.id}-${end.id}`), node.id, end.id, FINISHED),
    },
  );
  return {
    title: `Turn ${quoteNode(node)} into a decision: finish at a new end, or go on${note}`,
    edits,
  };
}

const FINISHED = 'Finished';

/** True when a step after end `u` can reach another end without passing through `u`. */
function finishesWithout(ctx: AnalysisContext, u: number): boolean {
  const { g } = ctx;
  const seen = scratch.uint8(g.n);
  const queue = scratch.int32(g.n);
  let tail = 0;
  seen[u] = 1; // never through u
  for (let i = 0; i < g.ends.length; i++) {
    const e = g.ends[i]!;
    if (seen[e] === 0) {
      seen[e] = 1;
      queue[tail++] = e;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
      const w = g.inSource[k]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
    const v = g.outTarget[k]!;
    if (v !== u && seen[v] === 1) return true;
  }
  return false;
}

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  if (g.kind[u] !== KIND_END) return;
  const arrows = outArrows(g, u);
  if (arrows.length === 0) return;
  const fix = endSuggestion(ctx, u, arrows);
  out.push(
    makeFinding(
      ctx,
      endHasOutgoing,
      `The end ${quoteNode(g.nodes[u]!)} has arrows going out, but a case stops at an end.`,
      [u],
      arrows,
      [fix],
    ),
  );
}

/** An end with arrows going out of it. */
export const endHasOutgoing: FlowRule = {
  id: 'end-has-outgoing',
  severity: 'warning',
  title: 'Arrows out of an end',
  why: 'A case stops at an end, so arrows leaving it are never followed.',
  atNode,
};

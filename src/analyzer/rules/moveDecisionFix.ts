import type { MapEdge, MapEdit } from '../../model';
import type { AnalysisContext } from '../AnalysisContext';
import { KIND_DECISION, KIND_PARALLEL } from '../buildFlowGraph';
import { quoteNode } from '../describeNodes';
import type { Suggestion } from '../types';

/**
 * A parallel block whose only choice is one decision on one branch that can send the case
 * out of the block: the shape "move the decision" is sure to make sound.
 */
interface Block {
  split: number;
  decision: number;
  /** The arrow into the decision, and the one it takes to stay in the block. */
  into: number;
  stay: number;
}

/** "the split 'Both at once'", or "the split" when the bar has no name. */
function barName(ctx: AnalysisContext, u: number, role: 'split' | 'join'): string {
  return ctx.g.blank[u] === 1 || ctx.g.nodes[u]!.label.trim() === ''
    ? `the ${role}`
    : `the ${role} ${quoteNode(ctx.g.nodes[u]!)}`;
}

/**
 * "Move the decision": where a decision on one branch of a parallel block can send the case
 * out of it (so the join waits forever for that branch), take the decision before the split,
 * or after the join, instead. Offered only where that is sure to make the block sound:
 * - every branch from the split to the join is a plain chain (each step on it has one arrow
 *   in and one out) but for that one decision, which has one arrow in and stays on the branch
 *   by exactly one arrow; so the join waits only for the split's branches, and the decision
 *   is the only way a branch can fail to come;
 * - nothing the decision's other arrows lead to reaches the block again (the split, the join
 *   or any step of a branch), so a case sent out never brings a lone branch back.
 * Moved before the split, the block either runs whole or not at all; moved after the join,
 * every branch runs and the decision is taken once they are all done. Either way the join
 * gets one arrival from every branch, and a case sent out carries one token, as it did.
 * In general (choices on several branches, branches that merge or loop, ways out that lead
 * back in) moving a decision can change what the process does or leave it unsound, so then
 * only "Turn the join into a plain merge" is offered.
 */
export function moveDecisionSuggestions(ctx: AnalysisContext, join: number): Suggestion[] {
  const block = findBlock(ctx, join);
  if (block === null) return [];
  const { g } = ctx;
  const { split, decision, into, stay } = block;
  const edge = (k: number): MapEdge => g.edges[k]!;
  const stayEdge = edge(stay);
  const intoEdge = edge(into);
  // Off the branch: the step before the decision goes straight on where the decision stayed.
  const bypass: MapEdit[] = [
    { type: 'removeEdge', edgeId: intoEdge.id },
    { type: 'removeEdge', edgeId: stayEdge.id },
    { type: 'addEdge', edge: { ...intoEdge, target: stayEdge.target } },
  ];
  const out: Suggestion[] = [];

  const before: MapEdit[] = [...bypass];
  for (let k = g.inStart[split]!; k < g.inStart[split + 1]!; k++) {
    const e = edge(g.inEdge[k]!);
    before.push({ type: 'removeEdge', edgeId: e.id });
    before.push({ type: 'addEdge', edge: { ...e, target: g.ids[decision]! } });
  }
  before.push({
    type: 'addEdge',
    edge: { ...stayEdge, source: g.ids[decision]!, target: g.ids[split]! },
  });
  before.push({ type: 'moveNode', nodeId: g.ids[decision]!, position: beside(ctx, split) });
  out.push({
    title: `Move ${quoteNode(g.nodes[decision]!)} before ${barName(ctx, split, 'split')}: the branches run only when it stays`,
    edits: before,
  });

  if (g.outStart[join + 1]! - g.outStart[join]! === 1) {
    const onward = edge(g.outEdge[g.outStart[join]!]!);
    out.push({
      title: `Move ${quoteNode(g.nodes[decision]!)} after ${barName(ctx, join, 'join')}: every branch runs, then it decides`,
      edits: [
        ...bypass,
        { type: 'removeEdge', edgeId: onward.id },
        { type: 'addEdge', edge: { ...onward, target: g.ids[decision]! } },
        { type: 'addEdge', edge: { ...stayEdge, source: g.ids[decision]!, target: onward.target } },
        { type: 'moveNode', nodeId: g.ids[decision]!, position: beside(ctx, join) },
      ],
    });
  }
  return out;
}

/** A place for the moved decision: beside the split or join, so it does not cover it. */
function beside(ctx: AnalysisContext, v: number) {
  const { position } = ctx.g.nodes[v]!;
  return { x: position.x + 220, y: position.y };
}

/**
 * Walks back from each arrow into the join to the split; null unless the block has the shape
 * described on {@link moveDecisionSuggestions}.
 */
function findBlock(ctx: AnalysisContext, join: number): Block | null {
  const { g } = ctx;
  const inDeg = (u: number) => g.inStart[u + 1]! - g.inStart[u]!;
  const outDeg = (u: number) => g.outStart[u + 1]! - g.outStart[u]!;
  const inBlock = new Uint8Array(g.n);
  inBlock[join] = 1;
  let split = -1;
  let found: Block | null = null;
  const branches = inDeg(join);
  if (branches < 2) return null;
  for (let k = g.inStart[join]!; k < g.inStart[join + 1]!; k++) {
    let arrow = g.inEdge[k]!;
    let u = g.edgeSource[arrow]!;
    for (;;) {
      if (g.kind[u] === KIND_PARALLEL) break;
      if (inBlock[u] === 1 || inDeg(u) !== 1) return null;
      inBlock[u] = 1;
      if (outDeg(u) !== 1) {
        if (g.kind[u] !== KIND_DECISION || found !== null) return null;
        // The decision stays on the branch by this arrow only.
        for (let j = g.outStart[u]!; j < g.outStart[u + 1]!; j++) {
          if (g.outTarget[j] === g.edgeTarget[arrow] && g.outEdge[j] !== arrow) return null;
        }
        found = { split: -1, decision: u, into: g.inEdge[g.inStart[u]!]!, stay: arrow };
      }
      arrow = g.inEdge[g.inStart[u]!]!;
      u = g.edgeSource[arrow]!;
    }
    if (split === -1) split = u;
    if (u !== split || u === join) return null;
  }
  if (found === null || split === -1) return null;
  if (outDeg(split) !== branches || inDeg(split) === 0) return null;
  inBlock[split] = 1;
  // Where the decision sends a case out must never lead back into the block.
  const seen = new Uint8Array(g.n);
  const stack: number[] = [];
  for (let j = g.outStart[found.decision]!; j < g.outStart[found.decision + 1]!; j++) {
    if (g.outEdge[j] === found.stay) continue;
    stack.push(g.outTarget[j]!);
  }
  for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
    if (inBlock[w] === 1) return null;
    if (seen[w] === 1) continue;
    seen[w] = 1;
    for (let j = g.outStart[w]!; j < g.outStart[w + 1]!; j++) stack.push(g.outTarget[j]!);
  }
  return { ...found, split };
}

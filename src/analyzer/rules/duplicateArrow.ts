import type { MapEdit } from '../../model';
import type { AnalysisContext } from '../AnalysisContext';
import { KIND_DECISION } from '../buildFlowGraph';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const from = ctx.g.outStart[u]!;
  const to = ctx.g.outStart[u + 1]!;
  if (to - from > 1 && mayRepeat(ctx, from, to)) out.push(...duplicateArrows(ctx, u));
}

/** The same arrow (same ends, same label) drawn more than once. */
export const duplicateArrow: FlowRule = {
  id: 'duplicate-arrow',
  severity: 'warning',
  title: 'Duplicate arrow',
  why: 'The same arrow drawn twice skews the chances and clutters the map.',
  atNode,
};

/** False when no two of these arrows share a target (the usual case, checked without a map). */
function mayRepeat(ctx: AnalysisContext, from: number, to: number): boolean {
  if (to - from > 8) return true;
  const t = ctx.g.outTarget;
  for (let a = from + 1; a < to; a++) {
    for (let b = from; b < a; b++) if (t[a] === t[b]) return true;
  }
  return false;
}

/** Arrows from u with the same target and label as an earlier one (labels trimmed). */
function duplicateArrows(ctx: AnalysisContext, u: number): RankedFinding[] {
  const { g } = ctx;
  const from = g.outStart[u]!;
  const to = g.outStart[u + 1]!;
  const groups = new Map<string, number[]>();
  for (let k = from; k < to; k++) {
    const j = g.outEdge[k]!;
    const key = `${g.outTarget[k]}\u0000${(g.edges[j]!.label ?? '').trim()}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [j]);
    else group.push(j);
  }
  const out: RankedFinding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const later = group.slice(1);
    const first = g.edges[group[0]!]!;
    const target = g.edgeTarget[group[0]!]!;
    out.push(
      makeFinding(
        ctx,
        duplicateArrow,
        `The arrow from ${quoteNode(g.nodes[u]!)} to ${quoteNode(g.nodes[target]!)}${first.label?.trim() ? ` labelled '${first.label.trim()}'` : ''} is drawn ${group.length} times.`,
        [u, target],
        later,
        [removeDuplicates(ctx, u, later)],
      ),
    );
  }
  return out;
}

/**
 * Removes the later copies. A decision left with one way out is not a decision any more:
 * it becomes a step, and the title says so.
 */
function removeDuplicates(ctx: AnalysisContext, u: number, later: number[]): Suggestion {
  const { g } = ctx;
  const edits: MapEdit[] = later.map((j) => ({ type: 'removeEdge', edgeId: g.edgeIds[j]! }));
  const title = later.length === 1 ? 'Remove the duplicate arrow' : 'Remove the duplicate arrows';
  const left = g.outStart[u + 1]! - g.outStart[u]! - later.length;
  if (g.kind[u] === KIND_DECISION && left < 2) {
    edits.push({ type: 'changeKind', nodeId: g.ids[u]!, kind: 'action' });
    return { title: `${title}, and turn ${quoteNode(g.nodes[u]!)} into a step`, edits };
  }
  return { title, edits };
}

import type { MapEdit } from '../../model';
import { branchesToCheck } from '../branchLabels';
import { KIND_DECISION } from '../buildFlowGraph';
import { chooseBranchLabels } from '../chooseBranchLabels';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  if (g.kind[u] !== KIND_DECISION) return;
  const branches = branchesToCheck(ctx, u);
  if (branches === null || branches.unlabeled.length === 0) return;
  const { from, to, used, unlabeled } = branches;
  const labels = chooseBranchLabels(used, unlabeled.length, to - from);
  const edits: MapEdit[] = unlabeled.map((j, i) => ({
    type: 'setEdgeLabel',
    edgeId: g.edgeIds[j]!,
    label: labels[i]!,
  }));
  out.push(
    makeFinding(
      ctx,
      unlabeledBranch,
      `${unlabeled.length === 1 ? 'A branch' : `${unlabeled.length} branches`} out of ${quoteNode(g.nodes[u]!)} ${unlabeled.length === 1 ? 'has' : 'have'} no label, so nobody can tell which way to go.`,
      [u],
      unlabeled,
      [{ title: `Label the branches ${labels.join(' / ')}`, edits }],
    ),
  );
}

/** Branches out of a decision (of two or more) with no label. */
export const unlabeledBranch: FlowRule = {
  id: 'unlabeled-branch',
  severity: 'warning',
  title: 'Unlabelled branch',
  why: 'Whoever does the work cannot tell which way to go without branch labels.',
  atNode,
};

import type { MapEdit } from '../../model';
import { branchesToCheck } from '../branchLabels';
import { KIND_DECISION } from '../buildFlowGraph';
import { labelKey } from '../chooseBranchLabels';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  if (g.kind[u] !== KIND_DECISION) return;
  const branches = branchesToCheck(ctx, u);
  if (branches === null) return;
  const { used, groups } = branches;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const label = g.edges[group[0]!]!.label!.trim();
    const taken = new Set(used);
    const edits: MapEdit[] = [];
    for (let i = 1; i < group.length; i++) {
      let n = i + 1;
      while (taken.has(labelKey(`${label} (${n})`))) n++;
      const next = `${label} (${n})`;
      taken.add(labelKey(next));
      edits.push({ type: 'setEdgeLabel', edgeId: g.edges[group[i]!]!.id, label: next });
    }
    out.push(
      makeFinding(
        ctx,
        duplicateBranchLabel,
        `${group.length} branches out of ${quoteNode(g.nodes[u]!)} are all labelled '${label}', so the choice is ambiguous.`,
        [u],
        group,
        [{ title: `Rename the repeated '${label}' branches`, edits }],
      ),
    );
  }
}

/** Branches out of a decision that share a label (trimmed, ignoring case). */
export const duplicateBranchLabel: FlowRule = {
  id: 'duplicate-branch-label',
  severity: 'warning',
  title: 'Branches with the same label',
  why: 'Two branches with one answer make the choice ambiguous.',
  atNode,
};

import { DEFAULT_LABELS } from '../../model';
import { KIND_DECISION } from '../buildFlowGraph';
import { makeFinding } from '../makeFinding';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  if (g.blank[u] !== 1) return;
  const node = g.nodes[u]!;
  const label = DEFAULT_LABELS[node.kind];
  out.push(
    makeFinding(
      ctx,
      missingLabel,
      `A ${g.kind[u] === KIND_DECISION ? 'decision' : 'step'} has no name; name it so people know what happens there (click to select it).`,
      [u],
      [],
      [
        {
          title: `Name it '${label}'`,
          edits: [{ type: 'setNodeLabel', nodeId: node.id, label }],
        },
      ],
    ),
  );
}

/** A step with no name. */
export const missingLabel: FlowRule = {
  id: 'missing-label',
  severity: 'warning',
  title: 'Unnamed step',
  why: 'A step without a name cannot be handed off, measured or discussed.',
  atNode,
};

import { bottleneck } from './bottleneck';
import { deadEnd } from './deadEnd';
import { deadlock } from './deadlock';
import { decisionBranches } from './decisionBranches';
import { duplicateArrow } from './duplicateArrow';
import { duplicateBranchLabel } from './duplicateBranchLabel';
import { endHasOutgoing } from './endHasOutgoing';
import type { FlowRule, RuleInfo } from './FlowRule';
import { fanIn } from './fanIn';
import { implicitSplit } from './implicitSplit';
import { lackOfSync } from './lackOfSync';
import { missingLabel } from './missingLabel';
import { mustPass } from './mustPass';
import { noEnd } from './noEnd';
import { noStart } from './noStart';
import { probabilitiesInvalid } from './probabilitiesInvalid';
import { reworkLoop } from './reworkLoop';
import type { RuleId } from './ruleIds';
import { startHasIncoming } from './startHasIncoming';
import { trapLoop } from './trapLoop';
import { unlabeledBranch } from './unlabeledBranch';
import { unreachable } from './unreachable';

export type { FlowRule, RankedFinding, RuleInfo, RuleInput } from './FlowRule';

/** Every flow rule, one file each: its id, severity, title and why, beside its logic. */
export const FLOW_RULES: readonly FlowRule[] = [
  noStart,
  noEnd,
  unreachable,
  deadEnd,
  deadlock,
  lackOfSync,
  trapLoop,
  reworkLoop,
  decisionBranches,
  unlabeledBranch,
  duplicateBranchLabel,
  implicitSplit,
  startHasIncoming,
  endHasOutgoing,
  duplicateArrow,
  missingLabel,
  fanIn,
  mustPass,
  bottleneck,
  probabilitiesInvalid,
];

/** Every rule, with its severity, a short title and why it matters. */
export const RULES = Object.fromEntries(
  FLOW_RULES.map(({ id, severity, title, why }) => [id, { severity, title, why }]),
) as Record<RuleId, RuleInfo>; // one entry per rule: rules.test checks FLOW_RULES against RULE_IDS

import { RULES, type RuleInfo } from '../analyzer';
import { LEVERAGE_RULES } from '../leverage';
import type { ReviewRuleId } from './types';

/** Every rule a finding can carry — the flow rules and the leverage rules — for the panels. */
export const ALL_RULES: Record<ReviewRuleId, RuleInfo> = { ...RULES, ...LEVERAGE_RULES };

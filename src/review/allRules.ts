import { LEVERAGE_RULES } from '../leverage/rules';
import type { LeverageRuleId } from '../leverage/types';
import { RULES, type RuleInfo } from './rules';
import type { RuleId } from './types';

/** Every rule a finding can carry — the flow rules and the leverage rules — for the panels. */
export const ALL_RULES: Record<RuleId | LeverageRuleId, RuleInfo> = { ...RULES, ...LEVERAGE_RULES };

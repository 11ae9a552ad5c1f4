import type { RuleInfo } from '../analyzer';
import type { LeverageRuleId } from './types';

/**
 * Every leverage rule, with its severity, a short title and why it matters. `overloaded`
 * is a warning from 85% of a person's hours and an error above 100%: the finding carries
 * its own severity.
 */
export const LEVERAGE_RULES: Record<LeverageRuleId, RuleInfo> = {
  'hand-off-candidate': {
    severity: 'info',
    title: 'Worth handing off',
    why: 'Every hour you spend on work someone else does for less than your target rate costs you the difference.',
  },
  overloaded: {
    severity: 'warning',
    title: 'Overloaded',
    why: 'Someone with more work than hours makes every case wait, and soon drops things.',
  },
  'sla-missing': {
    severity: 'warning',
    title: 'No service agreement',
    why: 'Without an agreed turnaround, quality bar and escalation, handed-off work drifts and lands back on you.',
  },
  'sla-exceeds-target': {
    severity: 'warning',
    title: 'Agreements too slow for the target',
    why: 'If the agreed turnarounds along the longest path add up to more than your target, cases can be late while everyone keeps their promise.',
  },
};

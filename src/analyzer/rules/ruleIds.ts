/** Every rule the analyzer checks, in report order (within a severity). */
export const RULE_IDS = [
  'no-start',
  'no-end',
  'unreachable',
  'dead-end',
  'deadlock',
  'lack-of-sync',
  'trap-loop',
  'rework-loop',
  'decision-branches',
  'unlabeled-branch',
  'duplicate-branch-label',
  'implicit-split',
  'start-has-incoming',
  'end-has-outgoing',
  'duplicate-arrow',
  'missing-label',
  'fan-in',
  'must-pass',
  'bottleneck',
  'probabilities-invalid',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

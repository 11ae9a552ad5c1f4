import type { FlowRule } from './FlowRule';

/**
 * Branch chances that are not between 0 and 1 or do not add up to 100%.
 * Found by computeMetrics, in the pass that solves the expected visits it reads (see
 * invalidFinding there); this file holds what the panel shows about it.
 */
export const probabilitiesInvalid: FlowRule = {
  id: 'probabilities-invalid',
  severity: 'warning',
  title: 'Chances do not add up',
  why: 'Branch chances that do not add up make every time and cost figure wrong.',
};

import type { FlowRule } from './FlowRule';

/**
 * The step that takes the largest share of each case, from the threshold share on
 * (default 25%).
 * Found by computeMetrics, in the pass that solves the expected visits it reads (see
 * bottleneckFinding there); this file holds what the panel shows about it.
 */
export const bottleneck: FlowRule = {
  id: 'bottleneck',
  severity: 'warning',
  title: 'Bottleneck',
  why: 'The step that eats the largest share of each case is where time is won back first.',
};

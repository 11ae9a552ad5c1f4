import type { FlowRule } from './FlowRule';

/**
 * Loops a case can go round more than once, with how often on average.
 * Found by computeMetrics, in the pass that solves the expected visits it reads (see
 * the loop over components there); this file holds what the panel shows about it.
 */
export const reworkLoop: FlowRule = {
  id: 'rework-loop',
  severity: 'info',
  title: 'Rework loop',
  why: 'Every extra pass through a loop is work done twice and time the customer waits.',
};

import type { FlowRule } from './FlowRule';
import { missingTerminal } from './noStart';

/** A map with steps but no end. */
export const noEnd: FlowRule = {
  id: 'no-end',
  severity: 'error',
  title: 'No end',
  why: 'Without an end no case can ever be finished, so nothing is ever delivered.',
  check: missingTerminal(
    () => noEnd,
    'ends',
    'The map has no end, so no case can ever be finished.',
  ),
};

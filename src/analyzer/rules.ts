import type { RuleId, Severity } from './types';

/** What the findings panel shows about a rule. */
export interface RuleInfo {
  severity: Severity;
  title: string;
  /** One sentence on why it matters to the owner of the process. */
  why: string;
}

/** Every rule, with its severity, a short title and why it matters. */
export const RULES: Record<RuleId, RuleInfo> = {
  'no-start': {
    severity: 'error',
    title: 'No start',
    why: 'Without a start nobody can tell where a case enters the process.',
  },
  'no-end': {
    severity: 'error',
    title: 'No end',
    why: 'Without an end no case can ever be finished, so nothing is ever delivered.',
  },
  unreachable: {
    severity: 'error',
    title: 'Steps nothing leads to',
    why: 'Steps no path reaches never run: they are forgotten work or a missing arrow.',
  },
  'dead-end': {
    severity: 'error',
    title: 'Dead ends',
    why: 'A case that gets here can never finish, so it waits forever and someone has to chase it.',
  },
  'trap-loop': {
    severity: 'error',
    title: 'Loop with no way out',
    why: 'A case that enters this loop goes round forever and is never delivered.',
  },
  'rework-loop': {
    severity: 'info',
    title: 'Rework loop',
    why: 'Every extra pass through a loop is work done twice and time the customer waits.',
  },
  'decision-branches': {
    severity: 'warning',
    title: 'Decision with one way out',
    why: 'A decision with fewer than two branches decides nothing, or hides a missing branch.',
  },
  'unlabeled-branch': {
    severity: 'warning',
    title: 'Unlabelled branch',
    why: 'Whoever does the work cannot tell which way to go without branch labels.',
  },
  'duplicate-branch-label': {
    severity: 'warning',
    title: 'Branches with the same label',
    why: 'Two branches with one answer make the choice ambiguous.',
  },
  'implicit-split': {
    severity: 'warning',
    title: 'Hidden decision',
    why: 'A step with several ways out hides a choice nobody has written down.',
  },
  'start-has-incoming': {
    severity: 'warning',
    title: 'Arrows into a start',
    why: 'A start should only begin a case; going back to it blurs where cases enter.',
  },
  'end-has-outgoing': {
    severity: 'warning',
    title: 'Arrows out of an end',
    why: 'A case stops at an end, so arrows leaving it are never followed.',
  },
  'duplicate-arrow': {
    severity: 'warning',
    title: 'Duplicate arrow',
    why: 'The same arrow drawn twice skews the chances and clutters the map.',
  },
  'missing-label': {
    severity: 'warning',
    title: 'Unnamed step',
    why: 'A step without a name cannot be handed off, measured or discussed.',
  },
  'fan-in': {
    severity: 'info',
    title: 'Work converges',
    why: 'Where many paths meet, work queues up and waits.',
  },
  'must-pass': {
    severity: 'info',
    title: 'Every case waits here',
    why: 'Every case goes through this merge point, so when it stalls, everything stalls.',
  },
  bottleneck: {
    severity: 'warning',
    title: 'Bottleneck',
    why: 'The step that eats the largest share of each case is where time is won back first.',
  },
  'probabilities-invalid': {
    severity: 'warning',
    title: 'Chances do not add up',
    why: 'Branch chances that do not add up make every time and cost figure wrong.',
  },
};

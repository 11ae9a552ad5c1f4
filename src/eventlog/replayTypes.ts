/** Observed figures of one step: how often it ran and how long it took (minutes). */
export interface StepReplay {
  nodeId: string;
  events: number;
  cases: number;
  median: number;
  p90: number;
}

/** Observed figures of one arrow: how often it was taken and the median wait on it (minutes). */
export interface ArrowReplay {
  edgeId: string;
  count: number;
  medianWait: number;
  /** Share of the cases leaving its source (a decision's) that took it; NaN if none left. */
  share: number;
}

/** Something the log did that the map does not say. */
export interface Deviation {
  /** Stable key, stored in the map when marked as intended. */
  key: string;
  /** A move with no arrow for it, a step no case ran, cases that stopped before an end. */
  kind: 'move' | 'unused' | 'unfinished';
  /** For a move: from which step (id) to which; for the others: the step. */
  fromId?: string;
  toId?: string;
  nodeId?: string;
  count: number;
  /** Up to three case ids that show it. */
  examples: string[];
  /** Marked as intended (its key is in the map's accepted findings). */
  intended: boolean;
  /** One line for a person. */
  text: string;
}

/** One week of a person's agreement. */
export interface AgreementWeek {
  /** The Monday it starts (yyyy-mm-dd, UTC). */
  week: string;
  steps: number;
  onTime: number;
  /** On-time share reached the agreement's minimum level (the on-time bonus is earned). */
  earned: boolean;
}

/** How one person did against their service agreement. */
export interface AgreementReplay {
  personId: string;
  name: string;
  /** Their agreed turnaround (hours; a step may override it, see `stepAgreement`). */
  turnaroundHours: number;
  /** Share of steps on time needed for the bonus (from "95%" in the minimum level; else all). */
  threshold: number;
  bonusPercent: number | undefined;
  steps: number;
  onTime: number;
  /** Cases with at least one of their steps late: the first 20, and how many in all. */
  lateCases: string[];
  lateCaseCount: number;
  weeks: AgreementWeek[];
}

/** A log replayed on a map. */
export interface Replay {
  cases: number;
  events: number;
  /** Figures per step id (steps that ran). */
  steps: Map<string, StepReplay>;
  /** Figures per arrow id (arrows taken). */
  arrows: Map<string, ArrowReplay>;
  deviations: Deviation[];
  /** Activities no step matched, with their events: for matching by hand. */
  unmatched: { activity: string; events: number }[];
  agreements: AgreementReplay[];
  /** People who did steps in the log but have no agreed turnaround. */
  withoutAgreement: { personId: string; name: string; steps: number }[];
  /** Lead time (minutes, first event to last) of each case that reached an end, ascending. */
  leadTimes: Float64Array;
  /** Cases that followed the map's arrows from start to an end. */
  fittingCases: number;
}

import type { MapEdit } from '../model';
import type { RuleId } from './rules/ruleIds';

/** How serious a finding is: errors break the flow, warnings confuse it, infos explain it. */
export type Severity = 'error' | 'warning' | 'info';

export { RULE_IDS, type RuleId } from './rules/ruleIds';

/** A fix: plain map edits that, applied together as one undo step, remove a finding. */
export interface Suggestion {
  title: string;
  edits: MapEdit[];
}

/**
 * One problem or observation about a map. Ids are listed in file order. `R` is the rule set:
 * the flow rules here; the leverage model and the review reuse the shape with theirs.
 */
export interface Finding<R extends string = RuleId> {
  rule: R;
  severity: Severity;
  message: string;
  nodeIds: string[];
  edgeIds: string[];
  suggestions: Suggestion[];
}

/** The longest loop-free path from a start to an end, by step duration. */
export interface LongestPath {
  nodeIds: string[];
  minutes: number;
}

/** Elapsed time of one case, and whether it is exact or an estimate. */
export interface LeadTime {
  minutes: number;
  estimate: boolean;
}

/** Figures shared by available and unavailable metrics. */
interface MetricsBase {
  /**
   * Ids of the steps whose branch chances were (partly) assumed: missing chances share what
   * is left equally; chances that add up to less than 1 are scaled up; invalid ones are
   * replaced by equal shares. Empty when every chance was given and valid.
   */
  assumedProbabilities: string[];
  /** Longest loop-free start-to-end path by duration; null when no start reaches an end. */
  longestPath: LongestPath | null;
  /**
   * False when the parallel parts had too many case states to check in full: a join that
   * can wait forever or a double run may then be missing from the findings (the notes say
   * where the check stopped). True on every map without parallel steps.
   */
  checkedInFull: boolean;
}

/** Flow metrics when the process can finish. All numbers are finite. */
export interface AvailableMetrics extends MetricsBase {
  available: true;
  /**
   * The node ids the per-node figures below are listed for, in file order (a repeated id
   * counts once, for its first node). Read a figure by id with {@link nodeFigure}, or walk
   * the three side by side: `nodeIds[i]` has `expectedVisits[i]`.
   */
  nodeIds: string[];
  /** Expected visits per case, aligned with nodeIds (0 for nodes never reached). */
  expectedVisits: Float64Array;
  /** Expected minutes per case spent in each node (visits x duration), aligned with nodeIds. */
  expectedMinutesPerCase: Float64Array;
  /**
   * Work time: expected minutes of work per case (sum of expectedMinutesPerCase), counting
   * every step of every parallel branch in full: what people spend.
   */
  cycleTimeMinutes: number;
  /**
   * Lead time: expected elapsed minutes from start to finish, where a parallel block takes
   * as long as its longest branch. Equal to the work time on maps without parallel steps;
   * `estimate` where branches hold decisions; null on maps with loops whose parallel steps
   * are not all splits and joins of blocks whose branches run side by side on their own.
   */
  leadTime: LeadTime | null;
  /** Chance that a case finishes at each end, per end id. */
  endProbabilities: Record<string, number>;
  /** Chance that a case stops at a step with no way on (a dead end) instead of an end. */
  stuckProbability: number;
  /** Share of cycle time spent in second and later passes through a step (0..1). */
  reworkShare: number;
  /** Plain-words notes on what was assumed or approximated. */
  notes: string[];
  /** Which of these figures are exact, and how closely the visits were solved. */
  precision: MetricsPrecision;
}

/**
 * How exact the flow metrics are. Expected visits come from solving (I - Q)^T v = b, one
 * loop component at a time; every other figure is computed from them.
 */
export interface MetricsPrecision {
  /**
   * Expected visits and everything computed from them (minutes per case, time per case, end
   * and dead-end chances, the leverage hours): 'exact' when every solve reached a relative
   * residual of at most 1e-9; 'approximate' when one did not converge, or when cases do not
   * always run as drawn (a join can wait forever, branches meet without one) or the parallel
   * parts were too large to check in full: the figures then read the map as if they did.
   */
  visits: 'exact' | 'approximate';
  /**
   * 'exact'; 'lower-bound' when the chance of reaching the steps of a loop of more than 160
   * steps at least once was bounded rather than solved (the rework share is then at least
   * the figure given); 'approximate' when the visits are.
   */
  reworkShare: 'exact' | 'lower-bound' | 'approximate';
  /** Largest relative residual ||b - (I - Q)^T v|| / ||b|| over the loops solved (0 without loops). */
  residual: number;
  /** When a solve did not converge: its loop, and the residual it reached (else null). */
  unconverged: { nodeIds: string[]; residual: number } | null;
}

/** Flow metrics when they cannot be computed (no start, no end, or a loop with no way out). */
export interface UnavailableMetrics extends MetricsBase {
  available: false;
  unavailableReason: string;
}

export type AnalysisMetrics = AvailableMetrics | UnavailableMetrics;

/** What {@link analyze} returns (`R`: the rules its findings carry, the flow rules here). */
export interface AnalysisReport<R extends string = RuleId> {
  findings: Finding<R>[];
  metrics: AnalysisMetrics;
}

/** Tunable thresholds. */
export interface AnalyzeOptions {
  /** Incoming arrows at which a step is reported as a fan-in point (default 3). */
  fanInThreshold?: number;
  /** Share of cycle time at which the slowest step is reported as a bottleneck (default 0.25). */
  bottleneckShare?: number;
}

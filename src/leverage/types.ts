import type { Finding } from '../analyzer';
import type { PersonRole } from '../model';

/** Every leverage rule, in report order. */
export const LEVERAGE_RULE_IDS = [
  'overloaded',
  'sla-missing',
  'sla-exceeds-target',
  'hand-off-candidate',
] as const;

export type LeverageRuleId = (typeof LEVERAGE_RULE_IDS)[number];

/** A leverage finding: the analyzer's Finding shape with a leverage rule. */
export type LeverageFinding = Finding<LeverageRuleId>;

/** One step (action or decision) with its time and money figures. */
export interface StepFigures {
  nodeId: string;
  label: string;
  kind: 'action' | 'decision';
  /**
   * Who does it: a person's id, or null for the owner when the map lists no owner.
   * A step with no owner (or an owner missing from People) counts as the owner's.
   */
  doerId: string | null;
  /** True when the step names no (known) person and so is counted as the owner's. */
  ownerByDefault: boolean;
  doerRole: PersonRole;
  cadence: 'routine' | 'one-time';
  workType: 'productive' | 'non-productive' | undefined;
  durationMinutes: number;
  /** Expected passes per case (1 when the flow metrics are unavailable). */
  visitsPerCase: number;
  /** What an hour of the doer costs; the owner's hours are valued at the target rate. */
  hourlyCost: number;
  /** Routine steps: hours a week (visits x minutes / 60 x cases a week); one-time: 0. */
  hoursPerWeek: number;
  /** Routine steps: time and out-of-pocket cost of one case; one-time: 0. */
  costPerCase: number;
  /** One-time steps: hours, counted once; routine: 0. */
  oneTimeHours: number;
  /** One-time steps: time and out-of-pocket cost, counted once; routine: 0. */
  oneTimeCost: number;
  /**
   * For the owner's steps, what handing it off would cost an hour (see {@link RateSource});
   * for a step someone else already does, that person's hourly cost.
   */
  handOffRate: number;
  /** Where `handOffRate` comes from. */
  rateSource: RateSource;
  /** True when a client or supplier does it: no cost, no one's hours, but lead time. */
  outside: boolean;
  /** Routine steps: hours of one case spent on it (visits x minutes / 60); one-time: 0. */
  leadHoursPerCase: number;
}

/**
 * Where a hand-off rate comes from, in order of precedence: the step's own hand-off rate,
 * else the hourly cost of the person it would go to, else the map's default. `doer`: the
 * step is already done by someone else, at their hourly cost.
 */
export type RateSource = 'step' | 'person' | 'default' | 'doer';

/** One person's load. */
export interface PersonLoad {
  /** A person's id, or null for the owner when the map lists no owner. */
  personId: string | null;
  name: string;
  role: PersonRole;
  /** Routine hours a week. */
  hoursPerWeek: number;
  availableHoursPerWeek: number;
  /** hoursPerWeek / availableHoursPerWeek; null when no hours are available. */
  utilisation: number | null;
  /** One-time hours, counted once (shown apart). */
  oneTimeHours: number;
}

/** The owner's routine hours a week by kind of work. */
export interface OwnerSplit {
  personId: string | null;
  productiveHoursPerWeek: number;
  nonProductiveHoursPerWeek: number;
  /** Steps with no work type set. */
  unmarkedHoursPerWeek: number;
}

/** A routine step of the owner that someone else could do for less than the target rate. */
export interface HandOffCandidate {
  nodeId: string;
  label: string;
  /** Hours a week handing it off frees. */
  hoursPerWeek: number;
  handOffRate: number;
  /** Which rate was used (see {@link RateSource}). */
  rateSource: RateSource;
  /** hoursPerWeek x (target rate - hand-off rate). */
  worthPerWeek: number;
  workType: 'productive' | 'non-productive' | undefined;
}

/** What {@link computeLeverage} returns. */
export interface Leverage {
  currency: string;
  targetHourlyRate: number;
  casesPerWeek: number;
  /** Routine steps' time (at each doer's hourly cost) and out-of-pocket cost, per case. */
  costPerCase: number;
  /** Id of the owner (first person with role owner), or null when the map lists none. */
  ownerId: string | null;
  owner: OwnerSplit;
  /** Everyone in People, in file order, plus the owner first when the map lists none. */
  people: PersonLoad[];
  /** Ranked, highest worth first; productive steps are never among them. */
  handOffCandidates: HandOffCandidate[];
  /** Who the hand-offs would go to (their hourly cost is the rate), or null for none. */
  handToId: string | null;
  handToName: string | null;
  /** Productive steps that someone other than the owner does (listed apart, never ranked). */
  productiveByOthers: StepFigures[];
  /** Hours one case takes, every routine step (outside parties' too) x its visits. */
  leadTimeHoursPerCase: number;
  /** The part of the lead time that clients and suppliers take. */
  outsideHoursPerCase: number;
  /** Every step, in file order. */
  steps: StepFigures[];
  /** One-time steps (projects), listed apart. */
  oneTimeSteps: StepFigures[];
  /** The analyzer's longest start-to-end path (by duration), or null when there is none. */
  longestPathNodeIds: string[] | null;
  /** Why visits were assumed to be 1 per step (flow metrics unavailable), else null. */
  visitsNote: string | null;
}

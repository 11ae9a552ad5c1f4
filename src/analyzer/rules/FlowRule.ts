import type { AnalysisContext } from '../AnalysisContext';
import type { Finding, RuleId, Severity } from '../types';

/** What the findings panel shows about a rule. */
export interface RuleInfo {
  severity: Severity;
  title: string;
  /** One sentence on why it matters to the owner of the process. */
  why: string;
}

/** A finding with the keys it is sorted by. */
export interface RankedFinding {
  finding: Finding;
  firstNode: number;
  firstEdge: number;
}

/** What every check reads: the graph facts, the steps on a start-to-end path, the options. */
export interface RuleInput {
  ctx: AnalysisContext;
  /** 1 where a start reaches the node and the node reaches an end. */
  onPath: Uint8Array;
  fanInThreshold: number;
}

/**
 * One flow rule: its id and what the panel shows (RuleInfo), beside its logic. A rule over
 * the whole graph has `check`; a rule about one step at a time has `atNode` (all of those
 * run in one pass over the steps); the rules that need the expected visits (rework loops,
 * bottleneck, chances) are found by computeMetrics and have neither.
 */
export interface FlowRule extends RuleInfo {
  id: RuleId;
  check?: (input: RuleInput, out: RankedFinding[]) => void;
  atNode?: (input: RuleInput, u: number, out: RankedFinding[]) => void;
}

import type { ProcessMap } from '../model';
import { findingKey, type Review, type ReviewFinding } from '../review';

/** A report with its findings sorted for showing: what the analysis store publishes. */
export interface IndexedReport {
  report: Review;
  /** The findings to show: the report's, less those the owner marked as intended. */
  findings: readonly ReviewFinding[];
  /** Findings marked as intended (hidden unless the user asks to see them). */
  hidden: readonly ReviewFinding[];
  /** Findings per step id and per arrow id, for the markers on the canvas. */
  byNode: ReadonlyMap<string, readonly ReviewFinding[]>;
  byEdge: ReadonlyMap<string, readonly ReviewFinding[]>;
  /**
   * A step's expected time per case as a share of the slowest step's (0..1; 0 for a step
   * the report does not know). Indexed on its first call: only the heat tint reads it, and
   * an index of every step's id on each report of a big map was garbage with the tint off.
   */
  heat: (id: string) => number;
}

export interface FindingsIndex {
  /** Takes in more of the report's findings, in order. */
  add(findings: readonly ReviewFinding[]): FindingsIndex;
  /** The whole, once every finding of `report` was added (its own list is not read). */
  result(report: Review): IndexedReport;
}

/**
 * Sorts a report's findings into shown and marked as intended (by `map`'s accepted
 * findings) and indexes them by step and arrow, a slice at a time: a big map's report
 * comes from the worker in slices, and indexing each as it comes keeps every task short
 * (80,000 findings of a 50,000-step map are half a million entries).
 * @example createFindingsIndex(map).add(report.findings).result(report)
 */
export function createFindingsIndex(map: Pick<ProcessMap, 'acceptedFindings'>): FindingsIndex {
  const accepted = new Set(map.acceptedFindings.map((f) => f.key));
  const findings: ReviewFinding[] = [];
  const hidden: ReviewFinding[] = [];
  const byNode = new Map<string, ReviewFinding[]>();
  const byEdge = new Map<string, ReviewFinding[]>();
  const put = (index: Map<string, ReviewFinding[]>, id: string, finding: ReviewFinding) => {
    const list = index.get(id);
    if (list) list.push(finding);
    else index.set(id, [finding]);
  };
  const self: FindingsIndex = {
    add(more) {
      for (const finding of more) {
        if (accepted.size > 0 && accepted.has(findingKey(finding))) {
          hidden.push(finding);
          continue;
        }
        findings.push(finding);
        for (const id of finding.nodeIds) put(byNode, id, finding);
        for (const id of finding.edgeIds) put(byEdge, id, finding);
      }
      return self;
    },
    result(report) {
      return { report, findings, hidden, byNode, byEdge, heat: heatOf(report) };
    },
  };
  return self;
}

/** Each step's share of the slowest step's expected time per case, indexed on first use. */
function heatOf(report: Review): (id: string) => number {
  let index: Map<string, number> | null = null;
  return (id) => {
    if (!index) {
      index = new Map();
      if (report.metrics.available) {
        const { nodeIds, expectedMinutesPerCase: minutes } = report.metrics;
        let max = 0;
        for (const m of minutes) if (m > max) max = m;
        if (max > 0) {
          for (let i = 0; i < nodeIds.length; i++)
            index.set(nodeIds[i] ?? '', (minutes[i] ?? 0) / max);
        }
      }
    }
    return index.get(id) ?? 0;
  };
}

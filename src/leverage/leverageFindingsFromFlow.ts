import type { AnalysisMetrics } from '../analyzer';
import type { ProcessMap, StepNode } from '../model';
import {
  coreCandidate,
  coreDoer,
  coreStep,
  isCandidate,
  type LeverageCore,
  leverageCore,
} from './leverageCore';
import { findingsOf, MAX_HAND_OFF_FINDINGS, type StepLookup, stepLookup } from './leverageFindings';
import type { HandOffCandidate, LeverageFinding } from './types';

/**
 * The leverage findings of an analyzed map, exactly as
 * `leverageFindings(map, computeLeverage(map, report))` gives them, but read from columns,
 * with no per-step objects and only the best candidates ranked: what analyze() adds.
 * `visits`: each node's expected visits per case, aligned with `map.nodes` (invalid figures
 * count 0); null exactly when the metrics are unavailable. `fileIndexOf`: the position in
 * `map.nodes` of the node with an id (-1 when none); pass it only when no id repeats.
 * @example leverageFindingsFromFlow(map, report.metrics, visits, (id) => ids.indexOf(id))
 */
export function leverageFindingsFromFlow(
  map: ProcessMap,
  metrics: AnalysisMetrics,
  visits: ArrayLike<number> | null,
  fileIndexOf?: (id: string) => number,
): LeverageFinding[] {
  const core = leverageCore(map, visits);
  const { hoursPerWeek } = core;
  return findingsOf(map, {
    currency: map.settings.currency,
    ownerId: core.ownerId,
    people: core.people,
    candidates: bestCandidates(core, MAX_HAND_OFF_FINDINGS),
    longestPathNodeIds: metrics.longestPath ? metrics.longestPath.nodeIds : null,
    stepCount: core.count,
    stepNodeId: (i) => coreStep(core, i).id,
    stepLabel: (i) => coreStep(core, i).label,
    stepDoerId: (i) => coreDoer(core, i)?.id ?? null,
    stepDoerRole: (i) => coreDoer(core, i)?.role ?? 'owner',
    stepHours: (i) => hoursPerWeek[i]!,
    steps: fileIndexOf ? uniqueLookup(map, fileIndexOf) : stepLookup(map),
  });
}

/** The first `k` candidates of the stable ranking by worth, highest first. */
function bestCandidates(core: LeverageCore, k: number): HandOffCandidate[] {
  const best: HandOffCandidate[] = [];
  if (k <= 0) return best;
  for (let i = 0; i < core.count; i++) {
    if (!isCandidate(core, i)) continue;
    const worth = core.hoursPerWeek[i]! * (core.target - core.handOffRate[i]!);
    if (best.length === k && !(worth > best[k - 1]!.worthPerWeek)) continue;
    // After every candidate worth as much (equal worth keeps file order).
    let at = best.length;
    while (at > 0 && best[at - 1]!.worthPerWeek < worth) at--;
    best.splice(at, 0, coreCandidate(core, i));
    if (best.length > k) best.pop();
  }
  return best;
}

/** Steps by id when every id is unique: the node at the id's position, when it is a step. */
function uniqueLookup(map: ProcessMap, fileIndexOf: (id: string) => number): StepLookup {
  const stepAt = (f: number): StepNode | undefined => {
    const node = f < 0 ? undefined : map.nodes[f];
    return node !== undefined && (node.kind === 'action' || node.kind === 'decision')
      ? node
      : undefined;
  };
  return {
    get: (id) => stepAt(fileIndexOf(id)),
    inFileOrder: (ids) => {
      const at = new Set<number>();
      for (const id of ids) {
        const f = fileIndexOf(id);
        if (stepAt(f) !== undefined) at.add(f);
      }
      return [...at].sort((a, b) => a - b).map((f) => map.nodes[f]!.id);
    },
  };
}

import type { ProcessMap } from '../model';
import { createAnalysisContext } from './AnalysisContext';
import { checkArrows } from './checkArrows';
import { checkBranches } from './checkBranches';
import { checkFlow } from './checkFlow';
import { checkHotspots } from './checkHotspots';
import { computeMetrics } from './computeMetrics';
import type { RankedFinding } from './makeFinding';
import { type AnalysisReport, type AnalyzeOptions, RULE_IDS, type Severity } from './types';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/**
 * Finds where a process map is broken (no start or end, unreachable steps, dead ends, loops
 * with no way out), where it is unclear (branches, labels, duplicate arrows) and where it
 * jams (fan-in, must-pass merges, bottleneck), each with fixes as plain map edits; plus flow
 * metrics. Pure and total: never throws for a map the schema accepts.
 * Findings are ordered by severity, then rule (see RULE_IDS), then first node in the file.
 * @example analyze(exampleMap()).findings.map((f) => f.rule) // ['unlabeled-branch', ...]
 */
export function analyze(map: ProcessMap, options: AnalyzeOptions = {}): AnalysisReport {
  const ctx = createAnalysisContext(map);
  const { g, reach, coreach } = ctx;
  const onPath = new Uint8Array(g.n);
  for (let u = 0; u < g.n; u++) onPath[u] = reach[u]! & coreach[u]!;
  const ranked: RankedFinding[] = [
    ...checkFlow(ctx),
    ...checkBranches(ctx),
    ...checkArrows(ctx),
    ...checkHotspots(ctx, onPath, options.fanInThreshold ?? 3),
  ];
  const { metrics, findings } = computeMetrics(ctx, onPath, options.bottleneckShare ?? 0.25);
  ranked.push(...findings);
  ranked.sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      RULE_RANK.get(a.finding.rule)! - RULE_RANK.get(b.finding.rule)! ||
      a.firstNode - b.firstNode ||
      a.firstEdge - b.firstEdge,
  );
  return { findings: ranked.map((r) => r.finding), metrics };
}

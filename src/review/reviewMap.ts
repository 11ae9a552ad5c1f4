import type { AnalyzeOptions, Severity } from '../analyzer';
import { createAnalysisContext } from '../analyzer/AnalysisContext';
import { analyzeContext } from '../analyzer/analyze';
import type { FlowGraph } from '../analyzer/buildFlowGraph';
import { scratch } from '../analyzer/scratch';
import { leverageFindingsFromFlow } from '../leverage/leverageFindingsFromFlow';
import type { ProcessMap } from '../model';
import { bottleneckHandOff } from './bottleneckHandOff';
import type { Review, ReviewFinding } from './types';

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The whole review of a map: the flow rules and metrics, and the leverage findings
 * (hand-off candidates, overloaded people, missing or exceeded agreements), ordered by
 * severity, flow rules before leverage rules within a severity. The one place where the
 * flow analysis and the leverage model meet.
 * @example reviewMap(exampleMap()).findings.map((f) => f.rule)
 */
export function reviewMap(map: ProcessMap, options?: AnalyzeOptions): Review {
  return scratch.run(() => reviewAll(map, options ?? {}));
}

function reviewAll(map: ProcessMap, options: AnalyzeOptions): Review {
  const ctx = createAnalysisContext(map);
  const { g } = ctx;
  const report: Review = withBottleneckHandOff(map, ctx.g, analyzeContext(ctx, options));
  const { metrics } = report;
  // Graph index = file index when no id repeats.
  const unique = g.n === map.nodes.length;
  let visits: ArrayLike<number> | null = null;
  if (metrics.available) {
    visits = unique ? metrics.expectedVisits : fileVisits(map, g, metrics.expectedVisits);
  }
  const extra: ReviewFinding[] = leverageFindingsFromFlow(
    map,
    metrics,
    visits,
    unique ? (id) => g.indexOf.at(id) : undefined,
  );
  if (extra.length === 0) return report;
  const findings: ReviewFinding[] = [];
  for (const severity of ORDER) {
    for (const f of report.findings) if (f.severity === severity) findings.push(f);
    for (const f of extra) if (f.severity === severity) findings.push(f);
  }
  return { ...report, findings };
}

/** Expected visits per case of each node in `map.nodes`; a repeated id has its first node's. */
function fileVisits(map: ProcessMap, g: FlowGraph, visits: Float64Array): Float64Array {
  const out = scratch.float64(map.nodes.length);
  for (let f = 0; f < out.length; f++) out[f] = visits[g.indexOf.at(map.nodes[f]!.id)]!;
  return out;
}

/** The report with the hand-off choice first among the bottleneck's fixes, when there is one. */
function withBottleneckHandOff(map: ProcessMap, g: FlowGraph, report: Review): Review {
  const { metrics } = report;
  if (!metrics.available) return report;
  const at = report.findings.findIndex((f) => f.rule === 'bottleneck');
  if (at === -1) return report;
  const finding = report.findings[at]!;
  const u = g.indexOf.at(finding.nodeIds[0]!);
  const node = u === -1 ? undefined : g.nodes[u];
  if (node === undefined || (node.kind !== 'action' && node.kind !== 'decision')) return report;
  const choice = bottleneckHandOff(map, node, metrics.expectedVisits[u] ?? 0);
  if (choice === null) return report;
  const findings = report.findings.slice();
  findings[at] = { ...finding, suggestions: [choice, ...finding.suggestions] };
  return { ...report, findings };
}

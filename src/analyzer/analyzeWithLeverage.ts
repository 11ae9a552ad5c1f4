import { computeLeverage } from '../leverage/computeLeverage';
import { leverageFindings } from '../leverage/leverageFindings';
import type { ProcessMap } from '../model';
import { analyze as analyzeFlow } from './analyze';
import type { AnalysisReport, AnalyzeOptions, Finding, Severity } from './types';

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The whole analysis of a map: the flow rules and metrics, and the leverage findings
 * (hand-off candidates, overloaded people, missing or exceeded agreements), ordered by
 * severity, flow rules before leverage rules within a severity.
 * @example analyze(exampleMap()).findings.map((f) => f.rule)
 */
export function analyze(map: ProcessMap, options?: AnalyzeOptions): AnalysisReport {
  const report = analyzeFlow(map, options);
  const extra: Finding[] = leverageFindings(map, computeLeverage(map, report));
  if (extra.length === 0) return report;
  const findings: Finding[] = [];
  for (const severity of ORDER) {
    for (const f of report.findings) if (f.severity === severity) findings.push(f);
    for (const f of extra) if (f.severity === severity) findings.push(f);
  }
  return { ...report, findings };
}

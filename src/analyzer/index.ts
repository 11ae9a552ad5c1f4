export { analyze } from './analyze';
export { nodeFigure } from './nodeFigure';
export { FLOW_RULES, type FlowRule, RULES, type RuleInfo } from './rules';
export type {
  AnalysisMetrics,
  AnalysisReport,
  AnalyzeOptions,
  AvailableMetrics,
  Finding,
  LongestPath,
  MetricsPrecision,
  RuleId,
  Severity,
  Suggestion,
  UnavailableMetrics,
} from './types';
export { RULE_IDS } from './types';

export { ALL_RULES } from './allRules';
export { analyze as analyzeFlow } from './analyze';
export { analyze } from './analyzeWithLeverage';
export { nodeFigure } from './nodeFigure';
export { RULES, type RuleInfo } from './rules';
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

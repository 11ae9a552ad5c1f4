import type { ProcessMap } from '../model';
import { type AnalysisContext, createAnalysisContext } from './AnalysisContext';
import { computeMetrics } from './computeMetrics';
import type { RankedFinding } from './makeFinding';
import { maskNodes } from './maskNodes';
import { FLOW_RULES, RULES, type RuleInput } from './rules';
import { scratch } from './scratch';
import {
  type AnalysisReport,
  type AnalyzeOptions,
  type Finding,
  RULE_IDS,
  type Severity,
} from './types';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Position of each rule in RULE_IDS. */
const RULE_INDEX = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
/** Rule positions in report order: by severity, then RULE_IDS order. */
const REPORT_ORDER = RULE_IDS.map((_, i) => i).sort(
  (a, b) =>
    SEVERITY_RANK[RULES[RULE_IDS[a]!].severity] - SEVERITY_RANK[RULES[RULE_IDS[b]!].severity] ||
    a - b,
);

/** Rules over the whole graph, and rules about one step at a time (run in one pass). */
const GRAPH_CHECKS = FLOW_RULES.flatMap((r) => (r.check ? [r.check] : []));
const NODE_CHECKS = FLOW_RULES.flatMap((r) => (r.atNode ? [r.atNode] : []));

function byPlace(a: RankedFinding, b: RankedFinding): number {
  return a.firstNode - b.firstNode || a.firstEdge - b.firstEdge;
}

/**
 * Finds where a process map is broken (no start or end, unreachable steps, dead ends, loops
 * with no way out), where it is unclear (branches, labels, duplicate arrows) and where it
 * jams (fan-in, must-pass merges, bottleneck), each with fixes as plain map edits; plus flow
 * metrics. Pure and total: never throws for a map the schema accepts.
 * Findings are ordered by severity, then rule (see RULE_IDS), then first node in the file.
 * @example analyze(exampleMap()).findings.map((f) => f.rule) // ['unlabeled-branch', ...]
 */
export function analyze(map: ProcessMap, options: AnalyzeOptions = {}): AnalysisReport {
  return scratch.run(() => analyzeContext(createAnalysisContext(map), options));
}

/**
 * {@link analyze} on a map's analysis context, for callers that read the graph afterwards.
 * @example analyzeContext(createAnalysisContext(map), {}).metrics
 */
export function analyzeContext(ctx: AnalysisContext, options: AnalyzeOptions): AnalysisReport {
  const { g, reach, coreach } = ctx;
  const onPath = scratch.uint8(g.n);
  maskNodes(g.n, reach, 1, coreach, 1, onPath);
  const input: RuleInput = { ctx, onPath, fanInThreshold: options.fanInThreshold ?? 3 };
  const fromRules: RankedFinding[] = [];
  for (const check of GRAPH_CHECKS) check(input, fromRules);
  // Rule by rule, each over every step: one rule's code and data stay hot in turn.
  for (const atNode of NODE_CHECKS) for (let u = 0; u < g.n; u++) atNode(input, u, fromRules);
  const { metrics, findings: fromMetrics } = computeMetrics(
    ctx,
    onPath,
    options.bottleneckShare ?? 0.25,
  );
  // One bucket per rule; each rule's findings mostly come out in file order already.
  const buckets: RankedFinding[][] = RULE_IDS.map(() => []);
  // Findings come in runs of one rule: look a rule up once per run.
  let rule = '';
  let bucket: RankedFinding[] = [];
  for (const list of [fromRules, fromMetrics]) {
    for (const r of list) {
      if (r.finding.rule !== rule) {
        rule = r.finding.rule;
        bucket = buckets[RULE_INDEX.get(rule)!]!;
      }
      bucket.push(r);
    }
  }
  const findings: Finding[] = [];
  for (const i of REPORT_ORDER) {
    const bucket = buckets[i]!;
    let sorted = true;
    for (let k = 1; k < bucket.length && sorted; k++)
      sorted = byPlace(bucket[k - 1]!, bucket[k]!) <= 0;
    if (!sorted) bucket.sort(byPlace);
    for (const r of bucket) findings.push(r.finding);
  }
  return { findings, metrics };
}

/**
 * `npm run bench:analyzer -- --phases`: where reviewMap()'s time goes, phase by phase.
 *
 * The phases are the calls createAnalysisContext, analyzeContext, computeMetrics and
 * reviewMap make, made here one by one with a clock between them (the analyzer itself keeps
 * no timers). Rules are timed one at a time (a rule about one step at a time over every step);
 * "metrics:" lines re-run parts of computeMetrics on their own and are not in the sum. The
 * real reviewMap() is timed beside the sum, interleaved with it, so that a phase this file
 * forgets, or a pipeline that has drifted from the analyzer's, shows as a gap.
 *
 * `--cpu` times process CPU (user + system, every thread of this process) rather than the
 * wall clock: on a loaded machine it is not stretched by other processes' turns on the
 * cores, so before/after comparisons under load stay readable. Neither clock is the goal's.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAnalysisContext } from '../src/analyzer/AnalysisContext';
import { branchProbabilities } from '../src/analyzer/branchProbabilities';
import { buildFlowGraph } from '../src/analyzer/buildFlowGraph';
import { checkCases } from '../src/analyzer/checkCases';
import { computeMetrics } from '../src/analyzer/computeMetrics';
import { hasParallel } from '../src/analyzer/exploreCases';
import { findLongestPath } from '../src/analyzer/findLongestPath';
import { findSccs } from '../src/analyzer/findSccs';
import { IdMinter } from '../src/analyzer/IdMinter';
import { markLoops } from '../src/analyzer/markLoops';
import { markReachable } from '../src/analyzer/markReachable';
import { maskNodes } from '../src/analyzer/maskNodes';
import { FLOW_RULES, type RankedFinding, type RuleInput } from '../src/analyzer/rules';
import { scratch } from '../src/analyzer/scratch';
import { solveVisits } from '../src/analyzer/solveVisits';
import { leverageFindingsFromFlow } from '../src/leverage/leverageFindingsFromFlow';
import type { ProcessMap } from '../src/model';
import { reviewMap } from '../src/review';

type Clock = () => number;

const wall: Clock = () => performance.now();
const cpu: Clock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** One timed reviewMap, phase by phase, adding each phase's milliseconds to `into`. */
function phasesOnce(map: ProcessMap, clock: Clock, into: Map<string, number[]>): void {
  const add = (name: string, ms: number) => {
    const list = into.get(name);
    if (list === undefined) into.set(name, [ms]);
    else list.push(ms);
  };
  scratch.run(() => {
    let t0 = clock();
    const lap = (name: string) => {
      const t1 = clock();
      add(name, t1 - t0);
      t0 = t1;
    };
    const g = buildFlowGraph(map);
    lap('context: buildFlowGraph');
    const sccs = findSccs(g.n, g.outStart, g.outTarget);
    lap('context: findSccs');
    const pathReach = markReachable(g.n, g.starts, g.outStart, g.outTarget);
    lap('context: reach');
    const cases = hasParallel(g) ? checkCases(g) : null;
    lap('context: checkCases');
    const reach = cases?.complete ? cases.runs : pathReach;
    const coreach = markReachable(g.n, g.ends, g.inStart, g.inSource);
    const loop = markLoops(sccs, g.outStart, g.outTarget);
    const ids = new IdMinter(() => new Set(g.fixIds));
    const ctx = { map, g, sccs, reach, pathReach, cases, coreach, loop, ids };
    const onPath = scratch.uint8(g.n);
    maskNodes(g.n, reach, 1, coreach, 1, onPath);
    lap('context: coreach, loops, onPath');
    const input: RuleInput = { ctx, onPath, fanInThreshold: 3 };
    const out: RankedFinding[] = [];
    for (const rule of FLOW_RULES) {
      if (rule.check) {
        rule.check(input, out);
        lap(`rule: ${rule.id}`);
      }
    }
    for (const rule of FLOW_RULES) {
      if (rule.atNode) {
        for (let u = 0; u < g.n; u++) rule.atNode(input, u, out);
        lap(`rule: ${rule.id}`);
      }
    }
    const { metrics } = computeMetrics(ctx, onPath, 0.25);
    lap('computeMetrics (rework loops, bottleneck, chances)');
    const visits = metrics.available ? metrics.expectedVisits : null;
    const unique = g.n === map.nodes.length;
    leverageFindingsFromFlow(
      map,
      metrics,
      unique ? visits : null,
      unique ? (id) => g.indexOf.at(id) : undefined,
    );
    lap('review: leverage findings');
    // Parts of computeMetrics, again on their own (not in the sum).
    const { prob } = branchProbabilities(g);
    lap('  metrics: branchProbabilities');
    findLongestPath(g, onPath, g.duration);
    lap('  metrics: findLongestPath');
    solveVisits(g, sccs, prob);
    lap('  metrics: solveVisits');
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Prints the phase split of reviewMap() on one map: median and fastest per phase over
 * `runs` freshly parsed maps (a full GC before each, as in the main bench).
 * @example printPhases('tangled 10,000', text, 41, false)
 */
export function printPhases(title: string, text: string, runs: number, useCpu: boolean): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const clock = useCpu ? cpu : wall;
  const phases = new Map<string, number[]>();
  const whole: number[] = [];
  // The context is built once untimed, so that the first timed runs are not cold.
  for (let i = 0; i < 5; i++) scratch.run(() => createAnalysisContext(JSON.parse(text)));
  for (let i = 0; i < runs + 3; i++) {
    const map: ProcessMap = JSON.parse(text);
    gc();
    const t0 = clock();
    reviewMap(map);
    const dt = clock() - t0;
    const fresh: ProcessMap = JSON.parse(text);
    gc();
    if (i < 3) {
      phasesOnce(fresh, clock, new Map());
      continue;
    }
    whole.push(dt);
    phasesOnce(fresh, clock, phases);
  }
  console.log(
    `\n${title}: reviewMap() by phase, ${useCpu ? 'process CPU' : 'wall'} ms (load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')})`,
  );
  const rows: [string, number, number][] = [];
  let sum = 0;
  for (const [name, xs] of phases) {
    const m = median(xs);
    if (!name.startsWith(' ')) sum += m;
    rows.push([name, m, Math.min(...xs)]);
  }
  rows.push(['sum of phases (medians)', sum, Number.NaN]);
  rows.push(['reviewMap() itself', median(whole), Math.min(...whole)]);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, m, min] of rows) {
    // Phases under 0.05 ms are left out (rules that find nothing on this map).
    if (m < 0.05 && !name.startsWith('sum')) continue;
    const fastest = Number.isNaN(min) ? '' : `  fastest ${min.toFixed(2)}`;
    console.log(`  ${name.padEnd(width)}  ${m.toFixed(2).padStart(7)}${fastest}`);
  }
}

/**
 * Times analyze() and reviewMap() (analyze() plus the leverage model, what the app's worker
 * runs) on generated maps of 1,000, 10,000 and 100,000 steps, beside JSON.parse of the same
 * map's file text, each map and size in a Node process of its own (see measureApart). Run: npm run bench:analyzer (bench/analyzer.mjs builds it
 * with Vite, as the app is built, and runs it with Node).
 *
 * Each timed analyze() gets a map freshly parsed from the file text (untimed), as the app's
 * worker gets a fresh structured clone: no string hashes or shapes are warmed by earlier runs.
 * A full garbage collection runs before every timed call, for both parse and analyze.
 * `--phases` prints, instead of the table, where reviewMap()'s time goes on each map, phase
 * by phase (add `--cpu` to time process CPU rather than the wall clock; see analyzerPhases.ts).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze as analyzeFlow, RULE_IDS } from '../src/analyzer';
import { visitsResidual } from '../src/analyzer/solve/visitsResidual';
import { nestedMap, spaghettiMap, tangledMap } from '../src/analyzer/testing/hardMaps';
import type { MapEdge, MapNode, ProcessMap } from '../src/model';
import { reviewMap as analyze } from '../src/review';
import { printPhases } from './analyzerPhases';
import { random } from './random';

const ACTIONS = [
  'Take order details',
  'Check stock',
  'Pack order',
  'Print shipping label',
  'Send invoice',
  'Book courier',
  'Update the CRM',
  'Email the customer',
  'Prepare quote',
  'Schedule the visit',
  'Order parts',
  'File the paperwork',
  'Record payment',
  'Review draft',
  'Call the supplier',
  'Measure up',
  'Write up notes',
  'Chase signature',
];
const CHECKS = ['Details complete?', 'In stock?', 'Paid?', 'Approved?', 'Quality OK?', 'Signed?'];
const ROUTES = [
  ['Standard', 'Express'],
  ['Small job', 'Large job'],
  ['Card', 'Invoice', 'Cash'],
];

/**
 * A process map of about `size` steps, shaped like a small business's process scaled up.
 *
 * One start, then stages (sub-processes) of 6-25 steps on a main line, ending in one "Done".
 * About 60% of main-line steps are actions (2-45 minutes, one in six without a duration)
 * with one arrow on; about 40% are decisions:
 * - 55% checks ("Paid?"): Yes goes on, No goes back 1-5 steps within the stage (rework loop);
 * - 20% skips: No jumps forward 2-4 steps within the stage (optional steps left out);
 * - 12% routings with two or three labelled branches of one step each, merging again at
 *   the next main-line step;
 * - 12% exits: No leads to one step ("Tell the customer") and a "Cancelled" end;
 * - 1% dead ends: No leads to a "Wait for reply" step with no arrow on (a drawing mistake).
 * With `parallelShare` > 0, that share of routings are parallel blocks instead: a step
 * handing the work out, a split, two or three branches (an action, half of them followed by a check that loops back to it) and a
 * join, so parallel work sits inside the stages' rework loops and skips.
 * Four decisions in five carry chances on their arrows; the rest are assumed. One action in
 * 200 has a second, unlabelled arrow forward (a hidden decision, another drawing mistake).
 * Loops stay inside a stage, as rework does, so no loop spans more than ~40 steps.
 * Ids look like the editor's (`n-k3x9q2a`). About 1.4 arrows per step.
 * Deterministic for a given size and seed.
 * @example generateMap(1000).nodes.length // ≈ 1000
 */
export function generateMap(size: number, seed = 1, parallelShare = 0): ProcessMap {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let counter = 0;
  const newId = (prefix: string) =>
    `${prefix}-${Math.floor(rnd() * 36 ** 5)
      .toString(36)
      .padStart(5, '0')}${(counter++).toString(36)}`;
  const nodes: MapNode[] = [];
  /** Main-line node ids; arrows name their target by main-line index until the end exists. */
  const main: string[] = [];
  const arrows: { source: string; target: string | number; label?: string; p?: number }[] = [];
  const pos = (col: number, row: number) => ({ x: col * 220, y: row * 160 });

  const step = (label: string, x: number, y: number): string => {
    const id = newId('n');
    const node: MapNode = { id, kind: 'action', label, position: pos(x, y) };
    if (rnd() < 5 / 6) node.durationMinutes = 2 + Math.floor(rnd() * 44);
    nodes.push(node);
    return id;
  };

  const startId = newId('n');
  nodes.push({ id: startId, kind: 'start', label: 'Request received', position: pos(0, 0) });
  arrows.push({ source: startId, target: 0 });
  let row = 1;
  // Leave room for a stage's side steps and the final end.
  while (nodes.length < size - 4) {
    const first = main.length;
    const length = 6 + Math.floor(rnd() * 20);
    const last = first + length; // the next stage's first step (or the final end)
    for (let s = 0; s < length && nodes.length < size - 4; s++) {
      const i = main.length;
      if (s === 0 || rnd() < 0.6) {
        const id = step(pick(ACTIONS), s, row);
        main.push(id);
        arrows.push({ source: id, target: i + 1 });
        if (rnd() < 0.005) arrows.push({ source: id, target: i + 2 });
        continue;
      }
      const id = newId('n');
      nodes.push({ id, kind: 'decision', label: pick(CHECKS), position: pos(s, row) });
      main.push(id);
      const given = rnd() < 0.8;
      const yes = 0.75 + Math.floor(rnd() * 5) * 0.05;
      const p = (x: number) => (given ? x : undefined);
      const q = rnd();
      if (q < 0.55) {
        arrows.push({ source: id, target: i + 1, label: 'Yes', p: p(yes) });
        const back = Math.max(first, i - 1 - Math.floor(rnd() * 5));
        arrows.push({ source: id, target: back, label: 'No', p: p(1 - yes) });
      } else if (q < 0.75) {
        arrows.push({ source: id, target: i + 1, label: 'Yes', p: p(yes) });
        const skip = Math.max(i + 2, Math.min(last, i + 2 + Math.floor(rnd() * 3)));
        arrows.push({ source: id, target: skip, label: 'No', p: p(1 - yes) });
      } else if (q < 0.87 && rnd() < parallelShare) {
        // The main-line step hands the work out through a split of its own, so arrows back
        // or forward to it (rework, skips) merge before the split rather than turn it into a
        // join that would wait for them.
        Object.assign(nodes[nodes.length - 1]!, { kind: 'action', label: pick(ACTIONS) });
        const split = newId('n');
        nodes.push({ id: split, kind: 'parallel', label: '', position: pos(s, row + 1) });
        arrows.push({ source: id, target: split });
        const join = newId('n');
        const branches = 2 + Math.floor(rnd() * 2);
        for (let b = 0; b < branches; b++) {
          const side = step(pick(ACTIONS), s, row + 1 + b);
          arrows.push({ source: split, target: side });
          if (rnd() < 0.5) {
            const check = newId('n');
            nodes.push({
              id: check,
              kind: 'decision',
              label: pick(CHECKS),
              position: pos(s, row + 1 + b),
            });
            arrows.push({ source: side, target: check });
            arrows.push({ source: check, target: join, label: 'Yes', p: p(yes) });
            arrows.push({ source: check, target: side, label: 'No', p: p(1 - yes) });
          } else arrows.push({ source: side, target: join });
        }
        nodes.push({ id: join, kind: 'parallel', label: '', position: pos(s, row + 3) });
        arrows.push({ source: join, target: i + 1 });
      } else if (q < 0.87) {
        const labels = pick(ROUTES);
        labels.forEach((label, b) => {
          const side = step(`${label}: ${pick(ACTIONS).toLowerCase()}`, s, row + 1 + b);
          arrows.push({ source: id, target: side, label, p: p(1 / labels.length) });
          arrows.push({ source: side, target: i + 1 });
        });
      } else if (q < 0.99) {
        arrows.push({ source: id, target: i + 1, label: 'Yes', p: p(yes) });
        const tell = step('Tell the customer', s, row + 1);
        const end = newId('n');
        nodes.push({ id: end, kind: 'end', label: 'Cancelled', position: pos(s, row + 2) });
        arrows.push({ source: id, target: tell, label: 'No', p: p(1 - yes) });
        arrows.push({ source: tell, target: end });
      } else {
        arrows.push({ source: id, target: i + 1, label: 'Yes', p: p(yes) });
        const wait = step('Wait for reply', s, row + 1);
        arrows.push({ source: id, target: wait, label: 'No', p: p(1 - yes) });
      }
    }
    row += 4;
  }
  const endId = newId('n');
  nodes.push({ id: endId, kind: 'end', label: 'Done', position: pos(0, row) });
  main.push(endId);
  const edges: MapEdge[] = arrows.map((a) => {
    const target =
      typeof a.target === 'number' ? main[Math.min(a.target, main.length - 1)]! : a.target;
    const edge: MapEdge = { id: newId('e'), source: a.source, target };
    if (a.label !== undefined) edge.label = a.label;
    if (a.p !== undefined) edge.probability = Number(a.p.toFixed(2));
    return edge;
  });
  return {
    format: 'leverflow-map',
    version: 3,
    name: `Generated ${size}`,
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10, defaultHandOffRate: 25 },
    people: [],
    acceptedFindings: [],
    nodes,
    edges,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median and fastest of `runs` timed calls of `fn` on a fresh input each (made untimed, then a full GC). */
function time<T>(
  prepare: () => T,
  fn: (input: T) => unknown,
  runs: number,
): { median: number; min: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    gc();
    const t0 = performance.now();
    fn(input);
    out.push(performance.now() - t0);
  }
  return { median: median(out), min: Math.min(...out) };
}

/** Arguments like --maps=tangled,nested --sizes=10000. */
function option(name: string): string[] | null {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? null : arg.slice(name.length + 3).split(',');
}

/** Maps whose loops tangle (issue 17), beside the process-like maps above. */
const HARD_MAPS: Record<string, (size: number) => ProcessMap> = {
  tangled: (size) => tangledMap(size),
  spaghetti: (size) => spaghettiMap(size),
  nested: (size) => nestedMap(size),
};

/** One map's table row and its findings line, as a child process prints them for its parent. */
interface Measured {
  row: string[];
  count: string;
}

/**
 * Times one map at one size: its table row and its "findings per rule" line. With
 * `--phases`, prints the phase split instead and returns null.
 */
function measure(name: string, size: number): Measured | null {
  const map =
    name === 'process'
      ? generateMap(size)
      : name === 'parallel'
        ? generateMap(size, 1, 1)
        : HARD_MAPS[name]!(size);
  const text = JSON.stringify(map);
  const runs = size >= 100_000 ? 15 : size >= 10_000 ? 41 : 101;
  if (process.argv.includes('--phases')) {
    printPhases(`${name} ${size.toLocaleString('en')}`, text, runs, process.argv.includes('--cpu'));
    return null;
  }
  const parse = (): ProcessMap => JSON.parse(text);
  for (let i = 0; i < 5; i++) analyze(parse());
  const parseMs = time(
    () => text,
    (t) => JSON.parse(t),
    runs,
  );
  const flowMs = time(parse, (m) => analyzeFlow(m), runs);
  const analyzeMs = time(parse, (m) => analyze(m), runs);
  const report = analyze(parse());
  const { metrics } = report;
  const row = [
    name,
    map.nodes.length.toLocaleString('en'),
    map.edges.length.toLocaleString('en'),
    (map.edges.length / map.nodes.length).toFixed(2),
    report.findings.length.toLocaleString('en'),
    flowMs.median.toFixed(1),
    analyzeMs.median.toFixed(1),
    parseMs.median.toFixed(1),
    (flowMs.median / parseMs.median).toFixed(2),
    (analyzeMs.median / parseMs.median).toFixed(2),
    `${flowMs.min.toFixed(1)} / ${analyzeMs.min.toFixed(1)} / ${parseMs.min.toFixed(1)}`,
    metrics.available ? visitsResidual(parse(), metrics.expectedVisits).toExponential(1) : 'n/a',
    metrics.available
      ? `visits ${metrics.precision.visits}, rework ${metrics.precision.reworkShare}`
      : metrics.unavailableReason,
  ];
  const perRule = new Map<string, number>();
  for (const f of report.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  const listed = RULE_IDS.filter((r) => perRule.has(r)).map((r) => `${r} ${perRule.get(r)}`);
  const count = `${name} ${size.toLocaleString('en')}: ${listed.join(', ') || 'none'}; dead-end steps ${
    report.findings.find((f) => f.rule === 'dead-end')?.nodeIds.length ?? 0
  }; ${(text.length / 1e6).toFixed(1)} MB of JSON${
    metrics.available && metrics.notes.some((n) => n.includes('case states'))
      ? '; parallel parts checked only in part (state bound)'
      : ''
  }`;
  return { row, count };
}

/**
 * Each map and size in a process of its own (this file again, with `--one`), as the app's
 * worker holds one map: run one after the other in one process, a map came out up to twice
 * as slow after the 100k maps before it (their code and heap left behind), so its figure
 * depended on the order of the table. `--in-process` runs them all here instead.
 */
function measureApart(name: string, size: number): Measured | null {
  if (process.argv.includes('--in-process') || process.argv.includes('--phases')) {
    return measure(name, size);
  }
  const passOn = process.argv.slice(2).filter((a) => !/^--(maps|sizes)=/.test(a));
  const child = spawnSync(
    process.execPath,
    [process.argv[1]!, ...passOn, `--maps=${name}`, `--sizes=${size}`, '--one'],
    { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`${name} ${size}: the bench process failed`);
  return JSON.parse(child.stdout) as Measured;
}

function main(): void {
  const sizes = (option('sizes') ?? ['1000', '10000', '100000']).map(Number);
  const maps = option('maps') ?? ['process', 'parallel', ...Object.keys(HARD_MAPS)];
  if (process.argv.includes('--one')) {
    process.stdout.write(JSON.stringify(measure(maps[0]!, sizes[0]!)));
    return;
  }
  const rows: string[][] = [
    [
      'map',
      'steps',
      'arrows',
      'arrows/step',
      'findings',
      'analyze ms',
      'review ms',
      'JSON.parse ms',
      'analyze ratio',
      'review ratio',
      'fastest: analyze / review / parse ms',
      'residual',
      'figures',
    ],
  ];
  const counts: string[] = [];
  for (const name of maps) {
    for (const size of sizes) {
      const measured = measureApart(name, size);
      if (measured === null) continue;
      rows.push(measured.row);
      counts.push(measured.count);
    }
  }
  if (process.argv.includes('--phases')) return;
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
  console.log(
    `node ${process.version}; each map and size in a Node process of its own (--in-process: all in this one); median of runs, full GC before each, on a freshly parsed map. "process" maps are generateMap() (small rework loops); "parallel" the same with every routing a parallel block (split, 2-3 branches, some with a check looping back, join) inside the rework loops and skips; tangled, spaghetti and nested are issue 17's maps whose loops overlap (src/analyzer/testing/hardMaps.ts). "analyze" is analyze() (the flow rules, metrics and suggestions: what issues 14 and 17 set goals for); "review" is reviewMap(), what the app's worker runs: analyze() plus the leverage model and its findings; each ratio is that median / JSON.parse's median; "fastest" is the quickest run of each, less disturbed by other load; "residual" is ||b - (I - Q)^T v|| / ||b|| of the reported expected visits over the whole map (load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}).`,
  );
  console.log('Findings per rule:');
  for (const line of counts) console.log(`  ${line}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main();

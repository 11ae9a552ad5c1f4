// The event-log pipeline on a large simulated log, the way the app runs it: a CSV file
// streamed from disk a megabyte at a time through papaparse and the same reader the parse
// worker uses, then what the log worker does (index once, one slider position, the replay on
// the map the log came from), all in a child process of its own, so its peak memory is the
// pipeline's alone. Beside it, in this process, JSON.parse of a JSON text as large as the
// file: the floor for "reading a file that big". Also writes the CSV and its map as files for
// the page benchmark (bench/eventLogPage.bench.mjs). Prints figures; asserts nothing (the
// machine is shared and noisy).
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  mkdirSync,
  openSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { createCsvEventReader } from '../src/eventlog/createCsvEventReader';
import { discoverMap } from '../src/eventlog/discoverMap';
import { indexLog } from '../src/eventlog/indexLog';
import { replayLog } from '../src/eventlog/replayLog';
import { simulateCases } from '../src/eventlog/simulateCases';
import { simulateLog } from '../src/eventlog/simulateLog';
import { mapToJsonBlob } from '../src/io/exportJson';
import type { MapEdge, MapNode, ProcessMap } from '../src/model';
import { exampleMap } from '../src/model/exampleMap';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 100_000);
const pipelineAt = process.argv.indexOf('--pipeline');
const LANES = 3;
const PER_LANE = 10;

/** 30 activities: a choice between three lanes of ten steps, so a case has ten events. */
function benchMap(): ProcessMap {
  const nodes: MapNode[] = [
    { id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } },
    { id: 'd', kind: 'decision', label: 'Which lane?', position: { x: 0, y: 0 } },
    { id: 'e', kind: 'end', label: 'End', position: { x: 0, y: 0 } },
  ];
  const edges: MapEdge[] = [{ id: 's-d', source: 's', target: 'd' }];
  for (let l = 0; l < LANES; l++) {
    for (let k = 0; k < PER_LANE; k++) {
      const id = `a${l}-${k}`;
      nodes.push({
        id,
        kind: 'action',
        label: `Lane ${l + 1} step ${k + 1}`,
        position: { x: 0, y: 0 },
        durationMinutes: 5 + k,
      });
      const target = k + 1 < PER_LANE ? `a${l}-${k + 1}` : 'e';
      edges.push({ id: `${id}>`, source: id, target });
    }
    edges.push({
      id: `d>${l}`,
      source: 'd',
      target: `a${l}-0`,
      label: `Lane ${l + 1}`,
      probability: [0.5, 0.3, 0.2][l]!,
    });
  }
  return {
    ...exampleMap(),
    name: 'Bench',
    people: [],
    nodes,
    edges,
    settings: { ...exampleMap().settings, casesPerWeek: 2000 },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const pad = (label: string) => label.padEnd(46);
const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`;

/** Peak heap and array-buffer memory seen at the points `sample` is called. */
const peak = { heap: 0, buffers: 0 };
function sample() {
  const m = process.memoryUsage();
  peak.heap = Math.max(peak.heap, m.heapUsed);
  peak.buffers = Math.max(peak.buffers, m.arrayBuffers);
}
function time<T>(stages: [string, number][], label: string, run: () => T): T {
  const t0 = performance.now();
  const out = run();
  stages.push([label, performance.now() - t0]);
  sample();
  return out;
}

/** The child process: the pipeline on the file at `path`; prints one JSON line. */
async function pipeline(path: string) {
  const map = benchMap();
  const stages: [string, number][] = [];
  const t0 = performance.now();
  const reader = createCsvEventReader({
    mapping: { caseId: 0, activity: 1, start: 2, timestamp: 3, resource: 4 },
    dateFormat: 'iso',
  });
  await new Promise<void>((done, fail) => {
    Papa.parse(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
      delimiter: ',',
      chunk: (results: Papa.ParseResult<string[]>) => {
        reader.rows(results.data);
        sample();
      },
      complete: () => done(),
      error: (error: Error) => fail(error),
    });
  });
  const imported = reader.finish();
  stages.push(['parse CSV (streamed, papaparse + reader)', performance.now() - t0]);
  sample();
  const index = time(stages, 'discovery: index once', () => indexLog(imported.log));
  time(stages, 'discovery: one slider position (all)', () =>
    discoverMap(index, { activities: 30, paths: 1 }),
  );
  time(stages, 'discovery: one slider position (10, 50%)', () =>
    discoverMap(index, { activities: 10, paths: 0.5 }),
  );
  const replay = time(stages, 'replay on the map', () => replayLog(map, imported.log));
  const total = performance.now() - t0;
  gc();
  const kept = process.memoryUsage();
  console.log(
    JSON.stringify({
      stages,
      total,
      events: imported.log.activity.length,
      bad: imported.badCount,
      fitting: replay.fittingCases,
      peakRss: process.resourceUsage().maxRSS * 1024,
      peakHeap: peak.heap,
      peakBuffers: peak.buffers,
      keptHeap: kept.heapUsed,
      keptBuffers: kept.arrayBuffers,
      logBytes: [
        imported.log.caseStart,
        imported.log.activity,
        imported.log.resource,
        imported.log.time,
        imported.log.start,
      ].reduce((n, a) => n + a.byteLength, 0),
      // keep the log and index alive until measured
      hold: index.byFrequency.length,
    }),
  );
}

/** Writes the simulated log as a CSV file, a few thousand rows at a time. */
function writeLog(map: ProcessMap, cases: number, path: string): number {
  const fd = openSync(path, 'w');
  let rows: string[] = ['Case ID,Activity,Start,Complete,Resource'];
  let events = 0;
  const iso = (t: number) => new Date(t).toISOString();
  simulateCases(map, { cases, seed: 1, waitMinutes: { 'a0-0': 60 } }, (e) => {
    rows.push(`${e.caseId},${e.activity},${iso(e.start)},${iso(e.time)},${e.resource ?? ''}`);
    events++;
    if (rows.length >= 20_000) {
      writeSync(fd, `${rows.join('\n')}\n`);
      rows = [];
    }
  });
  writeSync(fd, rows.join('\n'));
  closeSync(fd);
  return events;
}

async function main() {
  const map = benchMap();
  const out = join(dirname(process.argv[1]!));
  mkdirSync(out, { recursive: true });
  const csvPath = join(out, 'bench-log.csv');
  const events = writeLog(map, CASES, csvPath);
  writeFileSync(join(out, 'bench-map.leverflow.json'), await mapToJsonBlob(map).text());
  const size = statSync(csvPath).size;
  console.log(
    `log: ${CASES.toLocaleString('en-US')} cases, ${events.toLocaleString('en-US')} events, ${LANES * PER_LANE} activities, CSV file ${mb(size)} (${csvPath})`,
  );

  const child = spawnSync(
    process.execPath,
    ['--expose-gc', process.argv[1]!, '--pipeline', csvPath],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    stages: [string, number][];
    total: number;
    events: number;
    bad: number;
    fitting: number;
    peakRss: number;
    peakHeap: number;
    peakBuffers: number;
    keptHeap: number;
    keptBuffers: number;
    logBytes: number;
  };

  // JSON of the same size: the same events as objects, repeated up to the file's size.
  const head = Papa.parse<string[]>(
    Array.from(
      { length: 1001 },
      (_, i) =>
        `${i},Lane 1 step ${(i % 10) + 1},2024-01-01T08:00:00.000Z,2024-01-01T08:15:00.000Z,Person ${i % 7}`,
    ).join('\n'),
  ).data;
  const objects = head.map(([c, a, s, t, p]) => ({
    case: c,
    activity: a,
    start: s,
    complete: t,
    resource: p,
  }));
  const one = JSON.stringify(objects).length / objects.length;
  const copies = Math.ceil(size / one);
  let json = `[${Array.from({ length: copies }, (_, i) => JSON.stringify(objects[i % objects.length])).join(',')}]`;
  gc();
  const j0 = performance.now();
  JSON.parse(json);
  const jsonMs = performance.now() - j0;
  const jsonHeap = process.memoryUsage().heapUsed;
  const jsonBytes = json.length;
  json = '';
  gc();

  console.log('');
  console.log('In a child process of its own (what the two log workers do, one after the other):');
  for (const [label, t] of r.stages) console.log(`${pad(label)} ${ms(t)}`);
  console.log(
    `${pad('parse + discover + replay')} ${ms(r.total)}   = ${(r.total / jsonMs).toFixed(1)} x JSON.parse`,
  );
  console.log(
    `${pad('memory of that process')}    peak RSS ${mb(r.peakRss)}, peak heap ${mb(r.peakHeap)} + array buffers ${mb(r.peakBuffers)}; kept at the end ${mb(r.keptHeap)} + ${mb(r.keptBuffers)} (the log's typed arrays: ${mb(r.logBytes)})`,
  );
  console.log(
    `bad rows ${r.bad}, events read ${r.events.toLocaleString('en-US')}, fitting cases ${r.fitting.toLocaleString('en-US')}`,
  );
  console.log('');
  console.log('In this process, for comparison:');
  console.log(
    `${pad(`JSON.parse of ${mb(jsonBytes)} of JSON (same size)`)} ${ms(jsonMs)}   heap ${mb(jsonHeap)}`,
  );

  // The Disco sliders on a 10,000-case log: each move is one discoverMap on the counted log.
  const small = simulateLog(map, { cases: 10_000, seed: 2 });
  const smallIndex = indexLog(small);
  const moves: number[] = [];
  for (let k = 1; k <= 30; k++) {
    const t = performance.now();
    discoverMap(smallIndex, { activities: k, paths: (k % 10) / 9 });
    moves.push(performance.now() - t);
  }
  console.log(
    `slider moves on a 10,000-case log (${small.activity.length.toLocaleString('en-US')} events): mean ${(moves.reduce((a, b) => a + b, 0) / moves.length).toFixed(1)} ms, slowest ${Math.max(...moves).toFixed(1)} ms (30 moves)`,
  );
}

if (pipelineAt >= 0) await pipeline(process.argv[pipelineAt + 1]!);
else await main();

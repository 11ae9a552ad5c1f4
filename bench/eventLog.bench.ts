// The event-log pipeline on a large simulated log: CSV text -> log (papaparse + reader),
// discovery (index once, then one slider position), replay on the map it came from. Beside
// it, JSON.parse of a JSON file of the same size: the floor for "reading a file that big".
// Prints figures; asserts nothing (the machine is shared and noisy).
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { discoverMap } from '../src/eventlog/discoverMap';
import { indexLog } from '../src/eventlog/indexLog';
import { readEventCsv } from '../src/eventlog/readEventCsv';
import { replayLog } from '../src/eventlog/replayLog';
import { simulateCases } from '../src/eventlog/simulateCases';
import { simulateLog } from '../src/eventlog/simulateLog';
import type { MapEdge, MapNode, ProcessMap } from '../src/model';
import { exampleMap } from '../src/model/exampleMap';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 100_000);
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
function time<T>(label: string, run: () => T): T {
  const t0 = performance.now();
  const out = run();
  const ms = performance.now() - t0;
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   heap ${mb(process.memoryUsage().heapUsed)}`,
  );
  return out;
}

const map = benchMap();
const rows: string[] = ['Case ID,Activity,Start,Complete,Resource'];
const iso = (ms: number) => new Date(ms).toISOString();
simulateCases(map, { cases: CASES, seed: 1, waitMinutes: { 'a0-0': 60 } }, (e) => {
  rows.push(`${e.caseId},${e.activity},${iso(e.start)},${iso(e.time)},${e.resource ?? ''}`);
});
const csv = rows.join('\n');
rows.length = 0;
console.log(
  `log: ${CASES.toLocaleString('en-US')} cases, ${(csv.split('\n').length - 1).toLocaleString('en-US')} events, ${LANES * PER_LANE} activities, CSV ${mb(csv.length)}`,
);

// JSON of the same size: the same events as objects, padded to the CSV's length.
const sample = Papa.parse<string[]>(csv, { preview: 1001 }).data.slice(1);
const objects = sample.map(([c, a, s, t, r]) => ({
  case: c,
  activity: a,
  start: s,
  complete: t,
  resource: r,
}));
const one = JSON.stringify(objects).length / objects.length;
const copies = Math.ceil(csv.length / one);
let json = `[${Array.from({ length: copies }, (_, i) => JSON.stringify(objects[i % objects.length])).join(',')}]`;
gc();
time(`JSON.parse of ${mb(json.length)} (same size)`, () => JSON.parse(json).length);
json = '';
gc();

const t0 = performance.now();
const imported = time('parse CSV (papaparse + reader)', () =>
  readEventCsv(csv, {
    mapping: { caseId: 0, activity: 1, start: 2, timestamp: 3, resource: 4 },
    dateFormat: 'iso',
  }),
);
const index = time('discovery: index once', () => indexLog(imported.log));
time('discovery: one slider position (all)', () =>
  discoverMap(index, { activities: 30, paths: 1 }),
);
time('discovery: one slider position (10, 50%)', () =>
  discoverMap(index, { activities: 10, paths: 0.5 }),
);
const replay = time('replay on the map', () => replayLog(map, imported.log));
const total = performance.now() - t0;
console.log(`${'parse + discover + replay'.padEnd(44)} ${total.toFixed(0).padStart(7)} ms`);
console.log(
  `bad rows ${imported.badCount}, fitting cases ${replay.fittingCases.toLocaleString('en-US')}`,
);
console.log(
  `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (includes the CSV text, and the JSON text while it was parsed)`,
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

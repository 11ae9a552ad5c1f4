// `npm run bench:share`: 20 simulated editors (Node clients with @hocuspocus/provider, in 4
// worker threads) on one 1,000-step map, 5 edits a second each for 30 s
// (SHARE_BENCH_SECONDS), through one sync server, then through two servers joined by a local
// redis-server. Prints p50/p95 of the time from an edit to every other client seeing it, the
// servers' CPU and memory, lost edits, and whether every client ended with the same document
// (encoded state vectors and map JSON).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type SyncServerProcess, startSyncServer } from '../e2e/syncServer';
import { connectClient, makeRoom, until } from '../server/syncTestClient';
import { createMap, createNode, type ProcessMap } from '../src/model';
import { writeMapToDoc } from '../src/sync/mapDoc';

const EDITORS = 20;
const WORKERS = 4;
const STEPS = 1000;
const RATE = 5;
const SECONDS = Number(process.env.SHARE_BENCH_SECONDS ?? 30);
const BASE = Number(process.env.SHARE_BENCH_PORT ?? 4640);

function bigMap(): ProcessMap {
  const map = createMap();
  const nodes = Array.from({ length: STEPS }, (_, i) =>
    createNode(
      'action',
      { x: (i % 40) * 200, y: Math.floor(i / 40) * 120 },
      { label: `Step ${i}` },
    ),
  );
  return { ...map, name: 'Bench', nodes };
}

/** CPU seconds (user + system) a process has used, and its resident memory in MB. */
function usage(pid: number): { cpu: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpu: ticks / 100, rssMb: Number(rss ?? 0) / 1024 };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

type Report = {
  sent: [string, number][];
  seen: [string, number][];
  vectors: string[];
  maps: string[];
};

function ask<T>(worker: Worker, type: string, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== answer) return;
      worker.off('message', on);
      resolve(m as T);
    };
    worker.on('message', on);
    worker.postMessage({ type });
  });
}

async function run(label: string, servers: SyncServerProcess[]) {
  const ports = servers.map((s) => s.port);
  const { room, editToken } = await makeRoom(ports[0]!);
  const seed = connectClient(ports[0]!, room, editToken);
  await seed.synced;
  writeMapToDoc(seed.doc, null, bigMap(), 'seed');
  await until(() => seed.provider.unsyncedChanges === 0, 30_000, 'the map to reach the server');
  seed.destroy();

  const per = EDITORS / WORKERS;
  const workers = Array.from(
    { length: WORKERS },
    (_, w) =>
      new Worker(new URL('./shareEditors.worker.mjs', import.meta.url), {
        workerData: {
          ports,
          room,
          token: editToken,
          first: w * per,
          count: per,
          editors: EDITORS,
          steps: STEPS,
          rate: RATE,
        },
      }),
  );
  await Promise.all(workers.map((w) => new Promise<void>((r) => w.once('message', () => r()))));

  const before = servers.map((s) => usage(s.pid));
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, ...servers.map((s) => usage(s.pid).rssMb));
  }, 500);
  const started = performance.now();
  for (const w of workers) w.postMessage({ type: 'start' });
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const w of workers) w.postMessage({ type: 'stop' });
  const elapsed = (performance.now() - started) / 1000;
  const after = servers.map((s) => usage(s.pid));
  // Let the last edits arrive everywhere: until every client holds the same state (60 s at most).
  let reports: Report[] = [];
  const settleBy = Date.now() + 60_000;
  do {
    await new Promise((r) => setTimeout(r, 2000));
    reports = await Promise.all(workers.map((w) => ask<Report>(w, 'report', 'report')));
  } while (new Set(reports.flatMap((r) => r.vectors)).size > 1 && Date.now() < settleBy);
  clearInterval(sampler);

  const sentAt = new Map(reports.flatMap((r) => r.sent));
  const seen = new Map<string, number[]>();
  for (const [text, t] of reports.flatMap((r) => r.seen)) {
    const times = seen.get(text) ?? [];
    times.push(t);
    seen.set(text, times);
  }
  const expected = EDITORS - 1;
  const toEveryone: number[] = [];
  const toEach: number[] = [];
  let lost = 0;
  for (const [text, at] of sentAt) {
    const times = seen.get(text) ?? [];
    if (times.length < expected) lost++;
    for (const t of times) toEach.push(t - at);
    if (times.length >= expected) toEveryone.push(Math.max(...times) - at);
  }
  toEveryone.sort((a, b) => a - b);
  toEach.sort((a, b) => a - b);
  const vectors = new Set(reports.flatMap((r) => r.vectors));
  const maps = new Set(reports.flatMap((r) => r.maps));
  const cpu = after.reduce((sum, a, i) => sum + (a.cpu - before[i]!.cpu), 0);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`\n${label} (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
  console.log(
    `  edits sent: ${sentAt.size} in ${elapsed.toFixed(1)} s (${(sentAt.size / elapsed).toFixed(0)}/s)`,
  );
  console.log(
    `  edit -> every other client: p50 ${ms(percentile(toEveryone, 50))}, p95 ${ms(percentile(toEveryone, 95))}, max ${ms(percentile(toEveryone, 100))}`,
  );
  console.log(
    `  edit -> one other client:   p50 ${ms(percentile(toEach, 50))}, p95 ${ms(percentile(toEach, 95))}`,
  );
  console.log(
    `  server CPU: ${((cpu / elapsed) * 100).toFixed(0)}% of one core (${servers.length} process${servers.length > 1 ? 'es' : ''} together); peak memory ${peakRss.toFixed(0)} MB per process`,
  );
  console.log(
    `  lost edits: ${lost}; state vectors alike: ${vectors.size === 1}; map JSON alike: ${maps.size === 1}`,
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((r) => {
          w.once('exit', () => r());
          w.postMessage({ type: 'close' });
        }),
    ),
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'leverflow-bench-'));
console.log(
  `${EDITORS} editors in ${WORKERS} worker threads, ${STEPS}-step map, ${RATE} edits/s each, ${SECONDS} s; goal p95 <= 250 ms`,
);
const one = await startSyncServer(BASE, dataDir);
await run('One server', [one]);
await one.stop();

let redis: ChildProcess | null = null;
try {
  const path = execFileSync(process.execPath, ['scripts/ensure-redis.mjs'], {
    encoding: 'utf8',
  }).trim();
  redis = spawn(
    path,
    ['--port', String(BASE + 3), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise((r) => setTimeout(r, 1000));
  const env = { REDIS_URL: `redis://127.0.0.1:${BASE + 3}` };
  const two = await Promise.all([
    startSyncServer(BASE + 1, dataDir, env),
    startSyncServer(BASE + 2, dataDir, env),
  ]);
  await run('Two servers joined by Redis (10 editors on each)', two);
  await Promise.all(two.map((s) => s.stop()));
} finally {
  redis?.kill('SIGTERM');
}
process.exit(0);

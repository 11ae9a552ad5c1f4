// `npm run bench:share`: 20 simulated editors (Node clients with @hocuspocus/provider) on one
// 1,000-step map, 5 edits a second each for 30 s (SHARE_BENCH_SECONDS), through one sync
// server, then through two servers joined by a local redis-server. Prints p50/p95 of the time
// from an edit to every other client seeing it, the servers' CPU and memory, and whether every
// client ended with the same document (encoded state vectors and map JSON).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { type SyncServerProcess, startSyncServer } from '../e2e/syncServer';
import { connectClient, makeRoom, type SyncClient, until } from '../server/syncTestClient';
import { createMap, createNode, type ProcessMap } from '../src/model';
import { readMapFromDoc, writeMapToDoc } from '../src/sync/mapDoc';

const EDITORS = 20;
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

async function run(label: string, servers: SyncServerProcess[]) {
  const { room, editToken } = await makeRoom(servers[0]!.port);
  const seed = connectClient(servers[0]!.port, room, editToken);
  await seed.synced;
  const map = bigMap();
  writeMapToDoc(seed.doc, null, map, 'seed');
  await until(() => seed.provider.unsyncedChanges === 0, 30_000, 'the map to reach the server');

  const clients: SyncClient[] = [];
  for (let i = 0; i < EDITORS; i++) {
    clients.push(connectClient(servers[i % servers.length]!.port, room, editToken));
  }
  await Promise.all(clients.map((c) => c.synced));
  await until(
    () => clients.every((c) => c.doc.getMap('nodes').size === STEPS),
    60_000,
    'every client to load the map',
  );
  seed.destroy();

  // Who sent which edit when, and when each other client saw it.
  const sentAt = new Map<string, number>();
  const seen = new Map<string, number[]>();
  clients.forEach((client, index) => {
    client.doc.getMap('nodes').observeDeep((events, txn) => {
      if (txn.local) return;
      const now = performance.now();
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has('label')) continue;
        const labelValue = (event.target as Y.Map<unknown>).get('label');
        if (typeof labelValue !== 'string' || !labelValue.startsWith('e')) continue;
        if (labelValue.startsWith(`e${index}-`)) continue;
        const times = seen.get(labelValue) ?? [];
        times.push(now);
        seen.set(labelValue, times);
      }
    });
  });

  const ids = map.nodes.map((n) => n.id);
  const before = servers.map((s) => usage(s.pid));
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, ...servers.map((s) => usage(s.pid).rssMb));
  }, 500);
  const started = performance.now();
  const timers = clients.map((client, index) => {
    let seq = 0;
    return setInterval(() => {
      // Each editor edits its own steps, in turn, so no edit is overwritten by another.
      const id = ids[(index + EDITORS * seq) % STEPS]!;
      const text = `e${index}-${seq++}`;
      const node = client.doc.getMap<Y.Map<unknown>>('nodes').get(id);
      sentAt.set(text, performance.now());
      node?.set('label', text);
    }, 1000 / RATE);
  });
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const t of timers) clearInterval(t);
  const elapsed = (performance.now() - started) / 1000;
  const after = servers.map((s) => usage(s.pid));
  // Let the last edits arrive.
  const expected = EDITORS - 1;
  await until(
    () => [...sentAt.keys()].every((k) => (seen.get(k)?.length ?? 0) >= expected),
    30_000,
    'the last edits to reach everyone',
  ).catch(() => {});
  clearInterval(sampler);

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

  await until(
    () => {
      const v = Buffer.from(Y.encodeStateVector(clients[0]!.doc));
      return clients.every((c) => v.equals(Buffer.from(Y.encodeStateVector(c.doc))));
    },
    30_000,
    'every client to hold the same document',
  ).catch(() => {});
  const vectors = new Set(
    clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64')),
  );
  const json = new Set(
    clients.map((c) => {
      const m = readMapFromDoc(c.doc).map;
      return JSON.stringify({ ...m, nodes: [...m.nodes].sort((a, b) => a.id.localeCompare(b.id)) });
    }),
  );
  const cpu = after.reduce((sum, a, i) => sum + (a.cpu - before[i]!.cpu), 0);
  console.log(`\n${label}`);
  console.log(
    `  edits sent: ${sentAt.size} in ${elapsed.toFixed(1)} s (${(sentAt.size / elapsed).toFixed(0)}/s)`,
  );
  console.log(
    `  edit -> every other client: p50 ${percentile(toEveryone, 50).toFixed(0)} ms, p95 ${percentile(toEveryone, 95).toFixed(0)} ms, max ${percentile(toEveryone, 100).toFixed(0)} ms`,
  );
  console.log(
    `  edit -> one other client:   p50 ${percentile(toEach, 50).toFixed(0)} ms, p95 ${percentile(toEach, 95).toFixed(0)} ms`,
  );
  console.log(
    `  server CPU: ${((cpu / elapsed) * 100).toFixed(0)}% of one core (${servers.length} process${servers.length > 1 ? 'es' : ''} together); peak memory ${peakRss.toFixed(0)} MB per process`,
  );
  console.log(
    `  lost edits: ${lost}; state vectors alike: ${vectors.size === 1}; map JSON alike: ${json.size === 1}`,
  );
  for (const c of clients) c.destroy();
  return { p95: percentile(toEveryone, 95), lost, same: vectors.size === 1 && json.size === 1 };
}

const dataDir = mkdtempSync(join(tmpdir(), 'leverflow-bench-'));
console.log(
  `${EDITORS} editors, ${STEPS}-step map, ${RATE} edits/s each, ${SECONDS} s; goal p95 <= 250 ms`,
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
    {
      stdio: 'ignore',
    },
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

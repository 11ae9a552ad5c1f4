// One worker of `npm run bench:share`: a few simulated editors, each a Node client of the
// sync server that edits its own steps' labels RATE times a second. Times are epoch
// milliseconds (timeOrigin + now), comparable between workers.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { connectClient, type SyncClient, until } from '../server/syncTestClient';
import { readMapFromDoc } from '../src/sync/mapDoc';

interface Job {
  ports: number[];
  room: string;
  token: string;
  first: number;
  count: number;
  editors: number;
  steps: number;
  rate: number;
}
const job = workerData as Job;
const now = () => performance.timeOrigin + performance.now();
const clients: SyncClient[] = [];
const seen: [string, number][] = [];
const sent: [string, number][] = [];

for (let i = 0; i < job.count; i++) {
  const index = job.first + i;
  const client = connectClient(job.ports[index % job.ports.length]!, job.room, job.token);
  clients.push(client);
  client.doc.getMap('nodes').observeDeep((events, txn) => {
    if (txn.local) return;
    const t = now();
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has('label')) continue;
      const text = (event.target as Y.Map<unknown>).get('label');
      if (typeof text === 'string' && text.startsWith('e')) seen.push([text, t]);
    }
  });
}
await Promise.all(clients.map((c) => c.synced));
await until(() => clients.every((c) => c.doc.getMap('nodes').size === job.steps), 120_000);
parentPort?.postMessage({ type: 'ready' });

let timers: NodeJS.Timeout[] = [];
parentPort?.on('message', (message: { type: string }) => {
  if (message.type === 'start') {
    timers = clients.map((client, i) => {
      const index = job.first + i;
      const ids = [...client.doc.getMap('nodes').keys()].sort();
      let seq = 0;
      return setInterval(() => {
        // Each editor edits its own steps, in turn, so no edit is overwritten by another.
        const id = ids[(index + job.editors * seq) % ids.length]!;
        const text = `e${index}-${seq++}`;
        sent.push([text, now()]);
        client.doc.getMap<Y.Map<unknown>>('nodes').get(id)?.set('label', text);
      }, 1000 / job.rate);
    });
  } else if (message.type === 'stop') {
    for (const t of timers) clearInterval(t);
  } else if (message.type === 'report') {
    parentPort?.postMessage({
      type: 'report',
      sent,
      seen,
      vectors: clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64')),
      maps: clients.map((c) => {
        const m = readMapFromDoc(c.doc).map;
        return JSON.stringify({
          ...m,
          nodes: [...m.nodes].sort((a, b) => a.id.localeCompare(b.id)),
        });
      }),
    });
  } else if (message.type === 'close') {
    for (const c of clients) c.destroy();
    process.exit(0);
  }
});

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type SyncServerProcess, startSyncServer } from '../e2e/syncServer';
import { applyEdits, exampleMap } from '../src/model';
import { readMapFromDoc, writeMapToDoc } from '../src/sync/mapDoc';
import { connectClient, makeRoom, until } from './syncTestClient';

// Two sync server processes joined by a local redis-server (started and stopped here, on
// loopback), one client on each: they converge.
const BASE = 4600 + ((Number(process.env.E2E_PORT ?? 4173) + 10) % 100);
const REDIS_PORT = BASE;
const PORTS = [BASE + 1, BASE + 2] as const;

let redis: ChildProcess | null = null;
const servers: SyncServerProcess[] = [];

function waitForPort(port: number, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > end) reject(new Error(`nothing listens on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

beforeAll(async () => {
  // Installs Debian's redis-server if it is missing and we may, else says what to install.
  const path = execFileSync(process.execPath, ['scripts/ensure-redis.mjs'], {
    encoding: 'utf8',
  }).trim();
  redis = spawn(
    path,
    ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await waitForPort(REDIS_PORT);
  const dataDir = mkdtempSync(join(tmpdir(), 'leverflow-scale-'));
  const env = { REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}` };
  servers.push(...(await Promise.all(PORTS.map((port) => startSyncServer(port, dataDir, env)))));
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  redis?.kill('SIGTERM');
});

describe('two sync servers joined by Redis', () => {
  it('a client on each server edits the same map at once and both end with the same document', async () => {
    const { room, editToken } = await makeRoom(PORTS[0]);
    const a = connectClient(PORTS[0], room, editToken);
    const b = connectClient(PORTS[1], room, editToken);
    await Promise.all([a.synced, b.synced]);
    const map = exampleMap();
    writeMapToDoc(a.doc, null, map, 'a');
    await until(() => b.doc.getMap('nodes').size === 6, 15_000, 'the map to reach server 2');

    // Both edit at the same moment: A renames a step, B adds one and moves another.
    writeMapToDoc(
      a.doc,
      map,
      applyEdits(map, [{ type: 'setNodeLabel', nodeId: 'p', label: 'Pack (A)' }]),
      'a',
    );
    writeMapToDoc(
      b.doc,
      map,
      applyEdits(map, [
        {
          type: 'addNode',
          node: { id: 'b1', kind: 'action', label: 'From B', position: { x: 300, y: 0 } },
        },
        { type: 'moveNode', nodeId: 'r', position: { x: 400, y: 220 } },
      ]),
      'b',
    );
    const same = () =>
      Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc)));
    await until(same, 15_000, 'the two clients to converge');
    const ma = readMapFromDoc(a.doc).map;
    const mb = readMapFromDoc(b.doc).map;
    const sorted = (m: typeof ma) =>
      JSON.stringify({ ...m, nodes: [...m.nodes].sort((x, y) => x.id.localeCompare(y.id)) });
    expect(sorted(ma)).toBe(sorted(mb));
    expect(ma.nodes.find((n) => n.id === 'p')?.label).toBe('Pack (A)');
    expect(ma.nodes.find((n) => n.id === 'b1')?.label).toBe('From B');
    expect(ma.nodes.find((n) => n.id === 'r')?.position).toEqual({ x: 400, y: 220 });
    a.destroy();
    b.destroy();
  }, 60_000);
});

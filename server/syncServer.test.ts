import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleMap } from '../src/model';
import { readMapFromDoc, writeMapToDoc } from '../src/sync/mapDoc';
import { startSyncServer } from './createSyncServer';
import { connectClient, makeRoom, until } from './syncTestClient';

const PORT = 4600 + ((Number(process.env.E2E_PORT ?? 4173) + 5) % 100);
const dataDir = mkdtempSync(join(tmpdir(), 'leverflow-server-test-'));
const refusals: string[] = [];
let server: Awaited<ReturnType<typeof startSyncServer>>;

beforeAll(async () => {
  server = await startSyncServer({
    port: PORT,
    dataDir,
    messagesPerSecond: 50,
    log: (line) => refusals.push(line),
  });
});
afterAll(async () => {
  await server.destroy();
});

describe('the sync server', () => {
  it('makes rooms over HTTP and refuses a wrong token', async () => {
    const { room, editToken, viewToken } = await makeRoom(PORT);
    expect(room).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(editToken).not.toBe(viewToken);
    const stranger = connectClient(PORT, room, 'x'.repeat(32));
    expect(await stranger.denied).toBe('permission-denied');
    stranger.destroy();
  }, 20_000);

  it('a view connection sees changes but the server drops what it sends', async () => {
    const { room, editToken, viewToken } = await makeRoom(PORT);
    const editor = connectClient(PORT, room, editToken);
    const viewer = connectClient(PORT, room, viewToken);
    await Promise.all([editor.synced, viewer.synced]);
    writeMapToDoc(editor.doc, null, exampleMap(), 'me');
    await until(() => viewer.doc.getMap('nodes').size === 6, 10_000, 'the viewer to see the map');
    viewer.doc.getMap('nodes').delete('p');
    viewer.doc.getMap('meta').set('name', 'Hijacked');
    await new Promise((r) => setTimeout(r, 800));
    expect(editor.doc.getMap('nodes').has('p')).toBe(true);
    expect(editor.doc.getMap('meta').get('name')).toBe(exampleMap().name);
    // A newcomer gets the server's copy: untouched.
    const late = connectClient(PORT, room, editToken);
    await late.synced;
    expect(readMapFromDoc(late.doc).map.nodes).toHaveLength(6);
    for (const c of [editor, viewer, late]) c.destroy();
  }, 30_000);

  it('cuts off a connection that floods it, and refuses an over-limit update', async () => {
    const { room, editToken } = await makeRoom(PORT);
    const flooder = connectClient(PORT, room, editToken);
    await flooder.synced;
    for (let i = 0; i < 400; i++) flooder.doc.getMap('meta').set('name', `spam ${i}`);
    // The server closes the room's connection (the client then may come back, at a pace).
    expect(typeof (await flooder.closed)).toBe('number');
    expect(refusals.some((line) => line.includes('flooding'))).toBe(true);
    flooder.destroy();

    const big = connectClient(PORT, room, editToken);
    await big.synced;
    big.doc.transact(() => {
      for (let i = 0; i < 501; i++) big.doc.getMap('people').set(`p${i}`, { id: `p${i}` });
    });
    await big.closed;
    expect(refusals.some((line) => line.includes('room-full:people'))).toBe(true);
    big.destroy();
    const check = connectClient(PORT, room, editToken);
    await check.synced;
    expect(check.doc.getMap('people').size).toBe(0);
    check.destroy();
  }, 30_000);

  it('keeps a room on disk: after a restart between two edits both are there', async () => {
    const { room, editToken } = await makeRoom(PORT);
    const a = connectClient(PORT, room, editToken);
    await a.synced;
    const map = exampleMap();
    writeMapToDoc(a.doc, null, map, 'me');
    await until(() => a.provider.unsyncedChanges === 0, 10_000, 'the server to have the map');
    a.destroy();
    await server.destroy(); // stores every open room before it stops
    server = await startSyncServer({ port: PORT, dataDir, quiet: true });
    const b = connectClient(PORT, room, editToken);
    await b.synced;
    expect(readMapFromDoc(b.doc).map.nodes).toHaveLength(6);
    b.doc.getMap('meta').set('name', 'After restart');
    await until(() => b.provider.unsyncedChanges === 0, 10_000, 'the second edit to arrive');
    b.destroy();
    const c = connectClient(PORT, room, editToken);
    await c.synced;
    expect(c.doc.getMap('meta').get('name')).toBe('After restart');
    expect(c.doc.getMap('nodes').size).toBe(6);
    c.destroy();
    expect(Y.encodeStateVector(c.doc)).toBeDefined();
  }, 40_000);
});

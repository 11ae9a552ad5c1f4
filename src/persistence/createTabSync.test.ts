import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNode, exampleMap, type ProcessMap } from '../model';
import { createAutosave } from './createAutosave';
import { type ConflictInfo, createTabSync, type TabSync } from './createTabSync';
import { type LoadedMap, type MapLibrary, openMapLibrary } from './mapLibrary';
import { StorageError } from './StorageError';

function withStep(map: ProcessMap, label: string): ProcessMap {
  return { ...map, nodes: [...map.nodes, createNode('action', { x: 0, y: 0 }, { label })] };
}

interface Tab {
  library: MapLibrary;
  sync: TabSync;
  dirty: boolean;
  remote: LoadedMap[];
  conflicts: ConflictInfo[];
}

let factory: IDBFactory;
let channelName: string;
let tabs: Tab[];
let mapId: string;

async function openTab(options: { channel?: null } = {}): Promise<Tab> {
  const library = await openMapLibrary({ factory, rescueStorage: null });
  const remote: LoadedMap[] = [];
  const conflicts: ConflictInfo[] = [];
  const seen = { dirty: false, remote, conflicts };
  const sync = createTabSync({
    library,
    channelName,
    ...options,
    hasUnsavedEdits: () => seen.dirty,
    onRemoteChange: (loaded) => seen.remote.push(loaded),
    onConflict: (info) => seen.conflicts.push(info),
  });
  const tab: Tab = Object.assign(seen, { library, sync });
  const loaded = await library.get(mapId);
  tab.sync.open(mapId, loaded.revision);
  tabs.push(tab);
  return tab;
}

beforeEach(async () => {
  factory = new IDBFactory();
  channelName = `leverflow-test-${Math.random()}`;
  tabs = [];
  const setup = await openMapLibrary({ factory, rescueStorage: null });
  mapId = (await setup.create(exampleMap())).id;
  setup.close();
});

afterEach(() => {
  for (const tab of tabs) {
    tab.sync.dispose();
    tab.library.close();
  }
});

describe('createTabSync (guarantee 6: two tabs never silently overwrite each other)', () => {
  it('a tab without local edits follows the other tab’s save', async () => {
    const a = await openTab();
    const b = await openTab();
    await a.sync.save(withStep(exampleMap(), 'from A'));
    await vi.waitFor(() => expect(b.remote).toHaveLength(1));
    expect(b.remote[0]?.map.nodes.at(-1)?.label).toBe('from A');
    expect(b.sync.current()).toEqual({ mapId, revision: 2, conflict: false });
    // B can now save on top of A's change.
    await b.sync.save(withStep(withStep(exampleMap(), 'from A'), 'from B'));
    await vi.waitFor(() => expect(a.remote).toHaveLength(1));
    expect(a.conflicts).toEqual([]);
  });

  it('a tab with unsaved edits stops writing and reports a conflict', async () => {
    const a = await openTab();
    const b = await openTab();
    b.dirty = true;
    await a.sync.save(withStep(exampleMap(), 'from A'));
    await vi.waitFor(() => expect(b.conflicts).toEqual([{ mapId, revision: 2, kind: 'changed' }]));
    expect(b.remote).toEqual([]);
    await expect(b.sync.save(withStep(exampleMap(), 'from B'))).rejects.toMatchObject({
      reason: 'conflict',
    });
    expect((await a.library.get(mapId)).map.nodes.at(-1)?.label).toBe('from A');
  });

  it('a map deleted forever in another tab: saving stops with a "deleted" conflict (issue 13 item 5)', async () => {
    const a = await openTab({ channel: null });
    const b = await openTab({ channel: null });
    await a.library.deleteForever(mapId);
    const error = await b.sync.save(withStep(exampleMap(), 'from B')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(b.conflicts).toEqual([{ mapId, kind: 'deleted' }]);
  });

  it('detects a conflict from revisions alone when no message arrived', async () => {
    const a = await openTab({ channel: null });
    const b = await openTab({ channel: null });
    await a.sync.save(withStep(exampleMap(), 'from A'));
    const error = await b.sync.save(withStep(exampleMap(), 'from B')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(b.conflicts).toEqual([{ mapId, kind: 'changed' }]);
    expect(b.sync.current()?.conflict).toBe(true);
    expect((await a.library.get(mapId)).map.nodes.at(-1)?.label).toBe('from A');
  });

  it('settles a conflict by reloading or by keeping a copy', async () => {
    const a = await openTab({ channel: null });
    const b = await openTab({ channel: null });
    await a.sync.save(withStep(exampleMap(), 'from A'));
    const mine = withStep(exampleMap(), 'from B');
    await b.sync.save(mine).catch(() => {});
    const copy = await b.sync.keepMineAsCopy(mine);
    expect(copy.name).toBe('Order fulfilment (example) (my copy)');
    expect(b.sync.current()).toEqual({ mapId: copy.id, revision: 1, conflict: false });
    await b.sync.save(withStep(mine, 'more'));
    expect((await b.library.get(copy.id)).map.nodes.at(-1)?.label).toBe('more');
    expect((await b.library.get(mapId)).map.nodes.at(-1)?.label).toBe('from A');

    b.sync.open(mapId, 1);
    await b.sync.save(mine).catch(() => {});
    const reloaded = await b.sync.reload();
    expect(reloaded.map.nodes.at(-1)?.label).toBe('from A');
    await b.sync.save(withStep(reloaded.map, 'after reload'));
  });

  it('ignores its own, stale and malformed messages', async () => {
    const posted: unknown[] = [];
    const listeners: ((event: MessageEvent) => void)[] = [];
    const fake = {
      postMessage: (m: unknown) => posted.push(m),
      addEventListener: (_: 'message', l: (event: MessageEvent) => void) => listeners.push(l),
      removeEventListener: () => {},
      close: () => {},
    };
    const library = await openMapLibrary({ factory, rescueStorage: null });
    const onRemoteChange = vi.fn();
    const onConflict = vi.fn();
    const sync = createTabSync({
      library,
      channel: fake,
      tabId: 'me',
      hasUnsavedEdits: () => true,
      onRemoteChange,
      onConflict,
    });
    sync.open(mapId, 1);
    await sync.save(withStep(exampleMap(), 'x'));
    expect(posted).toEqual([{ type: 'saved', mapId, revision: 2, tabId: 'me' }]);
    const send = (data: unknown) => {
      for (const l of listeners) l(new MessageEvent('message', { data }));
    };
    send({ type: 'saved', mapId, revision: 9, tabId: 'me' });
    send({ type: 'saved', mapId, revision: 2, tabId: 'other' });
    send({ type: 'saved', mapId: 'another-map', revision: 9, tabId: 'other' });
    send({ type: 'saved', mapId, revision: 'nine', tabId: 'other' });
    send('hello');
    expect(onConflict).not.toHaveBeenCalled();
    send({ type: 'saved', mapId, revision: 3, tabId: 'other' });
    await vi.waitFor(() => expect(onConflict).toHaveBeenCalledTimes(1));
    sync.dispose();
    library.close();
  });

  it('drives an autosave into a conflict status instead of overwriting', async () => {
    const a = await openTab();
    const b = await openTab();
    const autosave = createAutosave({ save: b.sync.save, throttleMs: 0 });
    b.dirty = true;
    await a.sync.save(withStep(exampleMap(), 'from A'));
    await vi.waitFor(() => expect(b.conflicts).toHaveLength(1));
    autosave.schedule(withStep(exampleMap(), 'from B'));
    await autosave.flush();
    expect(autosave.status()).toMatchObject({ state: 'error', reason: 'conflict' });
    expect((await a.library.get(mapId)).map.nodes.at(-1)?.label).toBe('from A');
    autosave.dispose();
  });
});

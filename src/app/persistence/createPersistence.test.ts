import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMap, exampleMap } from '../../model';
import { openStorage } from '../../persistence';
import { createEditorStore } from '../../store/createEditorStore';
import { createPersistence } from './createPersistence';

const running: { stop: () => void }[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.stop();
  vi.restoreAllMocks();
});

/** An app session over a given fake browser (IndexedDB + localStorage stand-in). */
async function startApp(factory: IDBFactory) {
  const editor = createEditorStore(createMap('not loaded yet'));
  const persistence = createPersistence({
    editor,
    openStorage: () => openStorage({ factory, rescueStorage: null, name: 'test', coalesceMs: 0 }),
    throttleMs: 10,
    retryMs: 20,
  });
  running.push(persistence);
  await persistence.start();
  return { editor, persistence };
}

describe('createPersistence', () => {
  it('first run: opens the example, stored in the library', async () => {
    const { editor, persistence } = await startApp(new IDBFactory());
    expect(editor.getState().map.name).toBe(exampleMap().name);
    expect(persistence.state.getState()).toMatchObject({ phase: 'ready', mode: 'storage' });
    expect(await persistence.listMaps('')).toHaveLength(1);
  });

  it('autosaves every change; a new session opens the map that was open, as it was', async () => {
    const factory = new IDBFactory();
    const first = await startApp(factory);
    first.editor.getState().renameMap('Renamed');
    first.editor.getState().addNode('action', { x: 10, y: 10 }, 'Added');
    await first.persistence.flush();
    expect(first.persistence.state.getState().status.state).toBe('saved');
    first.persistence.stop();
    const second = await startApp(factory);
    expect(second.editor.getState().map.name).toBe('Renamed');
    expect(second.editor.getState().map.nodes.some((n) => n.label === 'Added')).toBe(true);
  });

  it('New blank map and import create new maps and change no existing one', async () => {
    const { editor, persistence } = await startApp(new IDBFactory());
    const exampleId = persistence.state.getState().mapId;
    await persistence.newBlankMap();
    expect(editor.getState().map.nodes).toHaveLength(0);
    await persistence.createMap({ ...exampleMap(), name: 'Imported' });
    const maps = await persistence.listMaps('');
    expect(maps.map((m) => m.name).sort()).toEqual(
      ['Imported', exampleMap().name, 'Untitled map'].sort(),
    );
    expect(maps.find((m) => m.id === exampleId)?.revision).toBe(1);
  });

  it('restoring a version is one undoable change', async () => {
    const { editor, persistence } = await startApp(new IDBFactory());
    const versions = await persistence.listVersions();
    editor.getState().renameMap('Changed');
    await persistence.flush();
    const older = versions[0];
    if (!older) throw new Error('no version');
    await persistence.restoreVersion(older.id);
    expect(editor.getState().map.name).toBe(exampleMap().name);
    editor.getState().undo();
    expect(editor.getState().map.name).toBe('Changed');
  });

  it('without storage: runs in memory, says so, and New blank map replaces the map after asking', async () => {
    const editor = createEditorStore(exampleMap());
    const persistence = createPersistence({
      editor,
      openStorage: () => openStorage({ factory: undefined }),
    });
    running.push(persistence);
    await persistence.start();
    expect(persistence.state.getState()).toMatchObject({
      mode: 'memory',
      status: { state: 'error', reason: 'unavailable' },
    });
    expect(persistence.state.getState().banner?.text).toMatch(/cannot save maps/);
    vi.stubGlobal('window', { confirm: () => true });
    await persistence.newBlankMap();
    expect(editor.getState().map.nodes).toHaveLength(0);
    vi.unstubAllGlobals();
  });
});

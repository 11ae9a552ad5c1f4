import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, expect, it, vi } from 'vitest';
import { createNode, exampleMap, type ProcessMap } from '../model';
import { type Autosave, createAutosave } from './createAutosave';
import { createTabSync, type TabSync } from './createTabSync';
import { type MapLibrary, openMapLibrary } from './mapLibrary';

/**
 * Issue 13's promise as a model-based property: random sequences of edits, reloads, closes at
 * random moments (with writes that never land), tab conflicts, maps deleted in another tab and
 * storage failures. After each run, the newest edit a person made is in the library, or
 * offered as a recovered map: never silently gone.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

interface Tab {
  library: MapLibrary;
  sync: TabSync;
  autosave: Autosave<ProcessMap>;
  mapId: string;
  map: ProcessMap;
}

type Op =
  | { t: 'edit'; tab: number }
  | { t: 'settle'; tab: number }
  | { t: 'wait' }
  | { t: 'close'; tab: number; landing: boolean }
  | { t: 'open'; map: number }
  | { t: 'failing'; on: boolean }
  | { t: 'delete'; tab: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('edit' as const), tab: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('settle' as const), tab: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('wait' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('close' as const),
      tab: fc.nat(3),
      landing: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('open' as const), map: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('failing' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), tab: fc.nat(3) }) },
);

const pause = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every label in every map the library holds or offers once opened (which applies copies). */
async function everyLabel(library: MapLibrary, mapIds: readonly string[]): Promise<Set<string>> {
  const labels = new Set<string>();
  for (const id of mapIds) {
    try {
      await library.get(id); // brings back a rescue copy, or keeps it as "(recovered)"
    } catch {
      // Deleted: its copy, if any, is an orphan, recovered below.
    }
  }
  await library.recoverOrphans();
  for (const summary of [...(await library.list()), ...(await library.listTrash())]) {
    for (const node of (await library.get(summary.id)).map.nodes) labels.add(node.label);
  }
  return labels;
}

/** While true, IndexedDB refuses every write (a full disk, a page being torn down). */
let failing = false;

it('the newest edit is never silently gone', async () => {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (failing) throw new DOMException('The disk is full.', 'QuotaExceededError');
    return put.apply(this, args);
  });
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
      const factory = new IDBFactory();
      const storage = memoryStorage();
      failing = false;
      const setup = await openMapLibrary({ factory, rescueStorage: storage });
      const mapIds = [(await setup.create(exampleMap())).id, (await setup.create(exampleMap())).id];
      setup.close();

      const tabs: (Tab | undefined)[] = [];
      let edits = 0;
      /** The newest edit's label and map; unset when a person deletes that map on purpose. */
      let newest: string | undefined;
      let newestMap: string | undefined;

      async function openTab(mapId: string): Promise<Tab | undefined> {
        const library = await openMapLibrary({ factory, rescueStorage: storage });
        let loaded: Awaited<ReturnType<MapLibrary['get']>>;
        try {
          loaded = await library.get(mapId);
        } catch {
          library.close();
          return undefined;
        }
        const ref: { autosave?: Autosave<ProcessMap> } = {};
        const sync = createTabSync({
          library,
          channel: null,
          hasUnsavedEdits: () => ref.autosave?.isDirty() ?? false,
          onRemoteChange: () => {},
          onConflict: () => {},
        });
        sync.open(mapId, loaded.revision);
        const autosave = createAutosave<ProcessMap>({
          save: (map, info) => sync.save(map, info),
          rescue: (map, info) => sync.rescue(map, info),
          throttleMs: 1,
          retryMs: 3,
        });
        ref.autosave = autosave;
        const map = loaded.recoveredFrom === 'rescue' ? { ...loaded.map } : loaded.map;
        autosave.markSaved(map, loaded.recoveredFrom !== 'rescue');
        return { library, sync, autosave, mapId, map };
      }

      /** The page goes away: rescue copy, then a flush whose writes land or not. */
      async function closeTab(index: number, landing: boolean) {
        const tab = tabs[index];
        if (!tab) return;
        tabs[index] = undefined;
        const before = failing;
        if (!landing) failing = true;
        tab.autosave.rescueNow();
        await tab.autosave.flush();
        failing = before;
        tab.autosave.dispose();
        tab.sync.dispose();
        tab.library.close();
      }

      // Two tabs on the first map (conflicts), one on the second.
      tabs.push(await openTab(mapIds[0] ?? ''), await openTab(mapIds[0] ?? ''));
      tabs.push(await openTab(mapIds[1] ?? ''));
      for (const op of ops) {
        switch (op.t) {
          case 'edit': {
            const tab = tabs[op.tab];
            if (!tab) break;
            edits += 1;
            const label = `edit ${edits}`;
            tab.map = {
              ...tab.map,
              nodes: [...tab.map.nodes, createNode('action', { x: edits, y: 0 }, { label })],
            };
            tab.autosave.schedule(tab.map);
            newest = label;
            newestMap = tab.mapId;
            break;
          }
          case 'settle':
            await tabs[op.tab]?.autosave.flush();
            break;
          case 'wait':
            await pause(4);
            break;
          case 'close':
            await closeTab(op.tab, op.landing);
            break;
          case 'open': {
            const slot = tabs.indexOf(undefined);
            const index = slot < 0 ? tabs.length : slot;
            if (index > 3) break;
            tabs[index] = await openTab(mapIds[op.map] ?? '');
            break;
          }
          case 'failing':
            failing = op.on;
            break;
          case 'delete': {
            const tab = tabs[op.tab];
            if (!tab || failing) break;
            // A person deletes a map forever in one tab; what was in it is gone on purpose.
            await tab.autosave.flush();
            await tab.library.deleteForever(tab.mapId).catch(() => {});
            await closeTab(op.tab, true);
            if (newestMap === tab.mapId) newest = undefined;
            break;
          }
        }
      }
      for (let i = 0; i < tabs.length; i++) await closeTab(i, false);
      failing = false;
      if (newest === undefined) return;
      const after = await openMapLibrary({ factory, rescueStorage: storage });
      const labels = await everyLabel(after, mapIds);
      after.close();
      expect(labels.has(newest)).toBe(true);
    }),
    { numRuns: 120 },
  );
}, 120_000);

import type { IDBPDatabase } from 'idb';
import { createId, failure, LIMITS, MAP_VERSION, type ProcessMap, sameValue } from '../model';
import { createVersionRecord } from './createVersionRecord';
import { type StoredEventLog, storedEventLogSchema } from './eventLogRecord';
import { loadHead, rawField } from './loadHead';
import { makeMapPreview } from './makeMapPreview';
import { applyMapChanges, diffMapsForRescue, mapChangesSchema } from './mapChanges';
import type {
  LoadedMap,
  MapLibrary,
  MapLibraryOptions,
  MapSummary,
  SaveOptions,
  SaveResult,
} from './mapLibraryTypes';
import { BY_MAP, EVENT_LOGS, MAPS, META, openDatabase, VERSIONS } from './openDatabase';
import { newerVersionMessage, parseStoredMap, type StoredMapResult } from './parseStoredMap';
import { notFound, readMapRecord, readVersionMap, readVersionRecords } from './readRecords';
import {
  appMetaSchema,
  type MapRecord,
  mapRecordCoreSchema,
  mapRecordSchema,
  versionRecordSchema,
} from './recordSchemas';
import {
  createRescueStore,
  defaultRescueStorage,
  type RescueCopy,
  type RescueStore,
} from './rescueStore';
import { runTransaction } from './runTransaction';
import { StorageError } from './StorageError';
import { stringifyInSlices } from './serializeInSlices';
import { deleteVersion, putVersion } from './versionPieces';

export type {
  LoadedMap,
  MapLibrary,
  MapLibraryOptions,
  MapSummary,
  RescueInfo,
  SaveOptions,
  SaveResult,
  VersionDetail,
  VersionSummary,
} from './mapLibraryTypes';

function toSummary(record: MapRecord): MapSummary {
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    trashedAt: record.trashedAt,
    nodeCount: record.nodeCount,
    revision: record.revision,
    preview: record.preview,
  };
}

/** A damaged library entry still shows in the list (by id), so it can be opened and recovered. */
function damagedSummary(raw: unknown): MapSummary | undefined {
  const id = rawField(raw, 'id');
  if (typeof id !== 'string' || id === '') return undefined;
  const name = rawField(raw, 'name');
  return {
    id,
    name: typeof name === 'string' ? name : 'Damaged map',
    createdAt: 0,
    updatedAt: 0,
    trashedAt: null,
    nodeCount: 0,
    revision: 0,
    preview: { width: 160, height: 100, nodes: [], edges: [] },
  };
}

function copyName(name: string, suffix: string): string {
  return `${name.slice(0, LIMITS.maxNameLength - suffix.length)}${suffix}`;
}

/**
 * Opens the map library in IndexedDB (through idb). Rejects with a StorageError of reason
 * `unavailable` when storage cannot be opened; see `openStorage` for a non-throwing form.
 * @example
 * const library = await openMapLibrary();
 * const { id } = await library.create(createMap('Onboarding'));
 * const { map, revision } = await library.get(id);
 * await library.save(id, { ...map, name: 'Client onboarding' }, { baseRevision: revision });
 */
export async function openMapLibrary(options: MapLibraryOptions = {}): Promise<MapLibrary> {
  const factory = 'factory' in options ? options.factory : globalThis.indexedDB;
  const name = options.name ?? 'leverflow';
  const db = await openDatabase(factory, name, options.openTimeoutMs);
  const now = options.now ?? Date.now;
  const maxVersions = Math.max(1, options.maxVersions ?? 20);
  const coalesceMs = options.coalesceMs ?? 60_000;
  const rescue = createRescueStore(
    'rescueStorage' in options ? options.rescueStorage : defaultRescueStorage(),
  );
  return createLibrary({
    db,
    reopen: () => openDatabase(factory, name, options.openTimeoutMs),
    now,
    maxVersions,
    coalesceMs,
    rescue,
    pieceChars: options.pieceChars,
  });
}

interface LibraryContext {
  db: IDBPDatabase;
  /** Opens the database again (after the browser closed it: site data cleared). */
  reopen: () => Promise<IDBPDatabase>;
  now: () => number;
  maxVersions: number;
  coalesceMs: number;
  rescue: RescueStore;
  pieceChars?: number;
}

function createLibrary(context: LibraryContext): MapLibrary {
  const { reopen, now, maxVersions, coalesceMs, rescue, pieceChars } = context;
  let db = context.db;
  /** The browser closed the connection (site data cleared, storage deleted): reopen it. */
  let lost = false;
  /** Since a reopen, a map missing from storage was lost with it, so saving it writes it anew. */
  let dataLost = false;
  let closed = false;
  const watch = (connection: IDBPDatabase) => {
    // `close`: the browser closed it (site data cleared); a `versionchange` to no version:
    // the database is being deleted (openDatabase closes the connection for it).
    connection.addEventListener('close', () => {
      lost = true;
    });
    connection.addEventListener('versionchange', (event) => {
      if (event.newVersion === null) lost = true;
    });
  };
  watch(db);
  let reopening: Promise<IDBPDatabase> | undefined;
  /** The open connection; a new one when the browser closed the last. */
  async function database(): Promise<IDBPDatabase> {
    if (!lost || closed) return db;
    reopening ??= reopen().then(
      (next) => {
        db = next;
        watch(next);
        lost = false;
        dataLost = true;
        reopening = undefined;
        return next;
      },
      (error: unknown) => {
        reopening = undefined;
        throw error;
      },
    );
    return reopening;
  }

  async function listWhere(
    keep: (record: MapRecord) => boolean,
    includeDamaged: boolean,
  ): Promise<MapSummary[]> {
    const raws = await runTransaction(
      await database(),
      [MAPS],
      'readonly',
      (tx): Promise<unknown[]> => tx.objectStore(MAPS).getAll(),
    );
    const out: MapSummary[] = [];
    for (const raw of raws) {
      const parsed = mapRecordSchema.safeParse(raw);
      if (parsed.success) {
        if (keep(parsed.data)) out.push(toSummary(parsed.data));
      } else if (includeDamaged) {
        const summary = damagedSummary(raw);
        if (summary) out.push(summary);
      }
    }
    return out.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /**
   * The map a rescue copy holds, built on `base` when the copy holds changes. Without a base
   * (the map was deleted), changes give what they hold: the steps and arrows that were new or
   * changed, with the map's name and settings; arrows to steps not in it are left out.
   */
  function rescuedMap(copy: RescueCopy, base: ProcessMap | undefined): StoredMapResult {
    if (copy.entry.kind === 'map') return parseStoredMap(copy.text, MAP_VERSION);
    let raw: unknown;
    try {
      raw = JSON.parse(copy.text);
    } catch {
      return failure('schema', 'its changes are not JSON');
    }
    const changes = mapChangesSchema.safeParse(raw);
    if (!changes.success) return failure('schema', 'its changes are damaged');
    const applied = applyMapChanges(base ?? { nodes: [], edges: [] }, changes.data);
    if (base === undefined && Array.isArray(applied.nodes) && Array.isArray(applied.edges)) {
      const ids = new Set(applied.nodes.map((n) => rawField(n, 'id')));
      applied.edges = applied.edges.filter(
        (e) => ids.has(rawField(e, 'source')) && ids.has(rawField(e, 'target')),
      );
    }
    return parseStoredMap(JSON.stringify(applied), MAP_VERSION);
  }

  /**
   * Brings back a rescue copy written on page close: on the same line of saves as the head it
   * is saved over it; from another tab or revision it is always kept as a "(recovered)" map;
   * written by a newer Leverflow it is kept for that version. Only a copy that holds nothing
   * new (or cannot be read, which the person is told) is dropped.
   */
  async function applyRescue(record: MapRecord, loaded: LoadedMap): Promise<LoadedMap> {
    let result = loaded;
    let head = record;
    const warnings: string[] = [];
    for (const copy of rescue.read(loaded.id)) {
      const next = await applyOneRescue(head, result, copy);
      result = next.loaded;
      head = next.record;
      if (next.warning) warnings.push(next.warning);
    }
    return warnings.length === 0 ? result : { ...result, warning: warnings.join(' ') };
  }

  /** One tab's copy over the head as it is now (an earlier copy may have been saved over it). */
  async function applyOneRescue(
    record: MapRecord,
    loaded: LoadedMap,
    copy: RescueCopy,
  ): Promise<{ record: MapRecord; loaded: LoadedMap; warning?: string }> {
    const { entry } = copy;
    const parsed =
      (entry.version ?? 0) > MAP_VERSION
        ? failure('newer-version', newerVersionMessage(entry.version ?? 0))
        : rescuedMap(copy, loaded.map);
    if (!parsed.ok) {
      if (parsed.code === 'newer-version') {
        const warning = `Changes to "${loaded.map.name}" made just before a page closed were kept by a newer version of Leverflow. They are kept for it: reload the page to update Leverflow and get them back.`;
        return { record, loaded, warning };
      }
      rescue.remove(loaded.id, entry.tabId);
      const warning = `Changes made just before the page closed could not be read (${parsed.message.split('\n')[0]}). Opened the last saved map.`;
      return { record, loaded, warning };
    }
    const sameLine = record.revision === entry.baseRevision || record.savedBy === entry.tabId;
    // Nothing was lost (a quick reload after the last save): no copy to bring back, no banner.
    if (sameValue(parsed.map, loaded.map) || (sameLine && entry.editedAt < record.editedAt)) {
      rescue.remove(loaded.id, entry.tabId);
      return { record, loaded };
    }
    if (!sameLine) {
      const name = copyName(parsed.map.name, ' (recovered)');
      await library.create({ ...parsed.map, name });
      rescue.remove(loaded.id, entry.tabId);
      const warning = `Changes made in another tab or before a later save were not lost: they were kept as a separate map, "${name}".`;
      return { record, loaded, warning };
    }
    const warning = 'Recovered changes made just before the page was closed.';
    try {
      const saved = await library.save(loaded.id, parsed.map, {
        baseRevision: record.revision,
        tabId: entry.tabId,
        editedAt: entry.editedAt,
      });
      rescue.remove(loaded.id, entry.tabId);
      return {
        record: {
          ...record,
          revision: saved.revision,
          savedBy: entry.tabId,
          editedAt: entry.editedAt,
        },
        loaded: {
          ...loaded,
          map: parsed.map,
          revision: saved.revision,
          updatedAt: saved.updatedAt,
          recoveredFrom: 'rescue',
        },
        warning,
      };
    } catch {
      // Keep the rescue copy; the app holds the map and its autosave retries the write.
      return { record, loaded: { ...loaded, map: parsed.map, recoveredFrom: 'rescue' }, warning };
    }
  }

  async function setTrashed(id: string, trashedAt: number | null): Promise<void> {
    await runTransaction(await database(), [MAPS], 'readwrite', async (tx) => {
      const record = await readMapRecord(tx, id);
      await tx.objectStore(MAPS).put({ ...record, trashedAt });
    });
  }

  async function saveNow(id: string, map: ProcessMap, options: SaveOptions): Promise<SaveResult> {
    // Serialize before the transaction (it would commit while we yield), in slices that
    // leave the main thread free for frames; the preview is cheap (≤ 300 steps).
    const serialized = await stringifyInSlices(map);
    const preview = makeMapPreview(map);
    return runTransaction(await database(), [MAPS, VERSIONS], 'readwrite', async (tx) => {
      const raw: unknown = await tx.objectStore(MAPS).get(id);
      if (raw === undefined && !dataLost) throw notFound(id);
      // The preview is rebuilt below; only the rest of the entry needs checking.
      const parsed = mapRecordCoreSchema.safeParse(raw);
      const rawVersion = rawField(raw, 'schemaVersion');
      if (typeof rawVersion === 'number' && rawVersion > MAP_VERSION) {
        throw new StorageError(
          'newer-version',
          `This map was saved by a newer Leverflow (file version ${rawVersion}); this app will not overwrite it. Update Leverflow (reload the page), or export your changes to a file.`,
        );
      }
      const record = parsed.success ? parsed.data : undefined;
      if (
        record !== undefined &&
        options.baseRevision !== undefined &&
        record.revision > options.baseRevision
      ) {
        throw new StorageError(
          'conflict',
          'This map was changed in another tab since you opened it. Reload to see those changes, or keep yours as a copy.',
        );
      }
      const versions = tx.objectStore(VERSIONS);
      const time = now();
      let replaced: { id: string; startedAt: number } | undefined;
      if (record?.headStartedAt !== undefined && record.headSealed !== undefined) {
        // The entry carries the head's coalescing state: no need to read the head's text.
        if (
          !record.headSealed &&
          record.schemaVersion === MAP_VERSION &&
          time - record.headStartedAt < coalesceMs
        ) {
          replaced = { id: record.headVersionId, startedAt: record.headStartedAt };
        }
      } else if (record !== undefined) {
        const head = versionRecordSchema.safeParse(await versions.get(record.headVersionId));
        if (
          head.success &&
          !head.data.sealed &&
          head.data.schemaVersion === MAP_VERSION &&
          time - head.data.startedAt < coalesceMs
        ) {
          replaced = head.data;
        }
      }
      const version = createVersionRecord(
        id,
        map,
        time,
        replaced?.startedAt,
        serialized.text,
        serialized.checksum,
      );
      // Guarantee: the new version is complete before the head points to it.
      await putVersion(tx, version, pieceChars);
      const next: MapRecord = {
        id,
        name: map.name,
        createdAt: record?.createdAt ?? time,
        updatedAt: time,
        trashedAt: record?.trashedAt ?? null,
        headVersionId: version.id,
        revision: (record?.revision ?? options.baseRevision ?? 0) + 1,
        schemaVersion: MAP_VERSION,
        nodeCount: map.nodes.length,
        editedAt: options.editedAt ?? time,
        savedBy: options.tabId ?? null,
        preview,
        headStartedAt: version.startedAt,
        headSealed: false,
      };
      await tx.objectStore(MAPS).put(next);
      if (replaced !== undefined) await deleteVersion(tx, replaced.id);
      const keys = await versions.index(BY_MAP).getAllKeys(id);
      const excess = keys.length - maxVersions;
      for (const key of keys.slice(0, Math.max(0, excess))) {
        if (key !== version.id) await deleteVersion(tx, String(key));
      }
      return { revision: next.revision, versionId: version.id, updatedAt: time };
    });
  }

  const library: MapLibrary = {
    list: () => listWhere((r) => r.trashedAt === null, true),
    listTrash: () => listWhere((r) => r.trashedAt !== null, false),
    async search(text) {
      const needle = text.trim().toLocaleLowerCase();
      const all = await library.list();
      return needle === '' ? all : all.filter((m) => m.name.toLocaleLowerCase().includes(needle));
    },

    async create(map, options = {}) {
      const time = now();
      const id = createId('map');
      const preview = makeMapPreview(map);
      const { text, checksum } = await stringifyInSlices(map);
      const version = createVersionRecord(id, map, time, time, text, checksum);
      const record: MapRecord = {
        id,
        name: map.name,
        createdAt: time,
        updatedAt: time,
        trashedAt: null,
        headVersionId: version.id,
        revision: 1,
        schemaVersion: MAP_VERSION,
        nodeCount: map.nodes.length,
        editedAt: time,
        savedBy: options.tabId ?? null,
        preview,
        headStartedAt: version.startedAt,
        headSealed: false,
      };
      await runTransaction(await database(), [MAPS, VERSIONS], 'readwrite', async (tx) => {
        await putVersion(tx, version, pieceChars);
        await tx.objectStore(MAPS).put(record);
      });
      return toSummary(record);
    },

    async get(id) {
      const started = performance.now();
      const { record, loaded } = await runTransaction(
        await database(),
        [MAPS, VERSIONS],
        'readonly',
        (tx) => loadHead(tx, id),
      );
      const result = record === undefined ? loaded : await applyRescue(record, loaded);
      performance.measure?.('leverflow:get', { start: started, end: performance.now() });
      return result;
    },

    async save(id, map, options = {}) {
      const started = performance.now();
      try {
        const result = await saveNow(id, map, options);
        const entry = options.tabId === undefined ? undefined : rescue.readEntry(id, options.tabId);
        if (
          entry !== undefined &&
          entry.editedAt <= (options.editedAt ?? Number.POSITIVE_INFINITY)
        ) {
          rescue.remove(id); // its content is stored now
        }
        return result;
      } finally {
        // For the persistence bench and the browser's performance panel.
        performance.measure?.('leverflow:save', { start: started, end: performance.now() });
      }
    },

    async rename(id, name) {
      const loaded = await library.get(id);
      const trimmed = name.trim().slice(0, LIMITS.maxNameLength) || loaded.map.name;
      return library.save(id, { ...loaded.map, name: trimmed }, { baseRevision: loaded.revision });
    },

    async duplicate(id) {
      const loaded = await library.get(id);
      return library.create({ ...loaded.map, name: copyName(loaded.map.name, ' (copy)') });
    },

    moveToTrash: (id) => setTrashed(id, now()),
    restoreFromTrash: (id) => setTrashed(id, null),

    async deleteForever(id) {
      await runTransaction(
        await database(),
        [MAPS, VERSIONS, EVENT_LOGS],
        'readwrite',
        async (tx) => {
          const versions = tx.objectStore(VERSIONS);
          for (const key of await versions.index(BY_MAP).getAllKeys(id)) {
            await deleteVersion(tx, String(key));
          }
          await tx.objectStore(MAPS).delete(id);
          await tx.objectStore(EVENT_LOGS).delete(id);
        },
      );
      rescue.remove(id);
    },

    async listVersions(id) {
      return runTransaction(await database(), [MAPS, VERSIONS], 'readonly', async (tx) => {
        const record = await readMapRecord(tx, id);
        return (await readVersionRecords(tx, id)).map((v) => ({
          id: v.id,
          savedAt: v.savedAt,
          size: v.size,
          nodeCount: v.nodeCount,
          isHead: v.id === record.headVersionId,
        }));
      });
    },

    async readVersion(id, versionId) {
      return runTransaction(await database(), [VERSIONS], 'readonly', (tx) =>
        readVersionMap(tx, id, versionId),
      );
    },

    async restoreVersion(id, versionId) {
      return runTransaction(await database(), [MAPS, VERSIONS], 'readwrite', async (tx) => {
        const record = await readMapRecord(tx, id);
        const versions = tx.objectStore(VERSIONS);
        const map = await readVersionMap(tx, id, versionId);
        // Seal the current head so saving the restored map adds a version instead of replacing it.
        const head = versionRecordSchema.safeParse(await versions.get(record.headVersionId));
        if (head.success && !head.data.sealed) await versions.put({ ...head.data, sealed: true });
        if (record.headSealed !== true)
          await tx.objectStore(MAPS).put({ ...record, headSealed: true });
        return map;
      });
    },

    async getEventLog(mapId) {
      const raw = await runTransaction(
        await database(),
        [EVENT_LOGS],
        'readonly',
        (tx): Promise<unknown> => tx.objectStore(EVENT_LOGS).get(mapId),
      );
      const parsed = storedEventLogSchema.safeParse(raw);
      return parsed.success ? (parsed.data satisfies StoredEventLog) : null;
    },

    async putEventLog(record) {
      await runTransaction(await database(), [EVENT_LOGS], 'readwrite', (tx) =>
        tx.objectStore(EVENT_LOGS).put(record),
      );
    },

    async deleteEventLog(mapId) {
      await runTransaction(await database(), [EVENT_LOGS], 'readwrite', (tx) =>
        tx.objectStore(EVENT_LOGS).delete(mapId),
      );
    },

    async getMeta() {
      const raw = await runTransaction(
        db,
        [META],
        'readonly',
        (tx): Promise<unknown> => tx.objectStore(META).get('app'),
      );
      const parsed = appMetaSchema.safeParse(raw ?? {});
      return parsed.success ? parsed.data : {};
    },

    async setMeta(patch) {
      await runTransaction(await database(), [META], 'readwrite', async (tx) => {
        const store = tx.objectStore(META);
        const current = appMetaSchema.safeParse((await store.get('app')) ?? {});
        const next = appMetaSchema.safeParse({
          ...(current.success ? current.data : {}),
          ...patch,
        });
        if (!next.success) throw new StorageError('unknown', 'Invalid app state; not saved.');
        await store.put(next.data, 'app');
      });
    },

    writeRescueCopy(id, map, info) {
      const { bases = [], ...rest } = info;
      // Only what changed since the stored map when there is one: a 50,000-step map's own
      // file would not fit in localStorage, its last few edits do.
      const text =
        bases.length > 0 ? JSON.stringify(diffMapsForRescue(bases, map)) : JSON.stringify(map);
      return rescue.write(
        { mapId: id, ...rest, version: MAP_VERSION, kind: bases.length > 0 ? 'changes' : 'map' },
        text,
      );
    },

    async recoverOrphans() {
      const ids = rescue.mapIds();
      if (ids.length === 0) return [];
      const known = new Set(
        await runTransaction(await database(), [MAPS], 'readonly', (tx) =>
          tx.objectStore(MAPS).getAllKeys(),
        ),
      );
      const names: string[] = [];
      for (const id of ids) {
        if (known.has(id)) continue;
        for (const copy of rescue.read(id)) {
          if ((copy.entry.version ?? 0) > MAP_VERSION) continue;
          const parsed = rescuedMap(copy, undefined);
          if (parsed.ok) {
            const suffix = copy.entry.kind === 'changes' ? ' (recovered changes)' : ' (recovered)';
            const name = copyName(parsed.map.name, suffix);
            await library.create({ ...parsed.map, name });
            names.push(name);
          }
          rescue.remove(id, copy.entry.tabId);
        }
        // What is left cannot be read (or is for a newer Leverflow, which keeps it).
        if (rescue.read(id).every((copy) => (copy.entry.version ?? 0) <= MAP_VERSION)) {
          rescue.remove(id);
        }
      }
      return names;
    },

    close() {
      closed = true;
      db.close();
    },
  };
  return library;
}

import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { createId, LIMITS, MAP_VERSION, type ProcessMap, serializeMap } from '../model';
import { makeMapPreview } from './makeMapPreview';
import { BY_MAP, MAPS, META, openDatabase, VERSIONS } from './openDatabase';
import { parseStoredMap } from './parseStoredMap';
import {
  type AppMeta,
  appMetaSchema,
  type MapPreview,
  type MapRecord,
  mapRecordSchema,
  type VersionRecord,
  versionRecordSchema,
} from './recordSchemas';
import { createRescueStore, defaultRescueStorage, type RescueStore } from './rescueStore';
import { StorageError } from './StorageError';
import { toStorageError } from './toStorageError';

/** What the library view shows for one map (no map content is parsed to list it). */
export interface MapSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** When it went to the trash, or null while live. */
  trashedAt: number | null;
  nodeCount: number;
  revision: number;
  preview: MapPreview;
}

/** A map read from storage, validated and migrated. */
export interface LoadedMap {
  id: string;
  map: ProcessMap;
  /** Pass back as `baseRevision` when saving, so another tab's newer save is not overwritten. */
  revision: number;
  updatedAt: number;
  /** Set when the head could not be used: an older good `version`, or a `rescue` copy. */
  recoveredFrom?: 'version' | 'rescue';
  /** Something the person should be told (shown once, e.g. as a banner). */
  warning?: string;
  /** Names of the format migrations applied while loading. */
  migrations: string[];
}

export interface SaveOptions {
  /** The revision this tab last loaded or saved; a newer stored one fails with `conflict`. */
  baseRevision?: number;
  /** The saving tab, recorded on the head. */
  tabId?: string;
  /** When the content was edited (defaults to now). */
  editedAt?: number;
}

export interface SaveResult {
  revision: number;
  versionId: string;
  updatedAt: number;
}

export interface VersionSummary {
  id: string;
  savedAt: number;
  /** Size of the stored map file text, in characters. */
  size: number;
  nodeCount: number;
  isHead: boolean;
}

/** What a tab knows when it writes a synchronous rescue copy on page close. */
export interface RescueInfo {
  baseRevision: number;
  tabId: string;
  editedAt: number;
}

/** The browser's library of maps. Every method rejects with a {@link StorageError}. */
export interface MapLibrary {
  list(): Promise<MapSummary[]>;
  listTrash(): Promise<MapSummary[]>;
  search(text: string): Promise<MapSummary[]>;
  create(map: ProcessMap, options?: { tabId?: string }): Promise<MapSummary>;
  get(id: string): Promise<LoadedMap>;
  save(id: string, map: ProcessMap, options?: SaveOptions): Promise<SaveResult>;
  rename(id: string, name: string): Promise<SaveResult>;
  duplicate(id: string): Promise<MapSummary>;
  moveToTrash(id: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  deleteForever(id: string): Promise<void>;
  listVersions(id: string): Promise<VersionSummary[]>;
  restoreVersion(id: string, versionId: string): Promise<ProcessMap>;
  getMeta(): Promise<AppMeta>;
  setMeta(patch: Partial<AppMeta>): Promise<void>;
  /** Synchronous: for `pagehide`, when an IndexedDB write may not finish. */
  writeRescueCopy(id: string, map: ProcessMap, info: RescueInfo): boolean;
  close(): void;
}

export interface MapLibraryOptions {
  /** Defaults to the page's `indexedDB`. */
  factory?: IDBFactory;
  /** Database name; defaults to `leverflow`. */
  name?: string;
  /** Versions kept per map (default 20). */
  maxVersions?: number;
  /** Saves within this time of a version's first save replace it (default 60 s). */
  coalesceMs?: number;
  /** Where rescue copies live; defaults to `localStorage`, null for none. */
  rescueStorage?: Storage | null;
  /** Clock, for tests. */
  now?: () => number;
  /** How long to wait for the database to open (default 10 s). */
  openTimeoutMs?: number;
}

type Mode = 'readonly' | 'readwrite';
type Tx<M extends Mode> = IDBPTransaction<unknown, string[], M>;

let versionSeq = 0;

/** Version ids sort by time (then by a counter), so an index over `mapId` lists them in order. */
function versionId(now: number): string {
  versionSeq += 1;
  const time = Math.max(0, Math.floor(now)).toString(36).padStart(10, '0');
  const seq = (versionSeq % 36 ** 4).toString(36).padStart(4, '0');
  return `v-${time}-${seq}-${Math.random().toString(36).slice(2, 8)}`;
}

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

function notFound(id: string): StorageError {
  return new StorageError('not-found', `No map with id "${id}" in this browser's library.`);
}

function formatTime(time: number): string {
  return new Date(time).toLocaleString();
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
  const db = await openDatabase(factory, options.name ?? 'leverflow', options.openTimeoutMs);
  const now = options.now ?? Date.now;
  const maxVersions = Math.max(1, options.maxVersions ?? 20);
  const coalesceMs = options.coalesceMs ?? 60_000;
  const rescue = createRescueStore(
    'rescueStorage' in options ? options.rescueStorage : defaultRescueStorage(),
  );
  return createLibrary({ db, now, maxVersions, coalesceMs, rescue });
}

interface LibraryContext {
  db: IDBPDatabase;
  now: () => number;
  maxVersions: number;
  coalesceMs: number;
  rescue: RescueStore;
}

function createLibrary({ db, now, maxVersions, coalesceMs, rescue }: LibraryContext): MapLibrary {
  async function run<T, M extends Mode>(
    stores: string[],
    mode: M,
    fn: (tx: Tx<M>) => Promise<T>,
  ): Promise<T> {
    let tx: Tx<M>;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      throw toStorageError(error, 'Could not use browser storage');
    }
    const done = tx.done;
    done.catch(() => {});
    try {
      const result = await fn(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // The transaction already finished or aborted.
      }
      throw toStorageError(error);
    }
  }

  async function readRecord(tx: Tx<Mode>, id: string): Promise<MapRecord> {
    const raw: unknown = await tx.objectStore(MAPS).get(id);
    if (raw === undefined) throw notFound(id);
    const parsed = mapRecordSchema.safeParse(raw);
    if (!parsed.success) {
      throw new StorageError('corrupt', `The library entry of map "${id}" is damaged.`);
    }
    return parsed.data;
  }

  async function readVersions(tx: Tx<Mode>, id: string): Promise<VersionRecord[]> {
    const raws: unknown[] = await tx.objectStore(VERSIONS).index(BY_MAP).getAll(id);
    const out: VersionRecord[] = [];
    for (const raw of raws) {
      const parsed = versionRecordSchema.safeParse(raw);
      if (parsed.success) out.push(parsed.data);
    }
    return out.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : -1));
  }

  function newVersion(
    mapId: string,
    map: ProcessMap,
    time: number,
    startedAt = time,
  ): VersionRecord {
    const text = serializeMap(map);
    if (text.length > LIMITS.maxFileBytes) {
      throw new StorageError(
        'unknown',
        `The map is too large to save (${Math.round(text.length / 1024 / 1024)} MB; the limit is ${LIMITS.maxFileBytes / 1024 / 1024} MB). Export it to a file.`,
      );
    }
    return {
      id: versionId(time),
      mapId,
      savedAt: time,
      startedAt,
      sealed: false,
      schemaVersion: MAP_VERSION,
      size: text.length,
      nodeCount: map.nodes.length,
      text,
    };
  }

  async function listWhere(keep: (record: MapRecord) => boolean): Promise<MapSummary[]> {
    const raws = await run(
      [MAPS],
      'readonly',
      (tx): Promise<unknown[]> => tx.objectStore(MAPS).getAll(),
    );
    const out: MapSummary[] = [];
    for (const raw of raws) {
      const parsed = mapRecordSchema.safeParse(raw);
      if (parsed.success && keep(parsed.data)) out.push(toSummary(parsed.data));
    }
    return out.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async function loadHead(id: string): Promise<{ record: MapRecord; loaded: LoadedMap }> {
    return run([MAPS, VERSIONS], 'readonly', async (tx) => {
      const record = await readRecord(tx, id);
      const base = { id, revision: record.revision, updatedAt: record.updatedAt };
      const headRaw: unknown = await tx.objectStore(VERSIONS).get(record.headVersionId);
      const head = versionRecordSchema.safeParse(headRaw);
      const headResult = head.success
        ? parseStoredMap(head.data.text, Math.max(head.data.schemaVersion, record.schemaVersion))
        : parseStoredMap('', record.schemaVersion);
      if (headResult.ok) {
        return {
          record,
          loaded: { ...base, map: headResult.map, migrations: headResult.migrations },
        };
      }
      if (headResult.newer) throw new StorageError('newer-version', headResult.message);
      const reason = head.success ? headResult.message : 'the saved version is missing';
      for (const version of await readVersions(tx, id)) {
        if (version.id === record.headVersionId) continue;
        const result = parseStoredMap(version.text, version.schemaVersion);
        if (!result.ok) continue;
        const warning = `The latest save of "${record.name}" could not be read (${reason.split('\n')[0]}). Opened the version saved ${formatTime(version.savedAt)} instead; later changes may be missing.`;
        return {
          record,
          loaded: {
            ...base,
            map: result.map,
            migrations: result.migrations,
            recoveredFrom: 'version',
            warning,
          },
        };
      }
      throw new StorageError(
        'corrupt',
        `"${record.name}" could not be read (${reason}), and no earlier version of it could be read either.`,
      );
    });
  }

  /** Prefers a rescue copy written on page close when it is newer than the stored head. */
  async function applyRescue(record: MapRecord, loaded: LoadedMap): Promise<LoadedMap> {
    const entry = rescue.read(loaded.id);
    if (entry === undefined) return loaded;
    const parsed = parseStoredMap(entry.text, MAP_VERSION);
    if (!parsed.ok || entry.editedAt <= record.editedAt) {
      rescue.remove(loaded.id);
      return loaded;
    }
    const sameLine = record.revision === entry.baseRevision || record.savedBy === entry.tabId;
    if (!sameLine) {
      const name = copyName(parsed.map.name, ' (recovered)');
      await library.create({ ...parsed.map, name });
      rescue.remove(loaded.id);
      const warning = `Changes made just before the page closed clashed with a later save from another tab. They were kept as a separate map, "${name}".`;
      return { ...loaded, warning };
    }
    const warning = 'Recovered changes made just before the page was closed.';
    try {
      const saved = await library.save(loaded.id, parsed.map, {
        baseRevision: record.revision,
        tabId: entry.tabId,
        editedAt: entry.editedAt,
      });
      rescue.remove(loaded.id);
      return {
        ...loaded,
        map: parsed.map,
        revision: saved.revision,
        updatedAt: saved.updatedAt,
        recoveredFrom: 'rescue',
        warning,
      };
    } catch {
      // Keep the rescue copy; the app holds the map and its autosave retries the write.
      return { ...loaded, map: parsed.map, recoveredFrom: 'rescue', warning };
    }
  }

  async function setTrashed(id: string, trashedAt: number | null): Promise<void> {
    await run([MAPS], 'readwrite', async (tx) => {
      const record = await readRecord(tx, id);
      await tx.objectStore(MAPS).put({ ...record, trashedAt });
    });
  }

  const library: MapLibrary = {
    list: () => listWhere((r) => r.trashedAt === null),
    listTrash: () => listWhere((r) => r.trashedAt !== null),
    async search(text) {
      const needle = text.trim().toLocaleLowerCase();
      const all = await library.list();
      return needle === '' ? all : all.filter((m) => m.name.toLocaleLowerCase().includes(needle));
    },

    async create(map, options = {}) {
      const time = now();
      const id = createId('map');
      const version = newVersion(id, map, time);
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
        preview: makeMapPreview(map),
      };
      await run([MAPS, VERSIONS], 'readwrite', async (tx) => {
        await tx.objectStore(VERSIONS).put(version);
        await tx.objectStore(MAPS).put(record);
      });
      return toSummary(record);
    },

    async get(id) {
      const { record, loaded } = await loadHead(id);
      return applyRescue(record, loaded);
    },

    async save(id, map, options = {}) {
      return run([MAPS, VERSIONS], 'readwrite', async (tx) => {
        const raw: unknown = await tx.objectStore(MAPS).get(id);
        if (raw === undefined) throw notFound(id);
        const parsed = mapRecordSchema.safeParse(raw);
        const rawVersion =
          typeof raw === 'object' && raw !== null && 'schemaVersion' in raw
            ? raw.schemaVersion
            : undefined;
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
        let replaced: VersionRecord | undefined;
        if (record !== undefined) {
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
        const version = newVersion(id, map, time, replaced?.startedAt);
        // Guarantee: the new version is complete before the head points to it.
        await versions.put(version);
        const next: MapRecord = {
          id,
          name: map.name,
          createdAt: record?.createdAt ?? time,
          updatedAt: time,
          trashedAt: record?.trashedAt ?? null,
          headVersionId: version.id,
          revision: (record?.revision ?? 0) + 1,
          schemaVersion: MAP_VERSION,
          nodeCount: map.nodes.length,
          editedAt: options.editedAt ?? time,
          savedBy: options.tabId ?? null,
          preview: makeMapPreview(map),
        };
        await tx.objectStore(MAPS).put(next);
        if (replaced !== undefined) await versions.delete(replaced.id);
        const keys = await versions.index(BY_MAP).getAllKeys(id);
        const excess = keys.length - maxVersions;
        for (const key of keys.slice(0, Math.max(0, excess))) {
          if (key !== version.id) await versions.delete(key);
        }
        return { revision: next.revision, versionId: version.id, updatedAt: time };
      });
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
      await run([MAPS, VERSIONS], 'readwrite', async (tx) => {
        const versions = tx.objectStore(VERSIONS);
        for (const key of await versions.index(BY_MAP).getAllKeys(id)) await versions.delete(key);
        await tx.objectStore(MAPS).delete(id);
      });
      rescue.remove(id);
    },

    async listVersions(id) {
      return run([MAPS, VERSIONS], 'readonly', async (tx) => {
        const record = await readRecord(tx, id);
        return (await readVersions(tx, id)).map((v) => ({
          id: v.id,
          savedAt: v.savedAt,
          size: v.size,
          nodeCount: v.nodeCount,
          isHead: v.id === record.headVersionId,
        }));
      });
    },

    async restoreVersion(id, versionId) {
      return run([MAPS, VERSIONS], 'readwrite', async (tx) => {
        const record = await readRecord(tx, id);
        const versions = tx.objectStore(VERSIONS);
        const version = versionRecordSchema.safeParse(await versions.get(versionId));
        if (!version.success || version.data.mapId !== id) {
          throw new StorageError('not-found', 'That version of the map is no longer stored.');
        }
        const result = parseStoredMap(version.data.text, version.data.schemaVersion);
        if (!result.ok) {
          throw new StorageError(result.newer ? 'newer-version' : 'corrupt', result.message);
        }
        // Seal the current head so saving the restored map adds a version instead of replacing it.
        const head = versionRecordSchema.safeParse(await versions.get(record.headVersionId));
        if (head.success && !head.data.sealed) await versions.put({ ...head.data, sealed: true });
        return result.map;
      });
    },

    async getMeta() {
      const raw = await run(
        [META],
        'readonly',
        (tx): Promise<unknown> => tx.objectStore(META).get('app'),
      );
      const parsed = appMetaSchema.safeParse(raw ?? {});
      return parsed.success ? parsed.data : {};
    },

    async setMeta(patch) {
      await run([META], 'readwrite', async (tx) => {
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
      return rescue.write({ mapId: id, text: serializeMap(map), ...info });
    },

    close() {
      db.close();
    },
  };
  return library;
}

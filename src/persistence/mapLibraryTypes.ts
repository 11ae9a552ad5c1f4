import type { ProcessMap } from '../model';
import type { StoredEventLog } from './eventLogRecord';
import type { AppMeta, MapPreview } from './recordSchemas';

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

/** A saved version read back: the map, and a small drawing of it. */
export interface VersionDetail {
  map: ProcessMap;
  preview: MapPreview;
}

/** What a tab knows when it writes a synchronous rescue copy on page close. */
export interface RescueInfo {
  baseRevision: number;
  tabId: string;
  editedAt: number;
  /**
   * The maps storage may hold for this map when the page closes (the one saved, the one being
   * written): the copy then holds only the changes from them. None: the whole map.
   */
  bases?: readonly ProcessMap[];
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
  /** One saved version of a map, read without changing anything (for the history's preview). */
  readVersion(id: string, versionId: string): Promise<ProcessMap>;
  /** The event log kept with a map, or null; a damaged record reads as null. */
  getEventLog(mapId: string): Promise<StoredEventLog | null>;
  /** Keeps an event log with its map (replacing the one it had). */
  putEventLog(record: StoredEventLog): Promise<void>;
  deleteEventLog(mapId: string): Promise<void>;
  getMeta(): Promise<AppMeta>;
  setMeta(patch: Partial<AppMeta>): Promise<void>;
  /** Synchronous: for `pagehide`, when an IndexedDB write may not finish. */
  writeRescueCopy(id: string, map: ProcessMap, info: RescueInfo): boolean;
  /**
   * Rescue copies of maps that are no longer in the library (deleted in another tab while it
   * was edited there) become "(recovered)" maps; copies that cannot be read are cleared.
   * Resolves to the names of the maps made.
   */
  recoverOrphans(): Promise<string[]>;
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
  /** Longest piece of a version's text stored in one record (default 1,000,000; for tests). */
  pieceChars?: number;
}

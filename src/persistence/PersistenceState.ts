import type { AutosaveStatus } from './createAutosave';
import type { Viewport } from './recordSchemas';

/** What the save indicator, banners and library dialogs show. */
export interface PersistenceState {
  phase: 'loading' | 'ready';
  /** `memory` when browser storage cannot be used: the map lives in this tab only. */
  mode: 'storage' | 'memory';
  status: AutosaveStatus;
  /** The library id of the open map (null in memory mode). */
  mapId: string | null;
  /** Something the person must be told (recovered map, refused load, failed action). */
  banner: { tone: 'warning' | 'error'; text: string } | null;
  /** Another tab saved this map while this tab had unsaved edits: writing has stopped. */
  conflict: boolean;
  /** What the other tab did: saved a newer revision, or deleted the map forever. */
  conflictKind: 'changed' | 'deleted';
  /** Bumped after every change to the library, so open lists read it again. */
  libraryRevision: number;
  /** Bumped when the canvas should show a newly opened map: fit it, or restore `viewport`. */
  view: { seq: number; viewport: Viewport | null };
  dialog: 'library' | 'history' | 'paste' | null;
}

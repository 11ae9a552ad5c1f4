/**
 * The only code that touches browser storage. Framework-free: the app shell wires it.
 *
 * On start:   openStorage() → (ok) library.getMeta() → library.get(openMapId) or create a map
 *             → tabSync.open(id, revision) → createAutosave({ save: tabSync.save,
 *             rescue: tabSync.rescue, onStatus }) → autosave.markSaved(loaded.map)
 *             → attachPageLifecycle(autosave).
 * On change:  autosave.schedule(map).
 * On close:   attachPageLifecycle writes the rescue copy and flushes.
 * Other tab:  onRemoteChange(loaded) → autosave.markSaved(loaded.map), then show it;
 *             onConflict → ask the person: tabSync.reload() + autosave.markSaved(loaded.map),
 *             or tabSync.keepMineAsCopy(map) and keep editing.
 */
export { attachPageLifecycle, type PageLifecycleTarget } from './attachPageLifecycle';
export {
  type Autosave,
  type AutosaveFailureReason,
  type AutosaveOptions,
  type AutosaveStatus,
  createAutosave,
  failureStatus,
} from './createAutosave';
export {
  type ChannelLike,
  type ConflictInfo,
  createTabSync,
  type SavedMessage,
  type TabSync,
  type TabSyncOptions,
} from './createTabSync';
export {
  decodeEventLog,
  encodeEventLog,
  type StoredEventLog,
} from './eventLogRecord';
export { makeMapPreview } from './makeMapPreview';
export {
  type LoadedMap,
  type MapLibrary,
  type MapLibraryOptions,
  type MapSummary,
  openMapLibrary,
  type RescueInfo,
  type SaveOptions,
  type SaveResult,
  type VersionDetail,
  type VersionSummary,
} from './mapLibrary';
export { type OpenStorageResult, openStorage } from './openStorage';
export type { PersistenceState } from './PersistenceState';
export type { AppMeta, MapPreview, Viewport } from './recordSchemas';
export { StorageError, type StorageFailureReason } from './StorageError';
export { isQuotaError, toStorageError } from './toStorageError';

import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { LayoutDirection, ProcessMap } from '../model';
import type {
  MapSummary,
  PersistenceState,
  StoredEventLog,
  VersionDetail,
  VersionSummary,
} from '../persistence';

/** The library, file and save commands the panels call; the app shell implements them. */
export interface LibraryCommands {
  state: StoreApi<PersistenceState>;
  newBlankMap(): Promise<boolean>;
  newExampleMap(): Promise<boolean>;
  createMap(map: ProcessMap): Promise<boolean>;
  openMap(id: string): Promise<boolean>;
  renameMap(id: string, name: string): Promise<void>;
  duplicateMap(id: string): Promise<void>;
  trashMap(id: string): Promise<void>;
  restoreMap(id: string): Promise<void>;
  deleteForever(id: string): Promise<void>;
  listMaps(search: string): Promise<MapSummary[]>;
  listTrash(): Promise<MapSummary[]>;
  listVersions(): Promise<VersionSummary[]>;
  restoreVersion(versionId: string): Promise<void>;
  readVersion(versionId: string): Promise<VersionDetail | null>;
  reloadFromStorage(): Promise<void>;
  keepMineAsCopy(): Promise<void>;
  openDialog(dialog: PersistenceState['dialog']): void;
  dismissBanner(): void;
  /** Imports a picked or dropped file as a new map; errors show in the banner. */
  importFile(file: File): Promise<boolean>;
  /** Imports several files at once, each as a new map; says how many opened and why not. */
  importFiles(files: readonly File[]): Promise<void>;
  /**
   * Lays the open map out (in the layout worker) in the map's direction, or in `direction`,
   * which the map then remembers (one undo step); false when cancelled or failed.
   */
  tidyUp(direction?: LayoutDirection): Promise<boolean>;
  /**
   * Imports pasted map JSON, BPMN XML or a Mermaid flowchart as a new map; resolves to an
   * error message, or null when done.
   */
  importText(text: string): Promise<string | null>;
  /** The event log kept with the open map, or null. */
  loadEventLog(): Promise<StoredEventLog | null>;
  /** Keeps an event log with the open map (null removes it); false when storage failed. */
  saveEventLog(record: Omit<StoredEventLog, 'mapId'> | null): Promise<boolean>;
  exportJson(): void;
  exportSvg(): void;
  exportPng(): Promise<void>;
  exportBpmn(): Promise<void>;
  exportMermaid(): Promise<void>;
  /** Copies the map as Mermaid flowchart text; resolves to what happened, for the user. */
  copyMermaid(): Promise<string>;
}

const LibraryContext = createContext<LibraryCommands | null>(null);

export function LibraryProvider({
  value,
  children,
}: {
  value: LibraryCommands;
  children: ReactNode;
}) {
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>;
}

/** The library commands (see {@link LibraryCommands}). */
export function useLibrary(): LibraryCommands {
  const value = useContext(LibraryContext);
  if (!value) throw new Error('useLibrary must be used inside <LibraryProvider>');
  return value;
}

/** Subscribes to a slice of the persistence state. */
export function useLibraryState<T>(selector: (state: PersistenceState) => T): T {
  return useStore(useLibrary().state, selector);
}

import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { useKeyboardShortcuts } from '../canvas/useKeyboardShortcuts';
import { LogColumnsDialog } from '../panels/eventLog/LogColumnsDialog';
import { PasteMapDialog } from '../panels/ImportExportMenu';
import { LibraryBanner } from '../panels/LibraryBanner';
import { LibraryProvider, useLibraryState } from '../panels/LibraryContext';
import { LibraryDialog } from '../panels/LibraryDialog';
import { Notice } from '../panels/Notice';
import { ShortcutsDialog } from '../panels/ShortcutsDialog';
import { SidePanel } from '../panels/SidePanel';
import { Toolbar } from '../panels/Toolbar';
import { VersionHistoryDialog } from '../panels/VersionHistoryDialog';
import { AnalysisProvider } from '../store/AnalysisProvider';
import type { EditorStore } from '../store/createEditorStore';
import { EditorStoreProvider, useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { LogStoreProvider, useLogStoreApi } from '../store/LogStoreContext';
import { HandOffPackView } from './handOff/HandOffPackView';
import { ReadOnlyMapView } from './handOff/ReadOnlyMapView';
import './library.css';
import { LayoutProgress } from './LayoutProgress';
import type { PersistenceOptions } from './persistence/createPersistence';
import { PresenceLayer } from './share/PresenceLayer';
import { ShareContext } from './share/ShareContext';
import { ShareControls } from './share/ShareControls';
import { useSharing } from './share/useSharing';
import { useColorScheme } from './useColorScheme';
import { useLogReplay } from './useLogReplay';
import { useLogStorage } from './useLogStorage';
import { usePersistence } from './usePersistence';

/** The canvas, once the map that was open has been loaded (so it does not flash the example). */
function CanvasWhenReady() {
  const ready = useLibraryState((s) => s.phase === 'ready');
  return ready ? <Canvas /> : <p className="lf-loading">Opening your map…</p>;
}

function Shell({ storage }: { storage: StorageOptions }) {
  const store = useEditorStoreApi();
  useKeyboardShortcuts(store);
  const logs = useLogStoreApi();
  useLogReplay(store, logs);
  const scheme = useColorScheme(useEditor((s) => s.theme));
  const library = usePersistence(store, storage);
  useLogStorage(logs, library);
  const readOnly = useEditor((s) => s.map.handOff !== undefined);
  const sharing = useSharing(store, library);
  return (
    <LibraryProvider value={library}>
      <ShareContext.Provider value={sharing}>
        <div className={`lf-app ${scheme}`} data-theme={scheme}>
          <Toolbar extra={<ShareControls />} />
          <LibraryBanner />
          {(sharing.joiningLink || readOnly) && <LayoutProgress />}
          {sharing.joiningLink ? (
            // Until the room's map is here, the map on screen is not the one the link opens:
            // an edit made to it would vanish when the room's map replaces it.
            <p className="lf-loading" role="status">
              Opening the shared map…
            </p>
          ) : readOnly ? (
            <ReadOnlyMapView />
          ) : (
            <div className="lf-body">
              <Palette />
              <main className="lf-canvas">
                <CanvasWhenReady />
                <LayoutProgress overCanvas />
                <PresenceLayer />
                <Notice overCanvas />
              </main>
              <SidePanel />
            </div>
          )}
          <HandOffPackView />
          <ShortcutsDialog />
          <LibraryDialog />
          <VersionHistoryDialog />
          <PasteMapDialog />
          <LogColumnsDialog />
          {(sharing.joiningLink || readOnly) && <Notice />}
        </div>
      </ShareContext.Provider>
    </LibraryProvider>
  );
}

type StorageOptions = Omit<PersistenceOptions, 'editor'>;
const BROWSER_STORAGE: StorageOptions = {};

/**
 * The Leverflow editor: the one place that wires the store and the panels together.
 * `storage` replaces how the map library is opened (tests and benchmarks keep the map in
 * memory by making it unavailable).
 */
export function App({
  store,
  storage = BROWSER_STORAGE,
  liveAnalysis = true,
}: {
  store?: EditorStore;
  storage?: StorageOptions;
  /** Benchmarks only: `false` measures the editor without the live analysis. */
  liveAnalysis?: boolean;
}) {
  return (
    <EditorStoreProvider {...(store ? { store } : {})}>
      <AnalysisProvider live={liveAnalysis}>
        <LogStoreProvider>
          <ReactFlowProvider>
            <Shell storage={storage} />
          </ReactFlowProvider>
        </LogStoreProvider>
      </AnalysisProvider>
    </EditorStoreProvider>
  );
}

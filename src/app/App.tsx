import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { useKeyboardShortcuts } from '../canvas/useKeyboardShortcuts';
import { Notice } from '../panels/Notice';
import { ShortcutsDialog } from '../panels/ShortcutsDialog';
import { SidePanel } from '../panels/SidePanel';
import { Toolbar } from '../panels/Toolbar';
import { AnalysisProvider } from '../store/AnalysisContext';
import type { EditorStore } from '../store/createEditorStore';
import { EditorStoreProvider, useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { useColorScheme } from './useColorScheme';

function Shell() {
  const store = useEditorStoreApi();
  useKeyboardShortcuts(store);
  const scheme = useColorScheme(useEditor((s) => s.theme));
  return (
    <div className={`lf-app ${scheme}`} data-theme={scheme}>
      <Toolbar />
      <div className="lf-body">
        <Palette />
        <main className="lf-canvas">
          <Canvas />
        </main>
        <SidePanel />
      </div>
      <ShortcutsDialog />
      <Notice />
    </div>
  );
}

/** The Leverflow editor: the one place that wires the store and the panels together. */
export function App({ store }: { store?: EditorStore }) {
  return (
    <EditorStoreProvider {...(store ? { store } : {})}>
      <AnalysisProvider>
        <ReactFlowProvider>
          <Shell />
        </ReactFlowProvider>
      </AnalysisProvider>
    </EditorStoreProvider>
  );
}

import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useState } from 'react';
import { FIT_PADDING, openingStepIds } from '../layout/openingStepIds';
import { useEditor, useEditorStoreApi, useHistoryState } from '../store/EditorStoreContext';
import { AnalysisBadge } from './AnalysisBadge';
import { ImportExportMenu } from './ImportExportMenu';
import { useLibrary } from './LibraryContext';
import { SaveStatus } from './SaveStatus';

const THEME_NEXT = { system: 'light', light: 'dark', dark: 'system' } as const;
const THEME_ICON = { system: '◐ Auto', light: '☀ Light', dark: '☾ Dark' } as const;
const THEME_NAME = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

/** The row of map-wide commands above the canvas. */
export function Toolbar() {
  const store = useEditorStoreApi();
  const { canUndo, canRedo } = useHistoryState();
  const snapToGrid = useEditor((s) => s.snapToGrid);
  const theme = useEditor((s) => s.theme);
  const name = useEditor((s) => s.map.name);
  const { fitView } = useReactFlow();
  const flowStore = useStoreApi();
  const library = useLibrary();
  const [busy, setBusy] = useState(false);

  const tidy = async () => {
    setBusy(true);
    try {
      if (await library.tidyUp()) {
        // A map too big to read when fitted is shown from its start, as when it is opened:
        // fitting thousands of steps would draw every one of them at once.
        const { width, height } = flowStore.getState();
        const ids = openingStepIds(store.getState().map, { width, height });
        requestAnimationFrame(
          () =>
            void fitView({
              padding: ids ? FIT_PADDING : 0.2,
              duration: 300,
              ...(ids ? { nodes: ids.map((id) => ({ id })), maxZoom: 1.2 } : {}),
            }),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <header className="lf-toolbar">
      <div className="lf-brand">
        <strong>Leverflow</strong>
        <span className="lf-map-name" title={name}>
          {name}
        </span>
      </div>
      <SaveStatus />
      <AnalysisBadge />
      <div className="lf-toolbar__group" role="toolbar" aria-label="Map commands">
        <button
          type="button"
          onClick={() => library.openDialog('library')}
          title="All your maps: open, rename, duplicate, trash"
        >
          Library
        </button>
        <ImportExportMenu />
        <button
          type="button"
          onClick={() => void library.newBlankMap()}
          title="Start a new, empty map in the library"
        >
          New blank map
        </button>
        <button
          type="button"
          onClick={() => void library.newExampleMap()}
          title="Add a copy of the example map to the library"
        >
          Example map
        </button>
        <span className="lf-sep" aria-hidden="true" />
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title="Undo (Ctrl/⌘+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title="Redo (Ctrl/⌘+Shift+Z)"
        >
          Redo
        </button>
        <span className="lf-sep" aria-hidden="true" />
        <button
          type="button"
          onClick={() => void tidy()}
          disabled={busy}
          title="Lay the map out top to bottom"
        >
          Tidy up
        </button>
        <button
          type="button"
          onClick={() => void fitView({ padding: 0.2, duration: 200 })}
          title="Fit view (Shift+1)"
        >
          Fit view
        </button>
        <button
          type="button"
          aria-pressed={snapToGrid}
          onClick={() => store.getState().setSnapToGrid(!snapToGrid)}
          title="Snap steps to a 20 px grid"
        >
          Snap to grid
        </button>
        <button
          type="button"
          onClick={() => store.getState().setTheme(THEME_NEXT[theme])}
          title={`${THEME_NAME[theme]} — switch between system, light and dark`}
          aria-label={THEME_NAME[theme]}
        >
          {THEME_ICON[theme]}
        </button>
        <button
          type="button"
          onClick={() => store.getState().setHelpOpen(true)}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </header>
  );
}

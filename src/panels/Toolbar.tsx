import { type ReactNode, useRef, useState } from 'react';
import { useTidyInLanes } from '../canvas/LaneControls';
import { useFitView } from '../canvas/useFitView';
import type { LayoutDirection } from '../model';
import { useEditor, useEditorStoreApi, useHistoryState } from '../store/EditorStoreContext';
import { AnalysisBadge } from './AnalysisBadge';
import { ImportExportMenu } from './ImportExportMenu';
import { useLibrary } from './LibraryContext';
import { SaveStatus } from './SaveStatus';

const THEME_NEXT = { system: 'light', light: 'dark', dark: 'system' } as const;
const THEME_ICON = { system: '◐ Auto', light: '☀ Light', dark: '☾ Dark' } as const;
const THEME_NAME = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

interface Command {
  label: string;
  title: string;
  ariaLabel?: string;
  pressed?: boolean;
  run: () => void;
}

/** The commands that do not fit a narrow window, in a menu. */
function MoreMenu({ commands }: { commands: readonly Command[] }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details className="lf-more lf-narrow-only" ref={ref}>
      <summary>More</summary>
      <div className="lf-menu__items lf-menu__items--end">
        {commands.map((command) => (
          <button
            key={command.title}
            type="button"
            aria-pressed={command.pressed}
            title={command.title}
            onClick={() => {
              if (ref.current) ref.current.open = false;
              command.run();
            }}
          >
            {command.ariaLabel ?? command.label}
          </button>
        ))}
      </div>
    </details>
  );
}

/** The row of map-wide commands above the canvas. */
export function Toolbar({ extra }: { extra?: ReactNode } = {}) {
  const store = useEditorStoreApi();
  const { canUndo, canRedo } = useHistoryState();
  const snapToGrid = useEditor((s) => s.snapToGrid);
  const theme = useEditor((s) => s.theme);
  const name = useEditor((s) => s.map.name);
  const library = useLibrary();
  const [busy, setBusy] = useState(false);
  const tidyInLanes = useTidyInLanes();
  const fitView = useFitView();

  const direction = useEditor((s) => s.map.settings.layoutDirection ?? 'down');
  const tidy = async (way?: LayoutDirection) => {
    // With lanes shown, Tidy up lays out within lanes.
    if (store.getState().lanes) return tidyInLanes();
    setBusy(true);
    try {
      // Tidy up shows the new layout itself: fitted, or from its start on a big map.
      await library.tidyUp(way);
    } finally {
      setBusy(false);
    }
  };

  // Shown in the row on a wide window; below ~1,240 px wide, in the "More" menu instead.
  const secondary: Command[] = [
    {
      label: 'New blank map',
      title: 'Start a new, empty map in the library',
      run: () => void library.newBlankMap(),
    },
    {
      label: 'Example map',
      title: 'Add a copy of the example map to the library',
      run: () => void library.newExampleMap(),
    },
    {
      label: 'Snap to grid',
      title: 'Snap steps to a 20 px grid',
      pressed: snapToGrid,
      run: () => store.getState().setSnapToGrid(!snapToGrid),
    },
    {
      label: THEME_ICON[theme],
      ariaLabel: THEME_NAME[theme],
      title: `${THEME_NAME[theme]} — switch between system, light and dark`,
      run: () => store.getState().setTheme(THEME_NEXT[theme]),
    },
    {
      label: '?',
      ariaLabel: 'Keyboard shortcuts',
      title: 'Keyboard shortcuts (?)',
      run: () => store.getState().setHelpOpen(true),
    },
  ];
  const render = (command: Command) => (
    <button
      key={command.title}
      type="button"
      className="lf-wide-only"
      aria-pressed={command.pressed}
      aria-label={command.ariaLabel}
      title={command.title}
      onClick={command.run}
    >
      {command.label}
    </button>
  );

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
        {secondary.slice(0, 2).map(render)}
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
        <span className="lf-split">
          <button
            type="button"
            onClick={() => void tidy()}
            disabled={busy}
            title={`Lay the map out ${direction === 'right' ? 'left to right' : 'top to bottom'}`}
          >
            Tidy up
          </button>
          <select
            aria-label="Tidy up direction"
            title="Which way Tidy up lays the map out (this map remembers it)"
            value={direction}
            disabled={busy}
            onChange={(event) => void tidy(event.target.value === 'right' ? 'right' : 'down')}
          >
            <option value="down" aria-label="Top to bottom">
              ↓
            </option>
            <option value="right" aria-label="Left to right">
              →
            </option>
          </select>
        </span>
        <button type="button" onClick={fitView} title="Fit view (Shift+1)">
          Fit view
        </button>
        {secondary.slice(2).map(render)}
        <MoreMenu commands={secondary} />
      </div>
      {extra}
    </header>
  );
}

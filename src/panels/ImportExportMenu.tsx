import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/EditorStoreContext';
import { useLogStoreApi } from '../store/LogStoreContext';
import { pickLogFile } from './eventLog/pickLogFile';
import { useLibrary, useLibraryState } from './LibraryContext';
import { useModalDialog } from './useModalDialog';

/**
 * The File menu: import (file picker or pasted text: map JSON, Leverflow PNG, BPMN, Mermaid),
 * export (JSON, PNG, SVG, BPMN, Mermaid), version history.
 */
export function ImportExportMenu() {
  const library = useLibrary();
  const memory = useLibraryState((s) => s.mode === 'memory');
  const menu = useRef<HTMLDetailsElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const setNotice = useEditor((s) => s.setNotice);
  const picture = useEditor(useShallow((s) => s.picture));
  const setPicture = useEditor((s) => s.setPicture);
  const logs = useLogStoreApi();
  const setPanel = useEditor((s) => s.setPanel);
  const run = (action: () => unknown) => () => {
    if (menu.current) menu.current.open = false;
    void action();
  };
  return (
    <details className="lf-menu" ref={menu}>
      <summary>File</summary>
      <div className="lf-menu__items">
        <button type="button" onClick={run(() => input.current?.click())}>
          Import file…
        </button>
        <button type="button" onClick={run(() => library.openDialog('paste'))}>
          Paste a map…
        </button>
        <button
          type="button"
          onClick={run(() =>
            pickLogFile((file) => {
              setPanel('log');
              logs.getState().openFile(file);
            }),
          )}
        >
          Open event log…
        </button>
        <hr />
        <button type="button" onClick={run(() => library.exportJson())}>
          Export JSON
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={run(async () => {
            setBusy(true);
            try {
              await library.exportPng();
            } finally {
              setBusy(false);
            }
          })}
        >
          Export PNG
        </button>
        <button type="button" onClick={run(() => library.exportSvg())}>
          Export SVG
        </button>
        <fieldset className="lf-menu__options">
          <legend>In PNG and SVG pictures</legend>
          <label>
            <input
              type="checkbox"
              checked={picture.markers}
              onChange={(event) => setPicture({ markers: event.target.checked })}
            />
            Findings markers
          </label>
          <label>
            <input
              type="checkbox"
              checked={picture.title}
              onChange={(event) => setPicture({ title: event.target.checked })}
            />
            The map's name as a title
          </label>
        </fieldset>
        <button type="button" onClick={run(() => library.exportBpmn())}>
          Export BPMN
        </button>
        <button type="button" onClick={run(() => library.exportMermaid())}>
          Export Mermaid
        </button>
        <button type="button" onClick={run(async () => setNotice(await library.copyMermaid()))}>
          Copy as Mermaid
        </button>
        <hr />
        <button type="button" disabled={memory} onClick={run(() => library.openDialog('history'))}>
          Version history…
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".json,.leverflow.json,application/json,image/png,.bpmn,.xml,.mmd,.mermaid,.txt,.md"
        aria-label="Map file to import"
        hidden
        multiple
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void library.importFiles(files);
        }}
      />
    </details>
  );
}

/** A textarea for map JSON (or BPMN or Mermaid text); importing it creates a new map. */
export function PasteMapDialog() {
  const library = useLibrary();
  const open = useLibraryState((s) => s.dialog === 'paste');
  const ref = useModalDialog(open);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <dialog
      ref={ref}
      className="lf-dialog lf-paste"
      aria-labelledby="lf-paste-title"
      onClose={() => {
        setError(null);
        library.openDialog(null);
      }}
    >
      <h2 id="lf-paste-title">Paste a map (JSON, Mermaid or BPMN)</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void library.importText(text).then((message) => {
            setError(message);
            if (message === null) {
              setText('');
              library.openDialog(null);
            }
          });
        }}
      >
        <label>
          Map file JSON, BPMN XML or a Mermaid flowchart (opens as a new map)
          <textarea
            value={text}
            rows={12}
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        {error ? (
          <pre className="lf-import-error" role="alert">
            {error}
          </pre>
        ) : null}
        <div className="lf-banner__actions">
          <button type="submit" disabled={text.trim() === ''}>
            Import as new map
          </button>
          <button type="button" onClick={() => library.openDialog(null)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

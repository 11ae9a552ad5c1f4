import { useEffect } from 'react';
import type { ProcessMap } from '../model';
import type { EditorStore } from '../store/createEditorStore';
import type { LogStore } from '../store/createLogStore';

/** What a replay depends on in a map: not where steps are drawn. */
function replayKey(map: ProcessMap): string {
  return JSON.stringify([
    map.nodes.map((n) => [
      n.id,
      n.kind,
      n.label,
      'ownerId' in n ? n.ownerId : 0,
      'sla' in n ? n.sla : 0,
    ]),
    map.edges.map((e) => [e.id, e.source, e.target]),
    map.people,
    map.acceptedFindings,
  ]);
}

const DROPPED_LOG = /\.(csv|tsv|xes)$/i;

/**
 * Keeps the log's replay on the open map up to date (asks the log's worker again after any
 * change that matters to it: steps, arrows, people, marks; not moves), and opens .csv and .xes files dropped on
 * the window as event logs (before the library sees them as maps).
 */
export function useLogReplay(editor: EditorStore, logs: LogStore): void {
  useEffect(() => {
    let lastKey = '';
    let lastLog: unknown = null;
    let lastManual: unknown = null;
    const update = () => {
      const { imported, manual } = logs.getState();
      if (!imported) {
        if (logs.getState().replay) logs.getState().setReplay(null);
        lastLog = null;
        return;
      }
      const map = editor.getState().map;
      const key = replayKey(map);
      if (key === lastKey && imported === lastLog && manual === lastManual) return;
      lastKey = key;
      lastLog = imported;
      lastManual = manual;
      logs.getState().requestReplay(map);
    };
    update();
    const stopEditor = editor.subscribe((s, prev) => {
      if (s.map !== prev.map) update();
    });
    const stopLogs = logs.subscribe((s, prev) => {
      if (s.imported !== prev.imported || s.manual !== prev.manual) update();
    });
    return () => {
      stopEditor();
      stopLogs();
    };
  }, [editor, logs]);

  useEffect(() => {
    const onDrop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      const file = files[0];
      if (files.length !== 1 || !file || !DROPPED_LOG.test(file.name)) return;
      event.preventDefault();
      event.stopPropagation();
      editor.getState().setPanel('log');
      logs.getState().openFile(file);
    };
    window.addEventListener('drop', onDrop, true);
    return () => window.removeEventListener('drop', onDrop, true);
  }, [editor, logs]);
}

import {
  useStore as useFlowStore,
  useNodesInitialized,
  useOnViewportChange,
  useReactFlow,
  useStoreApi,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { importAnyFile, importAnyText } from '../io/importAnyFile';
import { FIT_PADDING, openingStepIds } from '../layout/openingStepIds';
import { nameAfterStart } from '../model';
import type { LibraryCommands } from '../panels/LibraryContext';
import type { EditorStore } from '../store/createEditorStore';
import { useEditor } from '../store/EditorStoreContext';
import { exportJson, exportPng, exportSvg } from './exports/exportActions';
import { copyMermaid, exportBpmnFile, exportMermaidFile } from './exports/exportInterop';
import { createPersistence, type PersistenceOptions } from './persistence/createPersistence';

/** What pasted text is called in messages, and the name a pasted map gets until renamed. */
const PASTED = 'the pasted text';

/**
 * Wires the editor store to browser storage (see `src/persistence/index.ts` for the order):
 * loads the map that was open with its view, autosaves every change, follows other tabs,
 * opens files dropped on the window, and provides the library and file commands.
 * Call once, inside <ReactFlowProvider>.
 */
export function usePersistence(
  editor: EditorStore,
  options: Omit<PersistenceOptions, 'editor'> = {},
): LibraryCommands {
  const [persistence] = useState(() => createPersistence({ ...options, editor }));
  const flow = useReactFlow();
  const flowStore = useStoreApi();

  useEffect(() => {
    void persistence.start();
    return () => persistence.stop();
  }, [persistence]);

  // Show a newly opened map: its saved view, or its opening view (see openingStepIds).
  const view = useStore(persistence.state, (s) => s.view);
  const initialized = useNodesInitialized();
  const flowReady = useFlowStore((s) => s.panZoom !== null && s.width > 0 && s.height > 0);
  const nodeCount = useEditor((s) => s.map.nodes.length);
  const applied = useRef(0);
  useEffect(() => {
    if (view.seq === applied.current || !flowReady || (nodeCount > 0 && !initialized)) return;
    const frame = requestAnimationFrame(() => {
      // Marked as shown only once it is: a re-render before this frame cancels it, and the
      // next run of this effect must then show the view again.
      applied.current = view.seq;
      const { width, height } = flowStore.getState();
      // Read the map now: the view of a new map can arrive before its steps do.
      if (view.viewport) void flow.setViewport(view.viewport);
      else if (editor.getState().map.nodes.length === 0) {
        // An empty map opens at zoom 1 with its origin, where new steps go, in the middle.
        void flow.setViewport({ x: Math.round(width / 2), y: Math.round(height / 2), zoom: 1 });
      } else {
        const ids = openingStepIds(editor.getState().map, { width, height });
        void flow.fitView({
          padding: FIT_PADDING,
          maxZoom: 1.2,
          includeHiddenNodes: true,
          ...(ids ? { nodes: ids.map((id) => ({ id })) } : {}),
        });
      }
      // For the benchmarks: the moment an opened map is shown in its view.
      performance.mark?.('leverflow:shown');
    });
    return () => cancelAnimationFrame(frame);
  }, [view, initialized, flowReady, nodeCount, flow, flowStore, editor]);

  useOnViewportChange({ onEnd: (viewport) => persistence.rememberViewport(viewport) });

  const commands = useMemo<LibraryCommands>(() => {
    const map = () => editor.getState().map;
    return {
      ...persistence,
      async importFile(file) {
        const result = await importAnyFile(file);
        if (!result.ok) {
          persistence.showBanner('error', result.message);
          return false;
        }
        const created = await persistence.importMap(result.map);
        if (result.report) editor.getState().setNotice(sentences(result.report));
        return created;
      },
      async importText(text) {
        const result = await importAnyText(text, PASTED);
        if (!result.ok) return result.message;
        await persistence.importMap(nameAfterStart(result.map, PASTED));
        if (result.report) editor.getState().setNotice(sentences(result.report));
        return null;
      },
      exportBpmn: () => exportBpmnFile(map()),
      exportMermaid: () => exportMermaidFile(map()),
      copyMermaid: () => copyMermaid(map()),
      exportJson: () => exportJson(map()),
      exportSvg: () => exportSvg(map()),
      async exportPng() {
        try {
          const notice = await exportPng(map(), flow);
          if (notice) editor.getState().setNotice(notice);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          persistence.showBanner('error', `Could not export the picture: ${detail}`);
        }
      },
    };
  }, [persistence, editor, flow]);

  // Files dropped anywhere on the window open as new maps (the canvas keeps palette drops).
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void commands.importFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [commands]);

  return commands;
}

/** Report lines as one paragraph: each line a sentence. */
function sentences(lines: readonly string[]): string {
  return lines.map((l) => (/[.!?]$/.test(l.trim()) ? l.trim() : `${l.trim()}.`)).join(' ');
}

import {
  useStore as useFlowStore,
  useNodesInitialized,
  useOnViewportChange,
  useReactFlow,
  useStoreApi,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { isCulled } from '../canvas/cullAbove';
import { OPENING_MAX_ZOOM, viewForLayout } from '../canvas/viewForLayout';
import { looksLikeDiagramText } from '../io/importAnyFile';
import {
  importFileInWorker,
  importTextInWorker,
  tidyUpInWorker,
  warmLayoutWorker,
} from '../io/runLayoutJob';
import { coordsToMoves } from '../io/stepColumns';
import { type MapEdit, nameAfterStart } from '../model';
import type { LibraryCommands } from '../panels/LibraryContext';
import type { EditorStore } from '../store/createEditorStore';
import { useEditor } from '../store/EditorStoreContext';
import { afterPaint } from './afterPaint';
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

  // Load the import and layout worker while the map opens, before anyone imports.
  useEffect(() => {
    const timer = setTimeout(warmLayoutWorker, 500);
    return () => clearTimeout(timer);
  }, []);

  // Show a newly opened map: its saved view, or its opening view (see openingStepIds).
  const view = useStore(persistence.state, (s) => s.view);
  const initialized = useNodesInitialized();
  const flowReady = useFlowStore((s) => s.panZoom !== null && s.width > 0 && s.height > 0);
  const nodeCount = useEditor((s) => s.map.nodes.length);
  const edgeCount = useEditor((s) => s.map.edges.length);
  // React Flow takes a map's steps a render later (a deferred value in the canvas): the
  // opening view waits until it has them. A big map's view is worked out from the map alone,
  // and React Flow holds only its steps near the view (maybe none), so it does not wait.
  const culled = isCulled(nodeCount, edgeCount);
  const first = useEditor((s) => s.map.nodes[0]);
  const flowHasMap = useFlowStore((s) => {
    const shown = first && s.nodeLookup.get(first.id);
    return (
      !first ||
      (!!shown && shown.position.x === first.position.x && shown.position.y === first.position.y)
    );
  });
  // An imported big map is held back from React Flow until its first view is set (see
  // openFile), so that view does not wait for React Flow to have its steps.
  const heldBack = useEditor((s) => s.relayout !== null && s.relayout.nodes === null);
  const applied = useRef(0);
  useEffect(() => {
    if (
      view.seq === applied.current ||
      !flowReady ||
      (!heldBack && !culled && nodeCount > 0 && (!initialized || !flowHasMap))
    )
      return;
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
        // Worked out from the map, not with React Flow's fitView, which would go over every
        // step it holds in the task that hands it a big map's steps.
        const { minZoom, maxZoom } = flowStore.getState();
        const opening = viewForLayout(
          editor.getState().map,
          { width, height },
          { minZoom, maxZoom: Math.min(OPENING_MAX_ZOOM, maxZoom) },
        );
        if (opening) void flow.setViewport(opening);
      }
      // The view is set: the canvas fills in the map's steps now in view.
      if (editor.getState().relayout?.nodes === null) {
        editor.getState().setRelayout({ nodes: editor.getState().map.nodes });
      }
      // For the benchmarks: the moment an opened map is shown in its view.
      performance.mark?.('leverflow:shown');
    });
    return () => cancelAnimationFrame(frame);
  }, [
    view,
    initialized,
    flowReady,
    flowHasMap,
    nodeCount,
    culled,
    flow,
    flowStore,
    editor,
    heldBack,
  ]);

  useOnViewportChange({ onEnd: (viewport) => persistence.rememberViewport(viewport) });

  const commands = useMemo<LibraryCommands>(() => {
    const map = () => editor.getState().map;
    /** Reads one file in the layout worker and opens it as a new map. */
    const openFile = async (
      file: File,
    ): Promise<{ ok: true } | { ok: false; cancelled: boolean; message: string }> => {
      const result = await importFileInWorker(file);
      if (!result.ok)
        return { ok: false, cancelled: 'cancelled' in result, message: result.message };
      // A big map: the canvas takes down what it shows in a task of its own, and hands React
      // Flow the new map's steps only once its first view is set (the view effect above).
      const holdBack = isCulled(result.map.nodes.length, result.map.edges.length);
      if (holdBack) {
        editor.getState().setRelayout({ nodes: null });
        await afterPaint();
      }
      let imported = false;
      try {
        imported = await persistence.importMap(result.map);
      } finally {
        if (holdBack && !imported) editor.getState().setRelayout(null);
      }
      if (!imported) {
        return {
          ok: false,
          cancelled: false,
          message: `Could not add "${file.name}" to the library.`,
        };
      }
      if (result.report) editor.getState().setNotice(sentences(result.report));
      return { ok: true };
    };
    const commands: LibraryCommands = {
      ...persistence,
      async importFile(file) {
        // Save what is open first: an import may take a while, and the tab may be closed.
        await persistence.flush();
        const opened = await openFile(file);
        if (!opened.ok) {
          if (opened.cancelled) editor.getState().setNotice(opened.message);
          else persistence.showBanner('error', opened.message);
        }
        return opened.ok;
      },
      async importFiles(files) {
        if (files.length <= 1) {
          if (files[0]) await commands.importFile(files[0]);
          return;
        }
        await persistence.flush();
        const taken = files.slice(0, MAX_FILES_AT_ONCE);
        const opened: string[] = [];
        const failed: string[] = [];
        let cancelled = 0;
        for (const [i, file] of taken.entries()) {
          const result = await openFile(file);
          if (result.ok) opened.push(file.name);
          else if (result.cancelled) {
            cancelled = taken.length - i;
            break;
          } else failed.push(result.message);
        }
        const lines = [
          ...failed,
          ...(cancelled > 0 ? [`${count(cancelled, 'file')} not opened: cancelled.`] : []),
          ...(files.length > taken.length
            ? [
                `${count(files.length - taken.length, 'more file')} skipped: Leverflow opens at most ${MAX_FILES_AT_ONCE} files at once.`,
              ]
            : []),
        ];
        const summary = `Opened ${opened.length} of ${count(files.length, 'file')} as new maps in the Library`;
        if (lines.length > 0) persistence.showBanner('error', `${summary}.\n${lines.join('\n')}`);
        if (opened.length > 0) {
          editor.getState().setNotice(`${summary}: ${opened.map((n) => `"${n}"`).join(', ')}.`);
        }
      },
      async importText(text) {
        await persistence.flush();
        const result = await importTextInWorker(text, PASTED);
        if (!result.ok) return result.message;
        await persistence.importMap(nameAfterStart(result.map, PASTED));
        if (result.report) editor.getState().setNotice(sentences(result.report));
        return null;
      },
      async tidyUp(direction) {
        const { settings } = map();
        const way = direction ?? settings.layoutDirection ?? 'down';
        const done = await tidyUpInWorker(map(), way);
        if (!done) return false;
        // A big map's canvas takes down what it shows first, in a task of its own, then the
        // steps move; they fill in once React Flow has them (see UiSlice.relayout). A small
        // map's steps stay on screen and move at once. On a big map each part below goes
        // over every step, so each has a task of its own: the moves are made, applied, and
        // the new view is worked out, then shown.
        const holdBack = isCulled(map().nodes.length, map().edges.length);
        const between = () => (holdBack ? afterPaint() : undefined);
        if (holdBack) editor.getState().setRelayout({ nodes: null });
        let view: ReturnType<typeof viewForLayout> = null;
        try {
          await between();
          // The new positions and the remembered direction are one undo step.
          const edits: MapEdit[] = coordsToMoves(done.ids, done.coords);
          if (way !== (settings.layoutDirection ?? 'down')) {
            edits.push({ type: 'updateSettings', patch: { layoutDirection: way } });
          }
          await between();
          editor.getState().applyEdits(edits);
          await between();
          const { width, height, minZoom, maxZoom } = flowStore.getState();
          view = viewForLayout(map(), { width, height }, { minZoom, maxZoom });
          await between();
        } catch (error) {
          if (holdBack) editor.getState().setRelayout(null);
          throw error;
        }
        // The view moves to the new layout in the same frame as the steps, not after them:
        // on a big map an animated fit drew every view on its way, each a long frame.
        if (view) void flow.setViewport(view);
        if (holdBack) editor.getState().setRelayout({ nodes: map().nodes });
        if (done.layout === 'layered') {
          editor
            .getState()
            .setNotice(
              'Too big or dense for Tidy up in time: the steps were laid out in simple layers.',
            );
        }
        return true;
      },
      exportBpmn: () => exportBpmnFile(map()),
      exportMermaid: () => exportMermaidFile(map()),
      copyMermaid: () => copyMermaid(map()),
      exportJson: () => exportJson(map()),
      exportSvg: () => exportSvg(map(), editor.getState().picture),
      async exportPng() {
        try {
          const notice = await exportPng(map(), editor.getState().picture);
          if (notice) editor.getState().setNotice(notice);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          persistence.showBanner('error', `Could not export the picture: ${detail}`);
        }
      },
    };
    return commands;
  }, [persistence, editor, flow, flowStore]);

  // Files dropped anywhere on the window open as new maps (the canvas keeps palette drops).
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      void commands.importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    // Pasted files (a Leverflow PNG, a map file) and pasted BPMN or Mermaid text open as new
    // maps; map JSON is left to the canvas, which pastes its steps into the open map.
    const onPaste = (event: ClipboardEvent) => {
      const data = event.clipboardData;
      if (!data || isEditable(event.target)) return;
      const files = [...data.files];
      const text = files.length > 0 ? '' : data.getData('text/plain');
      if (files.length === 0 && !looksLikeDiagramText(text)) return;
      event.preventDefault();
      event.stopPropagation();
      if (files.length > 0) void commands.importFiles(files);
      else {
        void commands.importText(text).then((message) => {
          if (message) persistence.showBanner('error', message);
        });
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste, true);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste, true);
    };
  }, [commands, persistence]);

  return commands;
}

/**
 * Files dropped or picked at once beyond this are skipped (and counted): each opens as a map
 * in the library, as draw.io opens each of several dropped files.
 */
const MAX_FILES_AT_ONCE = 20;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Report lines as one paragraph: each line a sentence. */
function sentences(lines: readonly string[]): string {
  return lines.map((l) => (/[.!?]$/.test(l.trim()) ? l.trim() : `${l.trim()}.`)).join(' ');
}

import { createStore } from 'zustand/vanilla';
import type { ProcessMap } from '../model';
import { type Review, reviewMap } from '../review';
import { type AnalysisMessage, createAnswerJoiner } from './analysisAnswerParts';
import { sameAnalysisInput } from './analysisSignature';
import type { AnalysisRequest } from './createAnalysisHandler';
import type { EditorStore } from './createEditorStore';
import { createFindingsIndex, type FindingsIndex, type IndexedReport } from './findingsIndex';
import { diffMap, toTextPatch } from './mapPatch';

export interface AnalysisState extends IndexedReport {
  /** True while a newer map is being analyzed (big maps, in a worker). */
  pending: boolean;
  /** Where the analysis ran last: on the main thread or in a worker. */
  ranIn: 'main' | 'worker';
}

/** Maps above this many steps are analyzed in a Web Worker, so drawing never waits for it. */
export const WORKER_THRESHOLD = 250;
const DEBOUNCE_MS = 40;
/** A whole map of more steps than this is sent to the worker as text (see toTextPatch). */
const TEXT_ABOVE = 2000;

function index(report: Review, map: ProcessMap): IndexedReport {
  return createFindingsIndex(map).add(report.findings).result(report);
}

export type WorkerFactory = () => Worker;

/**
 * Keeps an analysis of the editor's open map up to date: small maps are analyzed on the
 * main thread shortly after each change (moves alone don't re-run it), big maps in a Web
 * Worker so drawing never waits. Call `start()` to follow the editor; it returns the function that stops.
 * @example const runner = createAnalysisStore(editor); const stop = runner.start(); runner.store.getState().report
 */
export function createAnalysisStore(editor: EditorStore, makeWorker?: WorkerFactory) {
  // A big map is analyzed in the worker once `start()` runs; until then (a moment) the
  // report is that of an empty map, so opening a big map never waits for its analysis.
  const initial = editor.getState().map;
  const big = initial.nodes.length > WORKER_THRESHOLD && makeWorker !== undefined;
  let analyzed: ProcessMap = big ? { ...initial, nodes: [], edges: [] } : initial;
  const first = reviewMap(analyzed);
  const store = createStore<AnalysisState>()(() => ({
    ...index(first, analyzed),
    pending: false,
    ranIn: 'main',
  }));

  let timer: ReturnType<typeof setTimeout> | undefined;
  let worker: Worker | undefined;
  /** The map the worker holds (what it was last sent), so the next message is a patch. */
  let sent: ProcessMap | null = null;
  let requestId = 0;
  /** The last answer the worker sent that was taken in whole (the next request names it). */
  let held: () => number | null = () => null;
  /** The last message to the worker, once posted: the next waits for it. */
  let posting: Promise<void> = Promise.resolve();

  const publish = (indexed: ReturnType<typeof index>, ranIn: 'main' | 'worker') =>
    store.setState({ ...indexed, pending: false, ranIn });

  const run = () => {
    timer = undefined;
    const map = editor.getState().map;
    if (sameAnalysisInput(map, analyzed)) {
      store.setState({ pending: false });
      return;
    }
    analyzed = map;
    if (map.nodes.length > WORKER_THRESHOLD && makeWorker) {
      if (!worker) {
        worker = makeWorker();
        let slices: { id: number; index: FindingsIndex } | null = null;
        // Reading a message copies it in (a big map's report is megabytes: thousands of
        // findings with their fixes), a slice of the findings per message. Each slice is
        // indexed in its own message's task, and the next task after the last shows the
        // whole, so none of them is a long task that freezes the canvas.
        const joiner = createAnswerJoiner((id, findings) => {
          if (id !== requestId) return;
          if (slices?.id !== id) slices = { id, index: createFindingsIndex(analyzed) };
          slices.index.add(findings);
        });
        held = joiner.held;
        worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
          const answer = joiner.join(event.data);
          if (answer === null || answer.id !== requestId) return;
          const { id } = answer;
          const sliced = slices?.id === id ? slices.index : null;
          slices = null;
          const indexed = sliced ? sliced.result(answer.report) : index(answer.report, analyzed);
          setTimeout(() => {
            if (id === requestId) publish(indexed, 'worker');
          }, 0);
        };
      }
      requestId += 1;
      const id = requestId;
      const patch = diffMap(sent, map);
      sent = map;
      // A whole big map goes as text written over several tasks; the messages still reach
      // the worker in the order they were asked for.
      const to = worker;
      posting = posting.then(async () => {
        if (patch.kind === 'full' && map.nodes.length > TEXT_ABOVE) {
          const text = await toTextPatch(map);
          const request: AnalysisRequest = { id, patch: text.patch, base: held() };
          to.postMessage(request, text.transfer);
        } else {
          const request: AnalysisRequest = { id, patch, base: held() };
          to.postMessage(request);
        }
      });
    } else {
      requestId += 1; // a late worker answer for an older map is ignored
      publish(index(reviewMap(map), map), 'main');
    }
  };

  const schedule = () => {
    if (sameAnalysisInput(editor.getState().map, analyzed)) return;
    store.setState({ pending: true });
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };

  return {
    store,
    /** Starts following the editor's map; returns the function that stops it. */
    start: () => {
      const unsubscribe = editor.subscribe((state, prev) => {
        if (state.map !== prev.map) schedule();
      });
      schedule();
      return () => {
        unsubscribe();
        if (timer) clearTimeout(timer);
        timer = undefined;
        worker?.terminate();
        worker = undefined;
        sent = null;
      };
    },
    /** Runs a pending analysis now (tests, and before applying a suggestion). */
    flush: () => {
      if (timer) {
        clearTimeout(timer);
        run();
      }
    },
  };
}

export type AnalysisStore = ReturnType<typeof createAnalysisStore>['store'];

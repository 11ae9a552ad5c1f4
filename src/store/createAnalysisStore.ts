import { createStore } from 'zustand/vanilla';
import type { ProcessMap } from '../model';
import { findingKey, type Review, type ReviewFinding, reviewMap } from '../review';
import { type AnalysisMessage, createAnswerJoiner } from './analysisAnswerParts';
import { sameAnalysisInput } from './analysisSignature';
import type { AnalysisRequest } from './createAnalysisHandler';
import type { EditorStore } from './createEditorStore';
import { diffMap } from './mapPatch';

export interface AnalysisState {
  report: Review;
  /** The findings to show: the report's, less those the owner marked as intended. */
  findings: readonly ReviewFinding[];
  /** Findings marked as intended (hidden unless the user asks to see them). */
  hidden: readonly ReviewFinding[];
  /** Findings per step id and per arrow id, for the markers on the canvas. */
  byNode: ReadonlyMap<string, readonly ReviewFinding[]>;
  byEdge: ReadonlyMap<string, readonly ReviewFinding[]>;
  /** Each step's expected time per case as a share of the slowest step's (0..1). */
  heat: Readonly<Record<string, number>>;
  /** True while a newer map is being analyzed (big maps, in a worker). */
  pending: boolean;
  /** Where the analysis ran last: on the main thread or in a worker. */
  ranIn: 'main' | 'worker';
}

/** Maps above this many steps are analyzed in a Web Worker, so drawing never waits for it. */
export const WORKER_THRESHOLD = 250;
const DEBOUNCE_MS = 40;

function index(
  report: Review,
  map: ProcessMap,
): Pick<AnalysisState, 'report' | 'findings' | 'hidden' | 'byNode' | 'byEdge' | 'heat'> {
  const accepted = new Set(map.acceptedFindings.map((f) => f.key));
  let findings: ReviewFinding[] = report.findings as ReviewFinding[];
  const hidden: ReviewFinding[] = [];
  if (accepted.size > 0) {
    findings = [];
    for (const f of report.findings) (accepted.has(findingKey(f)) ? hidden : findings).push(f);
  }
  const byNode = new Map<string, ReviewFinding[]>();
  const byEdge = new Map<string, ReviewFinding[]>();
  const add = (index: Map<string, ReviewFinding[]>, id: string, finding: ReviewFinding) => {
    const list = index.get(id);
    if (list) list.push(finding);
    else index.set(id, [finding]);
  };
  for (const finding of findings) {
    for (const id of finding.nodeIds) add(byNode, id, finding);
    for (const id of finding.edgeIds) add(byEdge, id, finding);
  }
  const heat: Record<string, number> = Object.create(null); // keyed by ids: "__proto__" is an id too
  if (report.metrics.available) {
    const { nodeIds, expectedMinutesPerCase: minutes } = report.metrics;
    let max = 0;
    for (const m of minutes) if (m > max) max = m;
    if (max > 0) {
      for (let i = 0; i < nodeIds.length; i++) heat[nodeIds[i] ?? ''] = (minutes[i] ?? 0) / max;
    }
  }
  return { report, findings, hidden, byNode, byEdge, heat };
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
        const join = createAnswerJoiner();
        worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
          // Reading a message copies it in (a big map's report is megabytes: thousands of
          // findings with their fixes), a slice of the findings per message. The last one's
          // task indexes the whole, and the next task shows it, so none of them is a long
          // task that freezes the canvas.
          const answer = join(event.data);
          if (answer === null || answer.id !== requestId) return;
          const { id } = answer;
          const indexed = index(answer.report, analyzed);
          setTimeout(() => {
            if (id === requestId) publish(indexed, 'worker');
          }, 0);
        };
      }
      requestId += 1;
      const request: AnalysisRequest = { id: requestId, patch: diffMap(sent, map) };
      worker.postMessage(request);
      sent = map;
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

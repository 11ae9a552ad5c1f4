import { LAYOUT_BUDGET } from '../layout/layoutBudget';
import type { LayoutDirection, MapEdge, MapNode } from '../model';
import type { AnyImportResult } from './importAnyFile';
import type { LayoutWorkerRequest } from './layout.worker';
import {
  createLayoutAnswerJoiner,
  type LayoutAnswer,
  type LayoutAnswerMessage,
} from './layoutAnswer';
import { doLayoutJob, type LayoutJob, type TidyUpResult } from './layoutJob';
import { toStepColumns } from './stepColumns';

/** What the layout worker is doing, for the progress bar; null when idle. */
export interface LayoutActivity {
  /** e.g. "Opening orders.mmd" or "Tidying up 300 steps". */
  what: string;
  startedAt: number;
  /** elkjs ran out of time: the quick layers are being computed instead. */
  quick: boolean;
}

let activity: LayoutActivity | null = null;
let cancelCurrent: (() => void) | null = null;
const listeners = new Set<() => void>();

function setActivity(next: LayoutActivity | null) {
  activity = next;
  for (const listener of listeners) listener();
}

/** The layout worker's activity, readable with React's useSyncExternalStore. */
export const layoutActivity = {
  get: (): LayoutActivity | null => activity,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Stops the running import or Tidy up: its worker is ended and nothing changes. */
export function cancelLayoutJob(): void {
  cancelCurrent?.();
}

const makeWorker = () =>
  new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });

/** A worker that finished its last job, kept so the next one need not load elkjs again. */
let idle: Worker | null = null;

/**
 * Starts the layout worker ahead of the first import, so that import does not wait for
 * elkjs and the readers to load. Does nothing without Web Workers or when one is ready.
 */
export function warmLayoutWorker(): void {
  if (typeof Worker !== 'undefined' && idle === null && cancelCurrent === null) {
    idle = makeWorker();
    idle.postMessage({ warm: true } satisfies LayoutWorkerRequest);
  }
}

/**
 * One attempt in a worker; `timeMs` ends it with 'timeout' (the worker is ended then),
 * counted from the worker's { started: true }: loading the worker and elkjs is not counted.
 */
function attempt(job: LayoutJob, quick: boolean, timeMs: number | null) {
  return new Promise<LayoutAnswer | 'cancelled' | 'timeout'>((resolve) => {
    const worker = idle ?? makeWorker();
    idle = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (answer: LayoutAnswer | 'cancelled' | 'timeout') => {
      clearTimeout(timer);
      if (typeof answer === 'object') idle ??= worker;
      else worker.terminate();
      cancelCurrent = null;
      resolve(answer);
    };
    cancelCurrent = () => settle('cancelled');
    const join = createLayoutAnswerJoiner();
    worker.onmessage = (event: MessageEvent<LayoutAnswerMessage | { started: true }>) => {
      if ('started' in event.data) {
        if (timeMs !== null) timer = setTimeout(() => settle('timeout'), timeMs);
        return;
      }
      const answer = join(event.data);
      if (answer) settle(answer);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      settle({ ok: false, message: event.message || 'the layout worker stopped' });
    };
    worker.postMessage({ job, quick } satisfies LayoutWorkerRequest);
  });
}

/**
 * Runs a job in the layout worker within the time budget: elkjs first, and if it has not
 * finished after {@link LAYOUT_BUDGET}.timeMs, the worker is ended and the job runs again
 * with the quick layers. Without Web Workers (Node, tests) it runs in place.
 */
async function runLayoutJob(job: LayoutJob, what: string): Promise<LayoutAnswer | 'cancelled'> {
  if (typeof Worker === 'undefined') {
    try {
      return { ok: true, result: await doLayoutJob(job, false) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }
  setActivity({ what, startedAt: Date.now(), quick: false });
  let outOfTime = false;
  try {
    const first = await attempt(job, false, LAYOUT_BUDGET.timeMs);
    if (first !== 'timeout') return first;
    outOfTime = true;
    setActivity({ what, startedAt: activity?.startedAt ?? Date.now(), quick: true });
    const second = await attempt(job, true, null);
    return second === 'timeout' ? 'cancelled' : second;
  } finally {
    setActivity(null);
    // For the layout benchmark: the moment a job is over (done, fallen back or cancelled).
    performance.mark?.('leverflow:layout-done', { detail: { outOfTime } });
  }
}

/** The outcome of an import that ran in the layout worker. */
export type WorkerImportResult = AnyImportResult | { ok: false; cancelled: true; message: string };

const CANCELLED = { ok: false, cancelled: true, message: 'Import cancelled.' } as const;

function asImport(answer: LayoutAnswer | 'cancelled', name: string): WorkerImportResult {
  if (answer === 'cancelled') return CANCELLED;
  if (!answer.ok) {
    return { ok: false, code: 'unreadable', message: `Could not open ${name}: ${answer.message}` };
  }
  const { result } = answer;
  return 'coords' in result
    ? { ok: false, code: 'unreadable', message: `Could not open ${name}.` }
    : result;
}

/**
 * Reads a picked or dropped file in the layout worker (parse, check, lay out), with the
 * progress bar and Cancel. Never throws.
 * @example const result = await importFileInWorker(file); if (result.ok) createMap(result.map)
 */
export async function importFileInWorker(
  file: Blob & { name?: string },
): Promise<WorkerImportResult> {
  const name = file.name ? `"${file.name}"` : 'this file';
  return asImport(await runLayoutJob({ type: 'import-file', file }, `Opening ${name}`), name);
}

/** Like {@link importFileInWorker}, for pasted text. */
export async function importTextInWorker(text: string, name: string): Promise<WorkerImportResult> {
  return asImport(
    await runLayoutJob({ type: 'import-text', text, name }, `Opening ${name}`),
    `"${name}"`,
  );
}

/** Tidy up's new positions: x, y pairs in the order of `ids` (see coordsToMoves). */
export interface TidyUpDone {
  ids: readonly string[];
  coords: Float64Array;
  layout: TidyUpResult['layout'];
}

/**
 * Tidy up in the layout worker: new positions, or null when cancelled or failed.
 * @example const done = await tidyUpInWorker(map); if (done) applyEdits(coordsToMoves(done.ids, done.coords))
 */
export async function tidyUpInWorker(
  map: { nodes: MapNode[]; edges: MapEdge[] },
  direction: LayoutDirection = 'down',
): Promise<TidyUpDone | null> {
  const steps = toStepColumns(map.nodes, map.edges);
  const answer = await runLayoutJob(
    { type: 'tidy-up', steps, direction },
    `Tidying up ${map.nodes.length} steps`,
  );
  if (answer === 'cancelled' || !answer.ok || !('coords' in answer.result)) return null;
  const { coords, layout } = answer.result;
  return { ids: steps.ids, coords, layout };
}

import { createStore } from 'zustand/vanilla';
import type { Discovery } from '../eventlog/discoverMap';
import type { ImportedLog } from '../eventlog/EventLog';
import type { ColumnMapping } from '../eventlog/guessColumns';
import type { DateFormat } from '../eventlog/parseTimestamp';
import type { CsvPreview } from '../eventlog/readEventCsv';
import type { Replay } from '../eventlog/replayTypes';
import {
  type LogArrays,
  type LogJobAnswer,
  type LogJobRequest,
  runLogJob,
} from '../io/eventLogJob';
import {
  type LogSessionHandle,
  type LogSessionStarter,
  type LogWorkerAnswer,
  startLogSession,
} from '../io/logSessionJob';
import type { ProcessMap } from '../model';

/** What the canvas shows from the log: nothing, how often, or how long. */
export type LogView = 'off' | 'frequency' | 'time';

export interface LogStoreState {
  /** idle: no job; reading: the worker is busy; columns: the column dialog is open. */
  phase: 'idle' | 'reading' | 'columns';
  /** Share of the file read, 0..1. */
  progress: number;
  /** The file being read or last read. */
  fileName: string | null;
  preview: CsvPreview | null;
  error: string | null;
  /** The log in use, with what could not be read. */
  imported: (ImportedLog & { fileName: string }) | null;
  /**
   * The log replayed on the open map (kept up to date by the app, computed in the log's
   * worker). After an edit it stays shown, with `replayPending`, until the replay of the
   * latest map arrives; replays of older maps arriving meanwhile are dropped.
   */
  replay: Replay | null;
  /** A replay of a newer map than the one `replay` was made from is being computed. */
  replayPending: boolean;
  /** The map discovered at the sliders' position (computed in the log's worker). */
  discovery: Discovery | null;
  /** The sliders moved since `discovery` was made. */
  discoveryPending: boolean;
  /** The slowest steps by median time, a third of them and at most three (id -> 0 for the slowest). */
  slowest: ReadonlyMap<string, number>;
  /** The busiest arrow's count, for arrow widths. */
  busiest: number;
  view: LogView;
  /** Activities matched to steps by hand: activity name -> step id. */
  manual: Record<string, string>;
  /** Whether the log in use is kept with its map in browser storage yet (set by the app). */
  stored: 'saving' | 'saved' | 'failed' | null;
  /** The discovery sliders. */
  filter: { activities: number; paths: number };
  openFile: (file: File) => void;
  confirmColumns: (mapping: ColumnMapping, dateFormat: DateFormat) => void;
  cancel: () => void;
  /**
   * Uses a log (read by a worker, from storage, in a test). `spare`, a copy of its typed
   * arrays nobody else uses, goes to the log's worker without copying.
   */
  setLog: (imported: (ImportedLog & { fileName: string }) | null, spare?: LogArrays) => void;
  setReplay: (replay: Replay | null) => void;
  /**
   * The log in use packed for storage by its worker (null when the log went before that).
   */
  pack: () => Promise<Uint8Array | null>;
  /** Asks the log's worker for the replay on `map` (with the manual matches); see `replay`. */
  requestReplay: (map: ProcessMap) => void;
  setView: (view: LogView) => void;
  setManual: (activity: string, nodeId: string | null) => void;
  setFilter: (patch: Partial<LogStoreState['filter']>) => void;
}

export type LogJobRunner = (
  request: LogJobRequest,
  onAnswer: (answer: LogJobAnswer) => void,
) => () => void;

/**
 * The event log beside the open map: the reading job (progress, column dialog, cancel), the
 * log, its replay on the map, and what the canvas and the Log tab show. Not part of undo.
 * `run` starts a reading job and `startSession` the worker that holds a log in use and
 * replays and discovers with it (both replaced in tests).
 * @example const logs = createLogStore(); logs.getState().openFile(file);
 */
export function createLogStore(
  run: LogJobRunner = runLogJob,
  startSession: LogSessionStarter = startLogSession,
) {
  let file: File | null = null;
  let cancelJob: (() => void) | null = null;
  let session: LogSessionHandle | null = null;
  /** Revision of the latest replay and discovery requested: only their answers are shown. */
  let replayRev = 0;
  let discoverRev = 0;
  /** Who waits for the log in use to be packed. */
  let packing: ((data: Uint8Array | null) => void)[] = [];
  const endSession = () => {
    session?.end();
    session = null;
    for (const done of packing) done(null);
    packing = [];
  };
  const store = createStore<LogStoreState>()((set, get) => {
    const discover = () => {
      const { imported, filter } = get();
      if (!session || !imported) return;
      set({ discoveryPending: true });
      session.send({
        type: 'discover',
        rev: ++discoverRev,
        filter,
        name: `Discovered from ${imported.fileName}`.slice(0, 200),
      });
    };
    const heard = (answer: LogWorkerAnswer) => {
      if (answer.type === 'packed') {
        for (const done of packing) done(answer.data);
        packing = [];
      } else if (answer.type === 'replayed') {
        if (answer.rev !== replayRev) return;
        get().setReplay(answer.replay);
        set({ replayPending: false });
      } else if (answer.type === 'discovered') {
        if (answer.rev !== discoverRev) return;
        set({ discovery: answer.discovery, discoveryPending: false });
      } else if (answer.rev === -1) {
        set({ error: answer.message, replayPending: false, discoveryPending: false });
        for (const done of packing) done(null);
        packing = [];
      } else if (answer.rev === (answer.request === 'replay' ? replayRev : discoverRev)) {
        set({
          error: `Could not ${answer.request} the log: ${answer.message}`,
          ...(answer.request === 'replay' ? { replayPending: false } : { discoveryPending: false }),
        });
      }
    };
    const handle = (answer: LogJobAnswer) => {
      if (answer.type === 'progress') {
        set({ progress: answer.share });
        return;
      }
      cancelJob = null;
      if (answer.type === 'columns')
        set({ phase: 'columns', preview: answer.preview, progress: 0 });
      else if (answer.type === 'failed') set({ phase: 'idle', error: answer.message, progress: 0 });
      else if (answer.type === 'done') {
        get().setLog({ ...answer.result, fileName: get().fileName ?? 'event log' }, answer.spare);
        set({ phase: 'idle', preview: null, progress: 1 });
      }
    };
    return {
      phase: 'idle',
      progress: 0,
      fileName: null,
      preview: null,
      error: null,
      imported: null,
      replay: null,
      replayPending: false,
      discovery: null,
      discoveryPending: false,
      slowest: new Map(),
      busiest: 1,
      view: 'off',
      stored: null,
      manual: {},
      filter: { activities: 1, paths: 1 },
      openFile: (next) => {
        cancelJob?.();
        file = next;
        set({ phase: 'reading', progress: 0, fileName: next.name, error: null, preview: null });
        cancelJob = run({ type: 'open', file: next }, handle);
      },
      confirmColumns: (mapping, dateFormat) => {
        const preview = get().preview;
        if (!file || !preview) return;
        set({ phase: 'reading', progress: 0 });
        cancelJob = run(
          { type: 'read', file, options: { mapping, dateFormat, delimiter: preview.delimiter } },
          handle,
        );
      },
      cancel: () => {
        cancelJob?.();
        cancelJob = null;
        set({ phase: 'idle', progress: 0, preview: null });
      },
      setLog: (imported, spare) => {
        endSession();
        session = imported ? startSession(imported, heard, spare) : null;
        set({
          imported,
          replay: null,
          replayPending: false,
          discovery: null,
          discoveryPending: false,
          manual: {},
          filter: { activities: imported?.log.activities.length ?? 1, paths: 1 },
          view: imported ? 'frequency' : 'off',
          stored: null,
        });
        discover();
      },
      setReplay: (replay) => {
        const steps = replay ? [...replay.steps.values()] : [];
        const ranked = steps
          .filter((s) => Number.isFinite(s.median) && s.median > 0)
          .sort((a, b) => b.median - a.median)
          .slice(0, Math.min(3, Math.max(1, Math.floor(steps.length / 3))));
        let busiest = 1;
        for (const a of replay?.arrows.values() ?? []) busiest = Math.max(busiest, a.count);
        set({ replay, busiest, slowest: new Map(ranked.map((s, i) => [s.nodeId, i])) });
      },
      pack: () =>
        new Promise((resolve) => {
          if (!session) {
            resolve(null);
            return;
          }
          packing.push(resolve);
          session.send({ type: 'pack' });
        }),
      requestReplay: (map) => {
        const { imported, manual } = get();
        if (!session || !imported) return;
        set({ replayPending: true });
        session.send({ type: 'replay', rev: ++replayRev, map, manual });
      },
      setView: (view) => set({ view }),
      setManual: (activity, nodeId) =>
        set((s) => {
          const manual = { ...s.manual };
          if (nodeId === null) delete manual[activity];
          else manual[activity] = nodeId;
          return { manual };
        }),
      setFilter: (patch) => {
        set((s) => ({ filter: { ...s.filter, ...patch } }));
        discover();
      },
    };
  });
  return store;
}

export type LogStore = ReturnType<typeof createLogStore>;

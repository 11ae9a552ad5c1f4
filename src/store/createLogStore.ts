import { createStore } from 'zustand/vanilla';
import type { ImportedLog } from '../eventlog/EventLog';
import type { ColumnMapping } from '../eventlog/guessColumns';
import { indexLog, type LogIndex } from '../eventlog/indexLog';
import type { DateFormat } from '../eventlog/parseTimestamp';
import type { CsvPreview } from '../eventlog/readEventCsv';
import type { Replay } from '../eventlog/replayTypes';
import { type LogJobAnswer, type LogJobRequest, runLogJob } from '../io/eventLogJob';

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
  /** The log counted once for discovery. */
  index: LogIndex | null;
  /** The log replayed on the open map (kept up to date by the app). */
  replay: Replay | null;
  /** The slowest steps by median time, a third of them and at most three (id -> 0 for the slowest). */
  slowest: ReadonlyMap<string, number>;
  /** The busiest arrow's count, for arrow widths. */
  busiest: number;
  view: LogView;
  /** Activities matched to steps by hand: activity name -> step id. */
  manual: Record<string, string>;
  /** The discovery sliders. */
  filter: { activities: number; paths: number };
  openFile: (file: File) => void;
  confirmColumns: (mapping: ColumnMapping, dateFormat: DateFormat) => void;
  cancel: () => void;
  /** Uses a log read elsewhere (storage, a test). */
  setLog: (imported: (ImportedLog & { fileName: string }) | null) => void;
  setReplay: (replay: Replay | null) => void;
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
 * `run` starts a worker job (replaced in tests).
 * @example const logs = createLogStore(); logs.getState().openFile(file);
 */
export function createLogStore(run: LogJobRunner = runLogJob) {
  let file: File | null = null;
  let cancelJob: (() => void) | null = null;
  const store = createStore<LogStoreState>()((set, get) => {
    const handle = (answer: LogJobAnswer) => {
      if (answer.type === 'progress') {
        set({ progress: answer.share });
        return;
      }
      cancelJob = null;
      if (answer.type === 'columns')
        set({ phase: 'columns', preview: answer.preview, progress: 0 });
      else if (answer.type === 'failed') set({ phase: 'idle', error: answer.message, progress: 0 });
      else {
        get().setLog({ ...answer.result, fileName: get().fileName ?? 'event log' });
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
      index: null,
      replay: null,
      slowest: new Map(),
      busiest: 1,
      view: 'off',
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
      setLog: (imported) => {
        const index = imported ? indexLog(imported.log) : null;
        set({
          imported,
          index,
          replay: null,
          manual: {},
          filter: { activities: imported?.log.activities.length ?? 1, paths: 1 },
          view: imported ? 'frequency' : 'off',
        });
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
      setView: (view) => set({ view }),
      setManual: (activity, nodeId) =>
        set((s) => {
          const manual = { ...s.manual };
          if (nodeId === null) delete manual[activity];
          else manual[activity] = nodeId;
          return { manual };
        }),
      setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
    };
  });
  return store;
}

export type LogStore = ReturnType<typeof createLogStore>;

import { StorageError } from './StorageError';
import { toStorageError } from './toStorageError';

export type AutosaveFailureReason =
  | 'quota'
  | 'unavailable'
  | 'newer-version'
  | 'conflict'
  | 'unknown';

/** What the save indicator shows. `message` is written for a person and says what to do. */
export interface AutosaveStatus {
  state: 'saved' | 'saving' | 'error';
  reason?: AutosaveFailureReason;
  message?: string;
}

export interface AutosaveOptions<T> {
  /** Writes one map; rejects (ideally with a StorageError) when it cannot. */
  save: (map: T, info: { editedAt: number }) => Promise<void>;
  /** At most one write per this many ms while changes keep coming (default 500). */
  throttleMs?: number;
  /** After a failure, try again this often until a write succeeds (default 2000). */
  retryMs?: number;
  onStatus?: (status: AutosaveStatus) => void;
  /**
   * Synchronous last-chance copy for page close (see `library.writeRescueCopy`); `bases` are
   * the maps storage may hold (the one saved, the one being written); false when not written.
   */
  rescue?: (map: T, info: { editedAt: number; bases: T[] }) => boolean | undefined;
  /** Wall clock for `editedAt`, for tests. */
  now?: () => number;
  /**
   * Monotonic clock for the throttle (default `performance.now`): the system clock going back
   * an hour must not hold a write back for an hour.
   */
  clock?: () => number;
}

export interface Autosave<T> {
  /** Records the latest map; it is written at most `throttleMs` after the previous write. */
  schedule(map: T): void;
  /** Writes the latest unsaved map now (after a write in flight); resolves when done or failed. */
  flush(): Promise<void>;
  /** Synchronously hands the latest unsaved map to `rescue`; false when there is none or it was not written. */
  rescueNow(): boolean;
  /** True while a change is not yet stored (pending, being written, or failed). */
  isDirty(): boolean;
  status(): AutosaveStatus;
  /** After a `conflict` or `newer-version` stop, allows writing again (e.g. after a reload). */
  resume(): void;
  /**
   * Tells the autosave which map is in storage now (after loading, following another tab, or
   * settling a conflict): drops any unsaved map and any stop. Scheduling that same object
   * later writes nothing, so showing a loaded map does not save it back. `inStorage: false`
   * (a map recovered but not yet written) keeps it from being the base of a rescue copy.
   */
  markSaved(map: T, inStorage?: boolean): void;
  /** Forgets the unsaved map and stops all timers; call flush() first to keep it. */
  dispose(): void;
}

const MESSAGES: Record<AutosaveFailureReason, string> = {
  quota: 'Storage is full: free space or export the map to a file. Retrying…',
  unavailable:
    'Browser storage is not available, so the map is kept in this tab only. Export it to a file to keep it. Retrying…',
  'newer-version':
    'This map was saved by a newer version of Leverflow, so this tab will not overwrite it. Reload the page to update, and export your changes to a file to keep them.',
  conflict:
    'This map was changed in another tab. Reload to see those changes, or keep yours as a copy.',
  unknown: 'Could not save the map. Retrying…',
};

/** Failures that will not go away by trying again: writing stops until resume(). */
const STOPPING: ReadonlySet<AutosaveFailureReason> = new Set(['newer-version', 'conflict']);

/** Maps any save error to a status the save indicator can show. */
export function failureStatus(error: unknown): AutosaveStatus {
  const storageError = error instanceof StorageError ? error : toStorageError(error);
  switch (storageError.reason) {
    case 'quota':
    case 'unavailable':
    case 'newer-version':
    case 'conflict':
      return {
        state: 'error',
        reason: storageError.reason,
        message: MESSAGES[storageError.reason],
      };
    case 'not-found':
      return {
        state: 'error',
        reason: 'conflict',
        message:
          'This map was deleted from the library in another tab. Keep yours as a copy or export it to a file.',
      };
    default:
      return {
        state: 'error',
        reason: 'unknown',
        message: `Could not save the map (${storageError.message}). Retrying…`,
      };
  }
}

interface Item<T> {
  map: T;
  editedAt: number;
}

/**
 * A framework-free autosave controller: throttled writes (leading, then trailing), one write
 * at a time, flush on demand, and on failure the map stays in memory and is retried every
 * `retryMs` until a write succeeds. Conflicts and newer-version refusals stop writing.
 * @example
 * const autosave = createAutosave({ save: (map) => library.save(id, map).then(() => {}), onStatus: show });
 * store.subscribe((s) => autosave.schedule(s.map));
 * attachPageLifecycle(autosave);
 */
export function createAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const { save, onStatus, rescue } = options;
  const throttleMs = options.throttleMs ?? 500;
  const retryMs = options.retryMs ?? 2000;
  const now = options.now ?? Date.now;
  const clock =
    options.clock ?? (typeof performance === 'undefined' ? Date.now : () => performance.now());

  let pending: Item<T> | undefined;
  let writing: Item<T> | undefined;
  let inFlight: Promise<void> | undefined;
  let throttleTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let stopped = false;
  /** Bumped by markSaved(): a write started before it must not bring back the dropped map. */
  let generation = 0;
  let disposed = false;
  let current: AutosaveStatus = { state: 'saved' };
  /** The map object known to be in storage. */
  let stored: T | undefined;
  /** The map storage holds, to write a rescue copy as changes from (unset: unknown). */
  let base: T | undefined;

  function setStatus(next: AutosaveStatus) {
    if (
      next.state === current.state &&
      next.reason === current.reason &&
      next.message === current.message
    ) {
      return;
    }
    current = next;
    onStatus?.(next);
  }

  function clearTimers() {
    clearTimeout(throttleTimer);
    clearTimeout(retryTimer);
    throttleTimer = undefined;
    retryTimer = undefined;
  }

  function kick() {
    if (disposed || stopped || !pending || inFlight || throttleTimer || retryTimer) return;
    const wait = lastStart + throttleMs - clock();
    if (wait <= 0) {
      write();
      return;
    }
    throttleTimer = setTimeout(() => {
      throttleTimer = undefined;
      kick();
    }, wait);
  }

  function write(): Promise<void> {
    const item = pending;
    if (disposed || stopped || !item || inFlight) return inFlight ?? Promise.resolve();
    pending = undefined;
    writing = item;
    lastStart = clock();
    const startedIn = generation;
    if (current.state !== 'error') setStatus({ state: 'saving' });
    const run = Promise.resolve()
      .then(() => save(item.map, { editedAt: item.editedAt }))
      .then(
        () => {
          if (disposed) return;
          writing = undefined;
          inFlight = undefined;
          if (startedIn === generation) {
            stored = item.map;
            base = item.map;
          }
          if (pending) {
            setStatus({ state: 'saving' });
            kick();
          } else {
            setStatus({ state: 'saved' });
          }
        },
        (error: unknown) => {
          if (disposed) return;
          writing = undefined;
          inFlight = undefined;
          if (startedIn !== generation) {
            if (pending) kick();
            else setStatus({ state: 'saved' });
            return;
          }
          pending ??= item; // keep the map in memory; a newer change supersedes it
          const status = failureStatus(error);
          setStatus(status);
          if (status.reason !== undefined && STOPPING.has(status.reason)) {
            stopped = true;
            return;
          }
          clearTimeout(throttleTimer);
          throttleTimer = undefined;
          retryTimer = setTimeout(() => {
            retryTimer = undefined;
            write();
          }, retryMs);
        },
      );
    inFlight = run;
    return run;
  }

  return {
    schedule(map) {
      if (disposed) return;
      if (map === stored && !writing) {
        // Back to what is stored (e.g. undo, or a map just loaded): nothing to write.
        pending = undefined;
        clearTimers();
        if (!stopped) setStatus({ state: 'saved' });
        return;
      }
      pending = { map, editedAt: now() };
      if (current.state === 'saved') setStatus({ state: 'saving' });
      kick();
    },
    async flush() {
      clearTimers();
      // A write that ends with a change pending may start the next one at once: wait for it too.
      while (inFlight) {
        await inFlight;
        clearTimers();
      }
      if (pending && !stopped && !disposed) await write();
    },
    rescueNow() {
      const latest = pending ?? writing;
      if (!rescue || !latest || disposed) return false;
      // Storage holds the saved map, or the one being written if that write lands first.
      const bases =
        base === undefined ? [] : writing && writing !== latest ? [base, writing.map] : [base];
      return rescue(latest.map, { editedAt: latest.editedAt, bases }) !== false;
    },
    isDirty: () => pending !== undefined || writing !== undefined,
    status: () => current,
    resume() {
      if (!stopped) return;
      stopped = false;
      if (!pending) setStatus({ state: 'saved' });
      kick();
    },
    markSaved(map, inStorage = true) {
      stored = map;
      base = inStorage ? map : undefined;
      generation += 1;
      pending = undefined;
      writing = undefined;
      stopped = false;
      clearTimers();
      if (!inFlight) setStatus({ state: 'saved' });
    },
    dispose() {
      disposed = true;
      clearTimers();
      pending = undefined;
      writing = undefined;
    },
  };
}

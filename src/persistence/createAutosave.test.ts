import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AutosaveStatus, createAutosave } from './createAutosave';
import { StorageError } from './StorageError';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function setup(save: (map: string) => Promise<void>) {
  const statuses: AutosaveStatus[] = [];
  const saveMock = vi.fn(save);
  const rescued: string[] = [];
  const autosave = createAutosave<string>({
    save: saveMock,
    onStatus: (s) => statuses.push(s),
    rescue: (map) => {
      rescued.push(map);
      return true;
    },
  });
  return { autosave, saveMock, statuses, rescued };
}

describe('createAutosave', () => {
  it('issue 13 item 6: the system clock going back an hour does not hold a write back', async () => {
    let wall = 1_800_000_000_000;
    const saveMock = vi.fn(async (_map: string, _info: { editedAt: number }) => {});
    const autosave = createAutosave<string>({ save: saveMock, now: () => wall });
    autosave.schedule('m1');
    await vi.advanceTimersByTimeAsync(0);
    wall -= 3_600_000; // the clock is set back an hour
    autosave.schedule('m2');
    await vi.advanceTimersByTimeAsync(600);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['m1', 'm2']);
    // Wall time is still what a write is stamped with.
    expect(saveMock.mock.calls[1]?.[1].editedAt).toBe(wall);
    expect(autosave.status()).toEqual({ state: 'saved' });
  });

  it('writes the first change at once, then at most once per 500 ms with the latest map', async () => {
    const { autosave, saveMock, statuses } = setup(async () => {});
    autosave.schedule('m1');
    await vi.advanceTimersByTimeAsync(0);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['m1']);
    autosave.schedule('m2');
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule('m3');
    await vi.advanceTimersByTimeAsync(300);
    expect(saveMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['m1', 'm3']);
    expect(autosave.status()).toEqual({ state: 'saved' });
    expect(autosave.isDirty()).toBe(false);
    expect(statuses.map((s) => s.state)).toEqual(['saving', 'saved', 'saving', 'saved']);
  });

  it('flush writes the pending map immediately and waits for a write in flight first', async () => {
    let release: () => void = () => {};
    const { autosave, saveMock } = setup(
      (map) =>
        new Promise<void>((resolve) => {
          if (map === 'slow') release = resolve;
          else resolve();
        }),
    );
    autosave.schedule('slow');
    await vi.advanceTimersByTimeAsync(0);
    autosave.schedule('latest');
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(saveMock).toHaveBeenCalledTimes(1);
    release();
    await flushed;
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['slow', 'latest']);
    expect(autosave.isDirty()).toBe(false);
  });

  it('keeps the map and retries every 2 s when storage is full, until space is freed', async () => {
    let full = true;
    const { autosave, saveMock, statuses } = setup(async () => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
    });
    autosave.schedule('m1');
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.status()).toEqual({
      state: 'error',
      reason: 'quota',
      message: 'Storage is full: free space or export the map to a file. Retrying…',
    });
    expect(autosave.isDirty()).toBe(true);
    autosave.schedule('m2'); // an edit while failing is kept too
    await vi.advanceTimersByTimeAsync(2000);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['m1', 'm2']);
    expect(autosave.status().state).toBe('error');
    full = false; // the person frees space
    await vi.advanceTimersByTimeAsync(2000);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['m1', 'm2', 'm2']);
    expect(autosave.status()).toEqual({ state: 'saved' });
    expect(statuses.map((s) => s.state)).toEqual(['saving', 'error', 'saved']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saveMock).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['conflict', /changed in another tab/],
    ['newer-version', /newer version of Leverflow/],
  ] as const)('stops writing on %s until resumed', async (reason, message) => {
    let refuse = true;
    const { autosave, saveMock } = setup(async () => {
      if (refuse) throw new StorageError(reason, 'refused');
    });
    autosave.schedule('m1');
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.status()).toMatchObject({ state: 'error', reason });
    expect(autosave.status().message).toMatch(message);
    autosave.schedule('m2');
    await vi.advanceTimersByTimeAsync(60_000);
    await autosave.flush();
    expect(saveMock).toHaveBeenCalledTimes(1);
    expect(autosave.isDirty()).toBe(true);
    refuse = false;
    autosave.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['m1', 'm2']);
    expect(autosave.status()).toEqual({ state: 'saved' });
  });

  it('reports other failures as unknown with the cause and retries', async () => {
    let fail = true;
    const { autosave } = setup(async () => {
      if (fail) throw new TypeError('disk on fire');
    });
    autosave.schedule('m1');
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.status()).toMatchObject({ state: 'error', reason: 'unknown' });
    expect(autosave.status().message).toMatch(/disk on fire.*Retrying/);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(autosave.status().state).toBe('saved');
  });

  it('hands the latest unsaved map to the rescue hook, synchronously', async () => {
    const { autosave, rescued } = setup(() => new Promise<void>(() => {}));
    expect(autosave.rescueNow()).toBe(false);
    autosave.schedule('m1');
    await vi.advanceTimersByTimeAsync(0); // m1 is being written and never finishes
    expect(autosave.rescueNow()).toBe(true);
    autosave.schedule('m2');
    autosave.rescueNow();
    expect(rescued).toEqual(['m1', 'm2']);
  });

  it('does nothing after dispose', async () => {
    const { autosave, saveMock } = setup(async () => {});
    autosave.dispose();
    autosave.schedule('m1');
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveMock).not.toHaveBeenCalled();
  });

  it('markSaved drops the unsaved map, lifts a stop, and skips writing the stored map', async () => {
    let refuse = true;
    const { autosave, saveMock } = setup(async () => {
      if (refuse) throw new StorageError('conflict', 'refused');
    });
    autosave.schedule('mine');
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.status().reason).toBe('conflict');
    refuse = false;
    autosave.markSaved('theirs'); // the person chose to reload the other tab's map
    expect(autosave.status()).toEqual({ state: 'saved' });
    expect(autosave.isDirty()).toBe(false);
    autosave.schedule('theirs'); // the app shows it: no write back
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['mine']);
    autosave.schedule('next');
    await vi.advanceTimersByTimeAsync(0);
    autosave.schedule('theirs'); // undo back to the stored map while 'next' is written
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveMock.mock.calls.map((c) => c[0])).toEqual(['mine', 'next', 'theirs']);
    autosave.schedule('theirs');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveMock).toHaveBeenCalledTimes(3);
    expect(autosave.status()).toEqual({ state: 'saved' });
  });
});

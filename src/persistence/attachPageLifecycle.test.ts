// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachPageLifecycle } from './attachPageLifecycle';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

afterEach(() => setVisibility('visible'));

function fakeAutosave(calls: string[], options: { dirty?: boolean; rescued?: boolean } = {}) {
  return {
    rescueNow: vi.fn(() => calls.push('rescue') > 0 && (options.rescued ?? true)),
    flush: vi.fn(async () => {
      calls.push('flush');
    }),
    isDirty: () => options.dirty ?? false,
  };
}

describe('attachPageLifecycle', () => {
  it('commits drafts, rescues, then flushes on pagehide and when the page becomes hidden', () => {
    const calls: string[] = [];
    const detach = attachPageLifecycle(fakeAutosave(calls), window, {
      beforeSave: () => calls.push('commit'),
    });
    window.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual(['commit', 'rescue', 'flush']);
    setVisibility('visible');
    expect(calls).toHaveLength(3);
    setVisibility('hidden');
    expect(calls).toEqual(['commit', 'rescue', 'flush', 'commit', 'rescue', 'flush']);
    detach();
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('hidden');
    expect(calls).toHaveLength(6);
  });

  it('asks the browser to hold the page only while an unsaved edit has no rescue copy', () => {
    const leave = (autosave: ReturnType<typeof fakeAutosave>) => {
      const detach = attachPageLifecycle(autosave);
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      detach();
      return event.defaultPrevented;
    };
    expect(leave(fakeAutosave([], { dirty: false }))).toBe(false);
    expect(leave(fakeAutosave([], { dirty: true, rescued: true }))).toBe(false);
    const calls: string[] = [];
    expect(leave(fakeAutosave(calls, { dirty: true, rescued: false }))).toBe(true);
    expect(calls).toEqual(['rescue', 'flush']);
  });
});

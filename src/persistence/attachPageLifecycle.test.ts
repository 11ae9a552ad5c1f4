// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachPageLifecycle } from './attachPageLifecycle';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

afterEach(() => setVisibility('visible'));

describe('attachPageLifecycle', () => {
  it('rescues then flushes on pagehide and when the page becomes hidden', () => {
    const calls: string[] = [];
    const autosave = {
      rescueNow: vi.fn(() => calls.push('rescue') > 0),
      flush: vi.fn(async () => {
        calls.push('flush');
      }),
    };
    const detach = attachPageLifecycle(autosave);
    window.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual(['rescue', 'flush']);
    setVisibility('visible');
    expect(calls).toHaveLength(2);
    setVisibility('hidden');
    expect(calls).toEqual(['rescue', 'flush', 'rescue', 'flush']);
    detach();
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('hidden');
    expect(calls).toHaveLength(4);
  });
});

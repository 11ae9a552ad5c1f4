import type { Autosave } from './createAutosave';

/** The parts of `window` the lifecycle hooks use (so tests can pass a stand-in). */
export interface PageLifecycleTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  document: { visibilityState: DocumentVisibilityState };
}

/**
 * Saves when the page may go away: on `pagehide` and when the page becomes hidden it first
 * writes the synchronous rescue copy (if the autosave has one), then flushes to storage.
 * Returns a function that removes the listeners.
 * @example const detach = attachPageLifecycle(autosave); // later: detach()
 */
export function attachPageLifecycle(
  autosave: Pick<Autosave<unknown>, 'flush' | 'rescueNow'>,
  target: PageLifecycleTarget = window,
): () => void {
  const save = () => {
    autosave.rescueNow();
    void autosave.flush();
  };
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') save();
  };
  target.addEventListener('pagehide', save);
  // visibilitychange is fired at the document and bubbles to the window.
  target.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', save);
    target.removeEventListener('visibilitychange', onVisibility);
  };
}

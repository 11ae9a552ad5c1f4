import type { Autosave } from './createAutosave';

/** The parts of `window` the lifecycle hooks use (so tests can pass a stand-in). */
export interface PageLifecycleTarget {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  document: { visibilityState: DocumentVisibilityState };
}

export interface PageLifecycleOptions {
  /**
   * Runs first when the page may go away: commits what the person is typing (an open label
   * editor, a changed field), so it is part of the map that is rescued and saved.
   */
  beforeSave?: () => void;
}

/**
 * Saves when the page may go away: on `pagehide` and when the page becomes hidden it commits
 * open drafts, writes the synchronous rescue copy (if the autosave has one), then flushes to
 * storage. On `beforeunload`, while an edit is unsaved and no rescue copy could be written,
 * it asks the browser to make the person confirm leaving. Returns a function that removes
 * the listeners.
 * @example const detach = attachPageLifecycle(autosave, window, { beforeSave: commitOpenDraft });
 */
export function attachPageLifecycle(
  autosave: Pick<Autosave<unknown>, 'flush' | 'rescueNow' | 'isDirty'>,
  target: PageLifecycleTarget = window,
  options: PageLifecycleOptions = {},
): () => void {
  const save = () => {
    options.beforeSave?.();
    autosave.rescueNow();
    void autosave.flush();
  };
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') save();
  };
  const onBeforeUnload = (event: Event) => {
    options.beforeSave?.();
    if (autosave.isDirty() && !autosave.rescueNow()) {
      // Nothing else holds the edit: the browser asks "Leave site?" while the save finishes.
      event.preventDefault();
      void autosave.flush();
    }
  };
  target.addEventListener('pagehide', save);
  // visibilitychange is fired at the document and bubbles to the window.
  target.addEventListener('visibilitychange', onVisibility);
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    target.removeEventListener('pagehide', save);
    target.removeEventListener('visibilitychange', onVisibility);
    target.removeEventListener('beforeunload', onBeforeUnload);
  };
}

import { useLibrary, useLibraryState } from './LibraryContext';

const LABEL = { saved: 'Saved', saving: 'Saving…', error: 'Not saved' } as const;

/**
 * Saved / Saving… / Not saved — with the reason and what to do. A polite live region (not
 * role="status": the editor's notice already holds that role).
 */
export function SaveStatus() {
  const library = useLibrary();
  const status = useLibraryState((s) => s.status);
  const phase = useLibraryState((s) => s.phase);
  const mode = useLibraryState((s) => s.mode);
  const state = phase === 'loading' ? 'saving' : status.state;
  return (
    <div className={`lf-save-status is-${state}`} data-state={state} data-reason={status.reason}>
      <span aria-live="polite" aria-atomic="true" title={status.message}>
        <span className="lf-save-status__dot" aria-hidden="true" />
        {phase === 'loading' ? 'Opening…' : LABEL[state]}
        {state === 'error' && status.message ? (
          <span className="lf-save-status__reason"> — {status.message}</span>
        ) : null}
      </span>
      {state === 'error' && (mode === 'memory' || status.reason !== 'conflict') ? (
        <button type="button" className="lf-link-button" onClick={() => library.exportJson()}>
          Export map
        </button>
      ) : null}
    </div>
  );
}

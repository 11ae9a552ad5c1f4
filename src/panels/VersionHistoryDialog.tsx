import { useEffect, useState } from 'react';
import type { VersionSummary } from '../persistence';
import { useLibrary, useLibraryState } from './LibraryContext';
import { useModalDialog } from './useModalDialog';

function formatSize(chars: number): string {
  return chars < 1024 ? `${chars} B` : `${(chars / 1024).toFixed(chars < 10_240 ? 1 : 0)} KB`;
}

/** The last saved versions of the open map; restoring one is an undoable change. */
export function VersionHistoryDialog() {
  const library = useLibrary();
  const open = useLibraryState((s) => s.dialog === 'history');
  const revision = useLibraryState((s) => s.libraryRevision);
  const ref = useModalDialog(open);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);

  useEffect(() => {
    if (!open || revision < 0) return;
    let live = true;
    library.listVersions().then(
      (list) => live && setVersions([...list].sort((a, b) => b.savedAt - a.savedAt)),
      () => live && setVersions([]),
    );
    return () => {
      live = false;
    };
  }, [open, revision, library]);

  return (
    <dialog
      ref={ref}
      className="lf-dialog lf-history"
      aria-labelledby="lf-history-title"
      onClose={() => library.openDialog(null)}
    >
      <h2 id="lf-history-title">Version history</h2>
      <p className="lf-library__hint">
        The last 20 saved versions of this map (edits a minute apart are kept as one). Restoring one
        keeps the current map in history: undo brings it back.
      </p>
      {versions === null ? null : versions.length === 0 ? (
        <p className="lf-library__empty">No saved versions.</p>
      ) : (
        <ol className="lf-history__list" aria-label="Saved versions">
          {versions.map((v) => (
            <li key={v.id} aria-label={`Version saved ${new Date(v.savedAt).toLocaleString()}`}>
              <span>
                <strong>{new Date(v.savedAt).toLocaleString()}</strong>
                <span className="lf-library__meta">
                  {' '}
                  · {v.nodeCount.toLocaleString()} steps · {formatSize(v.size)}
                </span>
              </span>
              {v.isHead ? (
                <span className="lf-history__current">current</span>
              ) : (
                <button
                  type="button"
                  onClick={() => {
                    void library.restoreVersion(v.id).then(() => library.openDialog(null));
                  }}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

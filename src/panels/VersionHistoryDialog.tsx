import { useEffect, useState } from 'react';
import { describeDiff, diffMaps } from '../model';
import type { VersionDetail, VersionSummary } from '../persistence';
import { useLibrary, useLibraryState } from './LibraryContext';
import { MapPreview } from './MapPreview';
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
  const [details, setDetails] = useState<ReadonlyMap<string, VersionDetail | null>>(new Map());

  useEffect(() => {
    if (!open || revision < 0) return;
    let live = true;
    library.listVersions().then(
      async (list) => {
        if (!live) return;
        const sorted = [...list].sort((a, b) => b.savedAt - a.savedAt);
        setVersions(sorted);
        // Then each version's drawing and what changed, one at a time, newest first.
        const read = new Map<string, VersionDetail | null>();
        for (const v of sorted) {
          read.set(v.id, await library.readVersion(v.id));
          if (!live) return;
          setDetails(new Map(read));
        }
      },
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
          {versions.map((v, i) => (
            <li key={v.id} aria-label={`Version saved ${new Date(v.savedAt).toLocaleString()}`}>
              <VersionPicture detail={details.get(v.id)} />
              <span className="lf-history__text">
                <strong>{new Date(v.savedAt).toLocaleString()}</strong>
                <span className="lf-library__meta">
                  {v.nodeCount.toLocaleString()} steps · {formatSize(v.size)}
                </span>
                <span className="lf-history__changes">
                  {changesOf(details.get(v.id), versions[i + 1], details)}
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

function VersionPicture({ detail }: { detail: VersionDetail | null | undefined }) {
  if (!detail) return <span className="lf-history__preview" aria-hidden="true" />;
  return (
    <span className="lf-history__preview">
      <MapPreview preview={detail.preview} />
    </span>
  );
}

/** What a version changed since the one saved before it, in a person's words. */
function changesOf(
  detail: VersionDetail | null | undefined,
  older: VersionSummary | undefined,
  details: ReadonlyMap<string, VersionDetail | null>,
): string {
  if (detail === undefined) return '';
  if (detail === null) return 'Could not be read.';
  if (!older) return 'The oldest version kept.';
  const before = details.get(older.id);
  if (before === undefined) return '';
  if (before === null) return '';
  return `${describeDiff(diffMaps(before.map, detail.map))}.`;
}

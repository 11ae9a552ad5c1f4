import { useEffect, useState } from 'react';
import type { MapSummary } from '../persistence';
import { useLibrary, useLibraryState } from './LibraryContext';
import { MapPreview } from './MapPreview';
import { useModalDialog } from './useModalDialog';

function formatWhen(time: number): string {
  if (time === 0) return 'unknown';
  const seconds = Math.round((Date.now() - time) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return new Date(time).toLocaleString();
}

function steps(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'step' : 'steps'}`;
}

function MapRow({
  summary,
  isOpen,
  trash,
}: {
  summary: MapSummary;
  isOpen: boolean;
  trash: boolean;
}) {
  const library = useLibrary();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(summary.name);
  const time = trash && summary.trashedAt !== null ? summary.trashedAt : summary.updatedAt;
  return (
    <li className={`lf-library__item${isOpen ? ' is-open' : ''}`} aria-label={summary.name}>
      <MapPreview preview={summary.preview} />
      <div className="lf-library__info">
        {renaming ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setRenaming(false);
              void library.renameMap(summary.id, name);
            }}
          >
            <input
              aria-label="New name"
              value={name}
              maxLength={200}
              // biome-ignore lint/a11y/noAutofocus: the person just asked to rename
              autoFocus
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  setRenaming(false);
                }
              }}
            />
            <button type="submit">Save name</button>
          </form>
        ) : (
          <strong className="lf-library__name">{summary.name || 'Untitled map'}</strong>
        )}
        <span className="lf-library__meta">
          {trash ? 'Trashed' : 'Changed'} {formatWhen(time)} · {steps(summary.nodeCount)}
          {isOpen ? ' · open now' : ''}
        </span>
      </div>
      <div className="lf-library__actions">
        {trash ? (
          <>
            <button type="button" onClick={() => void library.restoreMap(summary.id)}>
              Restore
            </button>
            <button
              type="button"
              className="is-danger"
              onClick={() => {
                if (window.confirm(`Delete "${summary.name}" forever? This cannot be undone.`)) {
                  void library.deleteForever(summary.id);
                }
              }}
            >
              Delete forever
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              onClick={() => {
                void library.openMap(summary.id).then((ok) => {
                  if (ok) library.openDialog(null);
                });
              }}
            >
              Open
            </button>
            <button
              type="button"
              onClick={() => {
                setName(summary.name);
                setRenaming(true);
              }}
            >
              Rename
            </button>
            <button type="button" onClick={() => void library.duplicateMap(summary.id)}>
              Duplicate
            </button>
            <button type="button" onClick={() => void library.trashMap(summary.id)}>
              Move to trash
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** The library: every map with name, last change, size and preview; search; trash. */
export function LibraryDialog() {
  const library = useLibrary();
  const open = useLibraryState((s) => s.dialog === 'library');
  const revision = useLibraryState((s) => s.libraryRevision);
  const openId = useLibraryState((s) => s.mapId);
  const memory = useLibraryState((s) => s.mode === 'memory');
  const ref = useModalDialog(open);
  const [tab, setTab] = useState<'maps' | 'trash'>('maps');
  const [search, setSearch] = useState('');
  const [maps, setMaps] = useState<MapSummary[] | null>(null);

  useEffect(() => {
    // Closed, it forgets the list: opened again, it shows the maps as they are by then, not
    // for a moment the list of the last time (a map created since would be missing).
    if (!open) {
      setMaps(null);
      return;
    }
    if (revision < 0) return;
    let live = true;
    const load = tab === 'maps' ? library.listMaps(search) : library.listTrash();
    load.then(
      (list) => live && setMaps(list),
      () => live && setMaps([]),
    );
    return () => {
      live = false;
    };
  }, [open, tab, search, revision, library]);

  return (
    <dialog
      ref={ref}
      className="lf-dialog lf-library"
      aria-labelledby="lf-library-title"
      onClose={() => library.openDialog(null)}
    >
      <header className="lf-library__header">
        <h2 id="lf-library-title">Library</h2>
        <button
          type="button"
          onClick={() => {
            void library.newBlankMap().then((ok) => ok && library.openDialog(null));
          }}
        >
          New map
        </button>
      </header>
      {memory ? (
        <p className="lf-library__empty">
          Browser storage is not available, so there is no library in this browser. Export the map
          to a file to keep it.
        </p>
      ) : (
        <>
          <div className="lf-library__bar">
            <div role="tablist" aria-label="Library views">
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'maps'}
                onClick={() => setTab('maps')}
              >
                Maps
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'trash'}
                onClick={() => setTab('trash')}
              >
                Trash
              </button>
            </div>
            {tab === 'maps' ? (
              <input
                type="search"
                placeholder="Search by name"
                aria-label="Search maps by name"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            ) : null}
          </div>
          {maps === null ? null : maps.length === 0 ? (
            <p className="lf-library__empty">
              {tab === 'trash'
                ? 'The trash is empty.'
                : search
                  ? 'No map has that name.'
                  : 'No maps yet.'}
            </p>
          ) : (
            <ul
              className="lf-library__list"
              aria-label={tab === 'trash' ? 'Maps in the trash' : 'Maps'}
            >
              {maps.map((summary) => (
                <MapRow
                  key={`${summary.id}:${summary.revision}:${summary.trashedAt}`}
                  summary={summary}
                  isOpen={summary.id === openId}
                  trash={tab === 'trash'}
                />
              ))}
            </ul>
          )}
        </>
      )}
      <form method="dialog" className="lf-library__footer">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

import { useLibrary, useLibraryState } from './LibraryContext';

/** Messages about storage the person must see: conflicts with another tab, recoveries, failures. */
export function LibraryBanner() {
  const library = useLibrary();
  const banner = useLibraryState((s) => s.banner);
  const conflict = useLibraryState((s) => s.conflict);
  const deleted = useLibraryState((s) => s.conflictKind === 'deleted');
  return (
    <>
      {conflict && deleted ? (
        <div className="lf-banner is-error" role="alert">
          <p>
            This map was deleted in another tab while you were editing it here. Keep yours as a copy
            or export it to a file.
          </p>
          <div className="lf-banner__actions">
            <button type="button" onClick={() => void library.keepMineAsCopy()}>
              Keep mine as a copy
            </button>
            <button type="button" onClick={() => library.exportJson()}>
              Export map
            </button>
          </div>
        </div>
      ) : conflict ? (
        <div className="lf-banner is-error" role="alert">
          <p>
            This map was changed in another tab while you were editing it here. Saving in this tab
            is paused so neither change is lost.
          </p>
          <div className="lf-banner__actions">
            <button type="button" onClick={() => void library.reloadFromStorage()}>
              Load the other tab's version
            </button>
            <button type="button" onClick={() => void library.keepMineAsCopy()}>
              Keep mine as a copy
            </button>
          </div>
        </div>
      ) : null}
      {banner ? (
        <div className={`lf-banner is-${banner.tone}`} role="alert">
          <p>{banner.text}</p>
          <div className="lf-banner__actions">
            <button type="button" onClick={() => library.exportJson()}>
              Export map
            </button>
            <button
              type="button"
              onClick={() => library.dismissBanner()}
              aria-label="Dismiss message"
            >
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}

import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { discoverMap } from '../../eventlog/discoverMap';
import type { LogIndex } from '../../eventlog/indexLog';
import { useLog, useLogStoreApi } from '../../store/LogStoreContext';
import { useLibrary } from '../LibraryContext';

/**
 * Discovers a map from the log, as Disco does: one slider for how many activities (most
 * frequent first), one for how many paths; the summary follows the sliders at once (the
 * log was counted once, each move is one pass). "Open as a map" adds it to the library as
 * a normal map, tidied up, which the analyzer then reviews like any other.
 */
export function LogDiscovery({ index, fileName }: { index: LogIndex; fileName: string }) {
  const logs = useLogStoreApi();
  const library = useLibrary();
  const filter = useLog(useShallow((s) => s.filter));
  const [busy, setBusy] = useState(false);
  const total = index.log.activities.length;
  const discovery = useMemo(
    () => discoverMap(index, filter, `Discovered from ${fileName}`.slice(0, 200)),
    [index, filter, fileName],
  );
  const steps = discovery.map.nodes.filter((n) => n.kind === 'action').map((n) => n.label);
  const decisions = discovery.map.nodes.filter((n) => n.kind === 'decision').length;
  return (
    <section aria-labelledby="lf-log-discovery" className="lf-log-section">
      <h3 id="lf-log-discovery">Discover a map from the log</h3>
      <label className="lf-log-slider">
        Activities: {discovery.activities.shown} of {total}
        <input
          type="range"
          min={1}
          max={Math.max(1, total)}
          step={1}
          value={filter.activities}
          onChange={(event) =>
            logs.getState().setFilter({ activities: Number(event.target.value) })
          }
        />
      </label>
      <label className="lf-log-slider">
        Paths: {Math.round(filter.paths * 100)}%
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(filter.paths * 100)}
          onChange={(event) =>
            logs.getState().setFilter({ paths: Number(event.target.value) / 100 })
          }
        />
      </label>
      <p role="status" className="lf-log-discovery__summary">
        {steps.length} {steps.length === 1 ? 'step' : 'steps'}, {decisions}{' '}
        {decisions === 1 ? 'decision' : 'decisions'}, {discovery.paths.shown} of{' '}
        {discovery.paths.total} paths: {steps.join(', ')}
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            if (await library.createMap(discovery.map)) await library.tidyUp('down');
          } finally {
            setBusy(false);
          }
        }}
      >
        Open as a map
      </button>
    </section>
  );
}

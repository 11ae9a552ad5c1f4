import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Discovery } from '../../eventlog/discoverMap';
import { useLog, useLogStoreApi } from '../../store/LogStoreContext';
import { useLibrary } from '../LibraryContext';

/**
 * Discovers a map from the log, as Disco does: one slider for how many activities (most
 * frequent first), one for how many paths; the summary follows the sliders (the log's
 * worker counted the log once, each move is one pass there, and a move overtaken by the next
 * one is skipped). "Open as a map" adds it to the library as a normal map, tidied up, which
 * the analyzer then reviews like any other; it waits while a move is being computed.
 */
export function LogDiscovery({ discovery, total }: { discovery: Discovery; total: number }) {
  const logs = useLogStoreApi();
  const library = useLibrary();
  const filter = useLog(useShallow((s) => s.filter));
  const pending = useLog((s) => s.discoveryPending);
  const [busy, setBusy] = useState(false);
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
      <p role="status" className="lf-log-discovery__summary" aria-busy={pending}>
        {steps.length} {steps.length === 1 ? 'step' : 'steps'}, {decisions}{' '}
        {decisions === 1 ? 'decision' : 'decisions'}, {discovery.paths.shown} of{' '}
        {discovery.paths.total} paths: {steps.join(', ')}
      </p>
      <button
        type="button"
        disabled={busy || pending}
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

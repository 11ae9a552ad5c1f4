import { useEffect, useState, useSyncExternalStore } from 'react';
import { cancelLayoutJob, layoutActivity } from '../io/runLayoutJob';

/** Shown only for work that takes longer than this, so quick imports do not flash it. */
const SHOW_AFTER_MS = 300;

/**
 * The import or Tidy up running in the layout worker: what it is, how long it has taken,
 * and Cancel (which ends the worker and changes nothing). `overCanvas`: shown over the top of
 * the canvas (its parent), not above it: a banner that pushed the canvas down and then went
 * away would resize React Flow in the very frame that applies the layout, and every step in
 * view would be planned and drawn again (a 160–370 ms task at 300–1,000 dense steps).
 */
export function LayoutProgress({ overCanvas = false }: { overCanvas?: boolean }) {
  const activity = useSyncExternalStore(layoutActivity.subscribe, layoutActivity.get);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!activity) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [activity]);
  if (!activity || now - activity.startedAt < SHOW_AFTER_MS) return null;
  const seconds = Math.max(0, Math.floor((now - activity.startedAt) / 1000));
  return (
    <section
      className={`lf-banner lf-layout-progress${overCanvas ? ' is-over-canvas' : ''}`}
      aria-label="Layout in progress"
    >
      <p role="status">
        {activity.what}…{' '}
        {activity.quick
          ? 'Tidy up ran out of time, so the steps are being laid out in simple layers'
          : 'laying out the steps'}{' '}
        ({seconds} s)
      </p>
      <progress aria-label="Layout progress" />
      <button type="button" onClick={cancelLayoutJob}>
        Cancel
      </button>
    </section>
  );
}

import type { AvailableMetrics } from '../analyzer';
import { useAnalysis } from '../store/AnalysisProvider';
import { useEditor } from '../store/EditorStoreContext';

/**
 * Formats minutes as minutes, or as hours from two hours on. Times shown side by side take
 * the unit of the largest (`largest`), so "2.0 h" never stands beside "100 min".
 * @example minutesIn(150)(100) // "1.7 h"
 */
const minutesIn =
  (largest: number) =>
  (m: number): string =>
    largest >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m * 10) / 10} min`;

/** A time shown on its own, in its own unit. */
const time = (m: number) => minutesIn(m)(m);

/** The rework share as exact, a lower bound or approximate, as the analysis says it is. */
export function reworkText(metrics: AvailableMetrics): string {
  const share = `${Math.round(metrics.reworkShare * 100)}%`;
  switch (metrics.precision.reworkShare) {
    case 'lower-bound':
      return `at least ${share}`;
    case 'approximate':
      return `${share} (approximate)`;
    default:
      return share;
  }
}

/** Expected time per case, rework share and the longest path, where steps have durations. */
export function MetricsSummary() {
  const metrics = useAnalysis((s) => s.report.metrics);
  const labelOf = useEditor((s) => s.map.nodes);
  if (!metrics.available) {
    return <p className="lf-muted lf-metrics">Time figures: {metrics.unavailableReason}</p>;
  }
  if (metrics.cycleTimeMinutes === 0) {
    return (
      <p className="lf-muted lf-metrics">
        Add durations to steps to see time per case and the bottleneck.
      </p>
    );
  }
  const names = new Map(labelOf.map((n) => [n.id, n.label]));
  const approximate = metrics.precision.visits === 'approximate';
  // With parallel work the two times differ: each is named for what it is.
  const lead =
    metrics.leadTime && metrics.leadTime.minutes !== metrics.cycleTimeMinutes
      ? metrics.leadTime
      : null;
  // Both times per case in one unit.
  const perCase = minutesIn(Math.max(metrics.cycleTimeMinutes, lead?.minutes ?? 0));
  return (
    <dl className="lf-metrics">
      <div>
        <dt title="Work time: every step's time, parallel branches counted in full">
          {lead ? 'Work time per case' : 'Expected time per case'}
        </dt>
        <dd>
          {perCase(metrics.cycleTimeMinutes)}
          {approximate && ' (approximate)'}
        </dd>
      </div>
      {lead && (
        <div>
          <dt title="Lead time: from start to end, a parallel block taking its longest branch">
            Lead time per case
          </dt>
          <dd>
            {perCase(lead.minutes)}
            {lead.estimate && ' (estimate)'}
            {approximate && ' (approximate)'}
          </dd>
        </div>
      )}
      <div>
        <dt>Rework share</dt>
        <dd>{reworkText(metrics)}</dd>
      </div>
      {metrics.longestPath && (
        <div>
          <dt>Longest path</dt>
          <dd title={metrics.longestPath.nodeIds.map((id) => names.get(id) ?? id).join(' → ')}>
            {time(metrics.longestPath.minutes)} over {metrics.longestPath.nodeIds.length} steps
          </dd>
        </div>
      )}
      {metrics.notes.map((note) => (
        <p key={note} className="lf-muted lf-metrics__note">
          {note}
        </p>
      ))}
    </dl>
  );
}

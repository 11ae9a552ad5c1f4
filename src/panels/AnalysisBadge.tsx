import { useShallow } from 'zustand/react/shallow';
import { useAnalysis } from '../store/AnalysisProvider';
import { useEditor } from '../store/EditorStoreContext';

/** Counts of errors, warnings and notes in the toolbar; opens the findings panel. */
export function AnalysisBadge() {
  const [errors, warnings, notes] = useAnalysis(
    useShallow((s) => {
      let e = 0;
      let w = 0;
      let n = 0;
      for (const f of s.findings) {
        if (f.severity === 'error') e += 1;
        else if (f.severity === 'warning') w += 1;
        else n += 1;
      }
      return [e, w, n];
    }),
  );
  const pending = useAnalysis((s) => s.pending);
  const partial = useAnalysis((s) => !s.report.metrics.checkedInFull);
  const setPanel = useEditor((s) => s.setPanel);
  const empty = useEditor((s) => s.map.nodes.length === 0);
  const label = empty
    ? 'Empty map'
    : errors > 0
      ? `${errors} errors, ${warnings} warnings, ${notes} notes`
      : partial
        ? `No errors found, but the map is too large to check in full: ${warnings} warnings, ${notes} notes`
        : `Map is sound: ${warnings} warnings, ${notes} notes`;
  const sound = errors === 0 && !empty && !partial;
  return (
    <button
      type="button"
      className={`lf-badge${sound ? ' is-sound' : ''}${pending ? ' is-pending' : ''}`}
      onClick={() => setPanel('findings')}
      aria-label={`Findings: ${label}`}
      title="Open the findings"
    >
      {empty ? (
        <span className="lf-badge__empty">Empty map</span>
      ) : sound ? (
        <span className="lf-badge__sound">✓ Sound</span>
      ) : errors === 0 ? (
        <span className="lf-badge__partial">Partly checked</span>
      ) : (
        <span className="lf-badge__count lf-sev-error">{errors}</span>
      )}
      <span className="lf-badge__count lf-sev-warning">{warnings}</span>
      <span className="lf-badge__count lf-sev-info">{notes}</span>
    </button>
  );
}

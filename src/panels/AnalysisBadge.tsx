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
  const setPanel = useEditor((s) => s.setPanel);
  const empty = useEditor((s) => s.map.nodes.length === 0);
  const label = empty
    ? 'Empty map'
    : errors === 0
      ? `Map is sound: ${warnings} warnings, ${notes} notes`
      : `${errors} errors, ${warnings} warnings, ${notes} notes`;
  return (
    <button
      type="button"
      className={`lf-badge${errors === 0 && !empty ? ' is-sound' : ''}${pending ? ' is-pending' : ''}`}
      onClick={() => setPanel('findings')}
      aria-label={`Findings: ${label}`}
      title="Open the findings"
    >
      {empty ? (
        <span className="lf-badge__empty">Empty map</span>
      ) : errors === 0 ? (
        <span className="lf-badge__sound">✓ Sound</span>
      ) : (
        <span className="lf-badge__count lf-sev-error">{errors}</span>
      )}
      <span className="lf-badge__count lf-sev-warning">{warnings}</span>
      <span className="lf-badge__count lf-sev-info">{notes}</span>
    </button>
  );
}

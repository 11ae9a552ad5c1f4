import { deviationEdits } from '../../eventlog/deviationEdits';
import type { Deviation, Replay } from '../../eventlog/replayTypes';
import { useEditor, useEditorStoreApi } from '../../store/EditorStoreContext';

/**
 * What the log did that the map does not say: moves with no arrow (with example cases),
 * steps no case ran, cases that never reached an end. A move or an unfinished case can be
 * added to the map (one undo step); any of them can be marked as intended (stored in the
 * map like a finding marked as intended) and shown again. While the replay of a newer map is
 * being computed (`pending`), the list is the previous one and its buttons wait.
 */
export function LogDeviations({ replay, pending }: { replay: Replay; pending: boolean }) {
  const editor = useEditorStoreApi();
  const change = useEditor((s) => s.change);
  const setAccepted = useEditor((s) => s.setFindingAccepted);
  const open = replay.deviations.filter((d) => !d.intended);
  const intended = replay.deviations.filter((d) => d.intended);
  const shareOf = (d: Deviation) => {
    // The new branch's chance: how often the step went there, of all times it went on.
    const from = d.kind === 'move' ? d.fromId : d.nodeId;
    const left = from ? (replay.steps.get(from)?.events ?? 0) : 0;
    return left > 0 ? Math.min(1, d.count / left) : 0;
  };
  return (
    <section aria-labelledby="lf-log-deviations" aria-busy={pending} className="lf-log-section">
      <h3 id="lf-log-deviations">Deviations ({open.length})</h3>
      {open.length === 0 && <p>The log follows the map: every move has an arrow.</p>}
      <ul className="lf-log-deviations">
        {open.map((d) => (
          <li key={d.key} data-key={d.key}>
            <span>{d.text}</span>
            {d.examples.length > 0 && <small> e.g. {d.examples.join(', ')}</small>}
            <span className="lf-log-deviations__actions">
              {d.kind !== 'unused' && (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => change(deviationEdits(editor.getState().map, d, shareOf(d)))}
                >
                  Add to map
                </button>
              )}
              <button type="button" disabled={pending} onClick={() => setAccepted(d.key, true)}>
                Mark as intended
              </button>
            </span>
          </li>
        ))}
      </ul>
      {intended.length > 0 && (
        <details>
          <summary>Marked as intended ({intended.length})</summary>
          <ul className="lf-log-deviations">
            {intended.map((d) => (
              <li key={d.key}>
                <span>{d.text}</span>
                <button type="button" disabled={pending} onClick={() => setAccepted(d.key, false)}>
                  Show again
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

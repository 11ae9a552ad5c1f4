import { countOf } from '../../eventlog/countOf';
import { observedFigureEdits } from '../../eventlog/observedFigureEdits';
import { personTableCsv, stepTableCsv } from '../../eventlog/replayTables';
import { useAnalysis } from '../../store/AnalysisProvider';
import type { LogView } from '../../store/createLogStore';
import { useEditor, useEditorStoreApi } from '../../store/EditorStoreContext';
import { useLog, useLogStoreApi } from '../../store/LogStoreContext';
import { LeadTimeHistogram } from './LeadTimeHistogram';
import { LogAgreements } from './LogAgreements';
import { LogDeviations } from './LogDeviations';
import { LogDiscovery } from './LogDiscovery';
import './eventLog.css';
import { pickLogFile } from './pickLogFile';

/** Where the shipped sample log of the example map is. */
export const SAMPLE_LOG = 'samples/order-fulfilment.csv';

const VIEWS: { view: LogView; name: string }[] = [
  { view: 'off', name: 'Off' },
  { view: 'frequency', name: 'Frequency' },
  { view: 'time', name: 'Time' },
];

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A button that opens an event log (CSV or XES) from a file picker. */
export function OpenLogButton({ label = 'Open event log…' }: { label?: string }) {
  const logs = useLogStoreApi();
  return (
    <button type="button" onClick={() => pickLogFile((file) => logs.getState().openFile(file))}>
      {label}
    </button>
  );
}

/** Opens the sample log shipped with the app (made from the example map). */
async function openSample(open: (file: File) => void, fail: (message: string) => void) {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}${SAMPLE_LOG}`);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const blob = await response.blob();
    open(new File([blob], 'order-fulfilment.csv', { type: 'text/csv' }));
  } catch (error) {
    fail(
      `Could not load the sample log: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The Log tab: open an event log (or the sample), watch it read with a progress bar and
 * Cancel, then replay it on the map (frequency or time on the canvas, deviations,
 * agreements, lead times, observed figures into the map, CSV tables) or discover a map from it.
 */
export function LogPanel() {
  const logs = useLogStoreApi();
  const editor = useEditorStoreApi();
  const change = useEditor((s) => s.change);
  const mapName = useEditor((s) => s.map.name);
  const targetHours = useEditor((s) => s.map.settings.targetTurnaroundHours);
  const steps = useEditor((s) => s.map.nodes);
  const phase = useLog((s) => s.phase);
  const progress = useLog((s) => s.progress);
  const fileName = useLog((s) => s.fileName);
  const error = useLog((s) => s.error);
  const imported = useLog((s) => s.imported);
  const discovery = useLog((s) => s.discovery);
  const replay = useLog((s) => s.replay);
  const replayPending = useLog((s) => s.replayPending);
  const stored = useLog((s) => s.stored);
  const view = useLog((s) => s.view);
  const manual = useLog((s) => s.manual);
  const estimate = useAnalysis((s) => {
    const m = s.report.metrics;
    return m.available ? (m.leadTime?.minutes ?? m.cycleTimeMinutes) : null;
  });
  const state = logs.getState();
  return (
    <div className="lf-log">
      <h2>Event log</h2>
      {phase === 'reading' && (
        <div className="lf-log-progress">
          <label>
            Reading {fileName}…
            <progress max={1} value={progress} aria-label="Reading the event log" />
          </label>
          <button type="button" onClick={() => state.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="lf-import-error">
          {error}
        </p>
      )}
      {!imported && phase !== 'reading' && (
        <>
          <p>
            Open an export from your shop, help desk or task board (CSV or XES: a case id, an
            activity and a time per row) to see how work really flows on this map, or to draw a map
            from it.
          </p>
          <div className="lf-banner__actions">
            <OpenLogButton />
            <button
              type="button"
              onClick={() =>
                void openSample(
                  (file) => state.openFile(file),
                  (message) => editor.getState().setNotice(message),
                )
              }
            >
              Try the sample log
            </button>
          </div>
        </>
      )}
      {imported && (
        <>
          <p className="lf-log-summary" role="status">
            {imported.fileName}: {countOf(imported.log.caseIds.length, 'case')},{' '}
            {countOf(imported.log.activity.length, 'event')}
            {replay
              ? `, ${replay.fittingCases.toLocaleString('en-US')} follow "${mapName}" from start to end`
              : ''}
            .
          </p>
          {stored && (
            <p className="lf-log-stored">
              {stored === 'saving'
                ? 'Keeping the log with the map…'
                : stored === 'saved'
                  ? 'Kept with the map in this browser.'
                  : 'This browser could not keep the log with the map: open it again next time.'}
            </p>
          )}
          {imported.badCount > 0 && (
            <details className="lf-log-bad">
              <summary>
                {imported.badCount.toLocaleString('en-US')}{' '}
                {imported.badCount === 1
                  ? 'row could not be read and was skipped'
                  : 'rows could not be read and were skipped'}
              </summary>
              <ul>
                {imported.badRows.map((b) => (
                  <li key={b.line}>
                    Line {b.line}: {b.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="lf-banner__actions">
            <OpenLogButton label="Open another log…" />
            <button type="button" onClick={() => state.setLog(null)}>
              Remove log
            </button>
          </div>
          <fieldset className="lf-log-view">
            <legend>On the canvas</legend>
            {VIEWS.map((v) => (
              <label key={v.view}>
                <input
                  type="radio"
                  name="lf-log-view"
                  checked={view === v.view}
                  onChange={() => state.setView(v.view)}
                />
                {v.name}
              </label>
            ))}
          </fieldset>
          {replay && replay.unmatched.length > 0 && (
            <section aria-labelledby="lf-log-unmatched" className="lf-log-section">
              <h3 id="lf-log-unmatched">Activities with no step ({replay.unmatched.length})</h3>
              {replay.unmatched.map((u) => (
                <label key={u.activity} className="lf-log-match">
                  {u.activity} ({u.events} {u.events === 1 ? 'event' : 'events'}) is
                  <select
                    value={manual[u.activity] ?? ''}
                    onChange={(event) => state.setManual(u.activity, event.target.value || null)}
                  >
                    <option value="">not on the map</option>
                    {steps
                      .filter((n) => n.kind === 'action')
                      .map((n) => (
                        <option key={n.id} value={n.id}>
                          {n.label}
                        </option>
                      ))}
                  </select>
                </label>
              ))}
            </section>
          )}
          {replay && <LogDeviations replay={replay} pending={replayPending} />}
          {replay && <LogAgreements replay={replay} />}
          {replay && (
            <section aria-labelledby="lf-log-lead" className="lf-log-section">
              <h3 id="lf-log-lead">Lead time</h3>
              <LeadTimeHistogram
                leadTimes={replay.leadTimes}
                targetMinutes={targetHours === undefined ? undefined : targetHours * 60}
                estimateMinutes={estimate}
              />
            </section>
          )}
          {replay && (
            <div className="lf-banner__actions">
              <button
                type="button"
                disabled={replayPending}
                onClick={() => change(observedFigureEdits(editor.getState().map, replay))}
              >
                Use observed figures
              </button>
              <button
                type="button"
                onClick={() =>
                  download(stepTableCsv(editor.getState().map, replay), 'log-steps.csv')
                }
              >
                Steps as CSV
              </button>
              <button
                type="button"
                onClick={() => download(personTableCsv(replay), 'log-people.csv')}
              >
                People as CSV
              </button>
            </div>
          )}
          {discovery && (
            <LogDiscovery discovery={discovery} total={imported.log.activities.length} />
          )}
        </>
      )}
    </div>
  );
}

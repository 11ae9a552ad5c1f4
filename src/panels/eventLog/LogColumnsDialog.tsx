import { useEffect, useState } from 'react';
import { type ColumnMapping, type ColumnRole, completeMapping } from '../../eventlog/guessColumns';
import { DATE_FORMATS, type DateFormat } from '../../eventlog/parseTimestamp';
import { useLog, useLogStoreApi } from '../../store/LogStoreContext';
import { useModalDialog } from '../useModalDialog';

const ROLES: { role: ColumnRole; name: string; required: boolean }[] = [
  { role: 'caseId', name: 'Case id', required: true },
  { role: 'activity', name: 'Activity', required: true },
  { role: 'timestamp', name: 'Timestamp (completed)', required: true },
  { role: 'start', name: 'Start timestamp', required: false },
  { role: 'resource', name: 'Resource (who)', required: false },
  { role: 'lifecycle', name: 'Lifecycle (start/complete)', required: false },
];

const FORMAT_NAMES: Record<DateFormat, string> = {
  iso: 'ISO 8601 (2024-03-05 14:30)',
  dmy: 'Day first (05/03/2024 14:30)',
  mdy: 'Month first (03/05/2024 2:30 PM)',
  'unix-s': 'Unix seconds',
  'unix-ms': 'Unix milliseconds',
};

/**
 * Which column of a CSV log is the case id, activity, timestamp and the optional start,
 * resource and lifecycle; guessed from the header and values, confirmed by the person.
 * When day and month could be either way round, the person must pick one.
 */
export function LogColumnsDialog() {
  const logs = useLogStoreApi();
  const preview = useLog((s) => s.preview);
  const fileName = useLog((s) => s.fileName);
  const open = useLog((s) => s.phase === 'columns');
  const ref = useModalDialog(open);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [format, setFormat] = useState<DateFormat | null>(null);
  useEffect(() => {
    if (!preview) return;
    setMapping(preview.mapping);
    setFormat(preview.ambiguousDates ? null : preview.dateFormat);
  }, [preview]);
  if (!preview) return <dialog ref={ref} className="lf-dialog" aria-label="Event log columns" />;
  const complete = completeMapping(mapping);
  return (
    <dialog
      ref={ref}
      className="lf-dialog lf-log-columns"
      aria-labelledby="lf-log-columns-title"
      onClose={() => {
        // Closed by Escape: drop the file. (Import closes it too, with the job running.)
        if (logs.getState().phase === 'columns') logs.getState().cancel();
      }}
    >
      <h2 id="lf-log-columns-title">Which column is which? ({fileName})</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (complete && format) logs.getState().confirmColumns(complete, format);
        }}
      >
        <div className="lf-log-columns__grid">
          {ROLES.map(({ role, name, required }) => (
            <label key={role}>
              {name}
              <select
                aria-label={name}
                value={mapping[role] ?? ''}
                onChange={(event) => {
                  const value = event.target.value;
                  setMapping((m) => {
                    const next = { ...m };
                    if (value === '') delete next[role];
                    else next[role] = Number(value);
                    return next;
                  });
                }}
              >
                <option value="">{required ? 'Choose a column…' : '(none)'}</option>
                {preview.header.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                  <option key={i} value={i}>
                    {h || `Column ${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <fieldset className="lf-log-columns__dates">
          <legend>
            How are the dates written?
            {preview.ambiguousDates && (
              <strong role="alert">
                {' '}
                Every date in the first rows could be day/month or month/day: please choose.
              </strong>
            )}
          </legend>
          {DATE_FORMATS.map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="lf-date-format"
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              {FORMAT_NAMES[f]}
            </label>
          ))}
        </fieldset>
        <table className="lf-log-columns__sample">
          <caption>First rows</caption>
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.slice(0, 5).map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed preview
              <tr key={r}>
                {preview.header.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                  <td key={i}>{row[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="lf-banner__actions">
          <button type="submit" disabled={!complete || !format}>
            Import log
          </button>
          <button type="button" onClick={() => logs.getState().cancel()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

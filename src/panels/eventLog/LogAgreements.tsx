import type { Replay } from '../../eventlog/replayTypes';
import { defaultAgreement } from '../../leverage';
import { useEditor, useEditorStoreApi } from '../../store/EditorStoreContext';

const percent = (part: number, whole: number) =>
  whole ? `${Math.round((100 * part) / whole)}%` : '–';

/**
 * Each person with a service agreement: the share of their steps done within the agreed
 * turnaround (from the hand-over to completion), the late cases, and in which weeks the
 * on-time bonus was earned. People who did steps without an agreement can get one.
 */
export function LogAgreements({ replay }: { replay: Replay }) {
  const editor = useEditorStoreApi();
  const upsertPerson = useEditor((s) => s.upsertPerson);
  const addAgreement = (personId: string) => {
    const map = editor.getState().map;
    const person = map.people.find((p) => p.id === personId);
    const owner = map.people.find((p) => p.role === 'owner');
    if (person)
      upsertPerson({ ...person, agreement: defaultAgreement(owner?.name, person.agreement) });
  };
  return (
    <section aria-labelledby="lf-log-agreements" className="lf-log-section">
      <h3 id="lf-log-agreements">Agreements</h3>
      {replay.agreements.length === 0 && replay.withoutAgreement.length === 0 && (
        <p>No step in the log is done by someone with a service agreement.</p>
      )}
      {replay.agreements.length > 0 && (
        <table className="lf-log-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Turnaround</th>
              <th scope="col">On time</th>
              <th scope="col">Late cases</th>
              <th scope="col">Bonus weeks</th>
            </tr>
          </thead>
          <tbody>
            {replay.agreements.map((a) => (
              <tr key={a.personId} data-person={a.personId}>
                <th scope="row">{a.name}</th>
                <td>
                  {Number.isFinite(a.turnaroundHours) ? `${a.turnaroundHours} h` : 'per step'}
                </td>
                <td aria-label={`${a.name} on time`}>
                  {percent(a.onTime, a.steps)} of {a.steps}
                </td>
                <td>
                  {a.lateCaseCount}
                  {a.lateCases.length > 0 && (
                    <small title={a.lateCases.join(', ')}>
                      {' '}
                      ({a.lateCases.slice(0, 3).join(', ')}
                      {a.lateCaseCount > 3 ? ', …' : ''})
                    </small>
                  )}
                </td>
                <td>
                  <span
                    title={a.weeks
                      .map(
                        (w) =>
                          `${w.week}: ${percent(w.onTime, w.steps)} ${w.earned ? 'earned' : 'not earned'}`,
                      )
                      .join('\n')}
                  >
                    {a.weeks.filter((w) => w.earned).length} of {a.weeks.length}
                    {a.bonusPercent !== undefined ? ` (${a.bonusPercent}%)` : ''}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {replay.agreements.map((a) => (
        <details key={a.personId} className="lf-log-weeks">
          <summary>{a.name}: week by week</summary>
          <ul>
            {a.weeks.map((w) => (
              <li key={w.week}>
                Week of {w.week}: {percent(w.onTime, w.steps)} on time of {w.steps} —{' '}
                {w.earned ? 'bonus earned' : 'bonus not earned'}
              </li>
            ))}
          </ul>
        </details>
      ))}
      {replay.withoutAgreement.map((p) => (
        <p key={p.personId} className="lf-log-noagreement">
          {p.name} did {p.steps} steps without an agreed turnaround.{' '}
          <button type="button" onClick={() => addAgreement(p.personId)}>
            Add an agreement for {p.name}
          </button>
        </p>
      ))}
    </section>
  );
}

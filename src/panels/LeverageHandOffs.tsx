import { useMemo, useState } from 'react';
import {
  computeLeverage,
  firstOutsourcer,
  formatHours,
  formatMoney,
  type HandOffCandidate,
  handOffEdits,
  isOutside,
  type Leverage,
  whatIf,
} from '../leverage';
import type { ProcessMap } from '../model';
import type { Review } from '../review';
import { useEditorStoreApi } from '../store/EditorStoreContext';

/**
 * The ranked hand-off list with what-if checkboxes: the owner's hours, cost per case and
 * worth a week before and after, side by side; "Apply hand-offs" gives the checked steps
 * to the chosen person as one undo step. The list is ranked at the chosen person's rate
 * (unless a step has its own), and each item says which rate it used.
 */
export function LeverageHandOffs({
  map,
  report,
  leverage: shared,
}: {
  map: ProcessMap;
  report: Review;
  leverage: Leverage;
}) {
  const store = useEditorStoreApi();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const helpers = map.people.filter((p) => p.role !== 'owner' && !isOutside(p.role));
  const [chosenId, setChosenId] = useState<string>('');
  const target =
    helpers.find((p) => p.id === chosenId) ?? firstOutsourcer(map) ?? helpers[0] ?? undefined;
  const targetId = target?.id ?? null;
  // Ranked at the chosen person's rate; the panel's figures are already at the default one.
  const leverage = useMemo(
    () =>
      shared.handToId === targetId ? shared : computeLeverage(map, report, { handToId: targetId }),
    [shared, map, report, targetId],
  );
  const candidates = leverage.handOffCandidates;
  const rateNote = (c: HandOffCandidate) =>
    c.rateSource === 'step'
      ? "the step's own rate"
      : c.rateSource === 'person' && target
        ? `${target.name}'s rate`
        : "the map's default rate";
  const money = (x: number) => formatMoney(x, leverage.currency);
  const selected = candidates.filter((c) => checked.has(c.nodeId)).map((c) => c.nodeId);
  // Cheap: the report is reused (who does a step does not change its visits).
  const result =
    target && selected.length > 0 ? whatIf(map, selected, target.id, report, leverage) : null;

  if (candidates.length === 0) {
    return (
      <section aria-label="Hand-off list" className="lf-lev-handoffs">
        <h3>Worth handing off</h3>
        <p className="lf-muted lf-lev-hint">
          Nothing yet: give your steps durations, and hand-off rates below your target rate.
        </p>
      </section>
    );
  }

  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };
  const apply = () => {
    if (!target || selected.length === 0) return;
    store.getState().applyEdits(handOffEdits(selected, target.id));
    store
      .getState()
      .setNotice(
        `Handed ${selected.length} ${selected.length === 1 ? 'step' : 'steps'} to ${target.name}. Undo with Ctrl/⌘+Z.`,
      );
    setChecked(new Set());
  };
  const before = result?.before;
  const after = result?.after;

  return (
    <section aria-label="Hand-off list" className="lf-lev-handoffs">
      <h3>Worth handing off</h3>
      <ol>
        {candidates.map((c) => (
          <li key={c.nodeId}>
            <label className="lf-check">
              <input
                type="checkbox"
                checked={checked.has(c.nodeId)}
                onChange={(e) => toggle(c.nodeId, e.target.checked)}
              />
              <span className="lf-lev-cand">
                <span className="lf-lev-cand__name">{c.label.trim() || 'Unnamed step'}</span>
                <span className="lf-muted">
                  {formatHours(c.hoursPerWeek)} a week at {money(c.handOffRate)}/h ({rateNote(c)}) ·
                  worth <strong>{money(c.worthPerWeek)}</strong> a week
                </span>
              </span>
            </label>
          </li>
        ))}
      </ol>
      {helpers.length === 0 ? (
        <p className="lf-muted lf-lev-hint">Add an outsourcer in People to hand steps off.</p>
      ) : (
        <label className="lf-field">
          <span>Hand to</span>
          <select value={target?.id ?? ''} onChange={(e) => setChosenId(e.target.value)}>
            {helpers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.role})
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="lf-lev-whatif" aria-label="What if">
        <thead>
          <tr>
            <th scope="col">What if</th>
            <th scope="col">Now</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Your hours a week</th>
            <td>{formatHours(before?.ownerHoursPerWeek ?? ownerHours(leverage))}</td>
            <td>{after ? formatHours(after.ownerHoursPerWeek) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Cost per case</th>
            <td>{money(before?.costPerCase ?? leverage.costPerCase)}</td>
            <td>{after ? money(after.costPerCase) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Worth a week</th>
            <td>{money(0)}</td>
            <td>{after ? money(after.worthPerWeek) : '—'}</td>
          </tr>
        </tbody>
      </table>
      <button
        type="button"
        className="lf-lev-apply"
        disabled={!target || selected.length === 0}
        onClick={apply}
      >
        Apply hand-offs
      </button>
    </section>
  );
}

function ownerHours(leverage: Leverage): number {
  return leverage.people.find((p) => p.personId === leverage.ownerId)?.hoursPerWeek ?? 0;
}

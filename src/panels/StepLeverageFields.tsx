import { useShallow } from 'zustand/react/shallow';
import { findOwner, formatMoney, isOutside } from '../leverage';
import type { StepNode } from '../model';
import { useEditor } from '../store/EditorStoreContext';
import { useStep } from '../store/useStep';
import { AgreementFields } from './AgreementFields';
import { NumberField } from './NumberField';

/** Who does a step, what it costs, what kind of work it is and, for helpers, its agreement. */
export function StepLeverageFields({ id }: { id: string }) {
  const node = useStep(id);
  const people = useEditor((s) => s.map.people);
  const { currency, defaultHandOffRate } = useEditor(
    useShallow((s) => ({
      currency: s.map.settings.currency,
      defaultHandOffRate: s.map.settings.defaultHandOffRate,
    })),
  );
  const updateStep = useEditor((s) => s.updateStep);
  if (!node || (node.kind !== 'action' && node.kind !== 'decision')) return null;
  const step: StepNode = node;
  const owner = findOwner({ people });
  const doer = people.find((p) => p.id === step.ownerId);
  // An unassigned step is the owner's: shown as the owner, who is listed once.
  const shownDoer = doer ?? owner;
  const byOwner = shownDoer === undefined || shownDoer.role === 'owner';

  return (
    <fieldset className="lf-lev-step" aria-label="Leverage">
      <legend>Who and what it costs</legend>
      <label className="lf-field">
        <span>Done by</span>
        <select
          value={shownDoer ? shownDoer.id : ''}
          onChange={(e) =>
            updateStep(id, { ownerId: e.target.value === '' ? null : e.target.value })
          }
        >
          {!owner && <option value="">— (the owner)</option>}
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.role})
            </option>
          ))}
        </select>
      </label>
      {people.length === 0 && (
        <p className="lf-muted lf-lev-hint">Add people in the Leverage tab to assign steps.</p>
      )}
      <NumberField
        label={`Out-of-pocket cost per pass (${currency})`}
        value={step.costPerCase}
        min={0}
        max={100_000_000}
        step={0.01}
        placeholder="0"
        onCommit={(v) => updateStep(id, { costPerCase: v ?? null })}
      />
      <label className="lf-field">
        <span>Work type</span>
        <select
          value={step.workType ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            updateStep(id, {
              workType: v === 'productive' || v === 'non-productive' ? v : null,
            });
          }}
        >
          <option value="">— (not marked)</option>
          <option value="productive">Productive (creating, marketing, deals)</option>
          <option value="non-productive">
            Non-productive (email, admin, running the business)
          </option>
        </select>
      </label>
      <label className="lf-field">
        <span>Cadence</span>
        <select
          value={step.cadence ?? 'routine'}
          onChange={(e) =>
            updateStep(id, { cadence: e.target.value === 'one-time' ? 'one-time' : null })
          }
        >
          <option value="routine">Routine (runs every case)</option>
          <option value="one-time">One-time (a project, counted once)</option>
        </select>
      </label>
      {byOwner ? (
        <NumberField
          label={`Hand-off rate (${currency}/h)`}
          value={step.handOffRate}
          min={0}
          max={100_000_000}
          step={0.01}
          placeholder={String(defaultHandOffRate)}
          hint="Empty: the hourly cost of the person you hand it to, else the map's default."
          onCommit={(v) => updateStep(id, { handOffRate: v ?? null })}
        />
      ) : isOutside(shownDoer.role) ? (
        <p className="lf-muted lf-lev-hint">
          Done by {shownDoer.name}, an outside party: costs you nothing, counts in how long a case
          takes.
        </p>
      ) : (
        <p className="lf-muted lf-lev-hint" data-testid="doer-rate">
          Done by {shownDoer.name} at {formatMoney(shownDoer.hourlyCost, currency)}/h.
        </p>
      )}
      {doer && (doer.role === 'outsourcer' || doer.role === 'staff') && (
        <fieldset className="lf-lev-sla" aria-label="Service agreement">
          <legend>Service agreement with {doer.name}</legend>
          <p className="lf-muted lf-lev-hint">
            {doer.agreement
              ? `Empty fields follow ${doer.name}'s agreement; fill one in to differ for this step.`
              : `${doer.name} has no agreement yet (add it in the Leverage tab); fields here apply to this step only.`}
          </p>
          <AgreementFields
            value={step.sla}
            inherited={doer.agreement}
            people={people}
            onChange={(next) =>
              updateStep(id, { sla: Object.keys(next).length === 0 ? null : next })
            }
          />
        </fieldset>
      )}
    </fieldset>
  );
}

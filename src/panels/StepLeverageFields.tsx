import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_SLA_HOURS, findOwner, formatMoney, patchSla } from '../leverage';
import { LIMITS, type Sla, type StepNode } from '../model';
import { useEditor } from '../store/EditorStoreContext';
import { useStep } from '../store/useStep';
import { LeverageTextField } from './LeverageTextField';
import { NumberField } from './NumberField';

/** Who does a step, what it costs, what kind of work it is and, for outsourcers, its SLA. */
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
  const listId = `lf-lev-people-${id}`;
  const setSla = (patch: Partial<Sla>) => updateStep(id, { sla: patchSla(step.sla, patch) });

  return (
    <fieldset className="lf-lev-step" aria-label="Leverage">
      <legend>Who and what it costs</legend>
      <label className="lf-field">
        <span>Done by</span>
        <select
          value={doer ? doer.id : ''}
          onChange={(e) =>
            updateStep(id, { ownerId: e.target.value === '' ? null : e.target.value })
          }
        >
          <option value="">— {owner ? `(${owner.name}, the owner)` : '(the owner)'}</option>
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
      <NumberField
        label={`Hand-off rate (${currency}/h)`}
        value={step.handOffRate}
        min={0}
        max={100_000_000}
        step={0.01}
        placeholder={String(defaultHandOffRate)}
        hint={`Empty: the map's default, ${formatMoney(defaultHandOffRate, currency)}/h.`}
        onCommit={(v) => updateStep(id, { handOffRate: v ?? null })}
      />
      {doer?.role === 'outsourcer' && (
        <fieldset className="lf-lev-sla" aria-label="Service agreement">
          <legend>Service agreement with {doer.name}</legend>
          {step.sla ? (
            <>
              <NumberField
                label="Turnaround (hours)"
                value={step.sla.turnaroundHours}
                min={0}
                max={1_000_000}
                step={0.5}
                onCommit={(v) => {
                  if (v !== undefined) setSla({ turnaroundHours: v });
                }}
              />
              <LeverageTextField
                label="Quality metric"
                value={step.sla.metric}
                maxLength={LIMITS.maxLabelLength}
                onCommit={(v) => setSla({ metric: v })}
              />
              <LeverageTextField
                label="Minimum acceptable level"
                value={step.sla.minimumLevel}
                maxLength={LIMITS.maxLabelLength}
                onCommit={(v) => setSla({ minimumLevel: v })}
              />
              <NumberField
                label="On-time bonus (%)"
                value={step.sla.onTimeBonusPercent}
                min={0}
                max={1000}
                placeholder="e.g. 25"
                onCommit={(v) => setSla({ onTimeBonusPercent: v })}
              />
              <LeverageTextField
                label="Escalate to"
                value={step.sla.escalateTo}
                maxLength={LIMITS.maxOwnerLength}
                list={listId}
                onCommit={(v) => setSla({ escalateTo: v })}
              />
              <datalist id={listId}>
                {people.map((p) => (
                  <option key={p.id} value={p.name} />
                ))}
              </datalist>
              <button type="button" onClick={() => updateStep(id, { sla: null })}>
                Remove agreement
              </button>
            </>
          ) : (
            <>
              <p className="lf-muted lf-lev-hint">
                No agreement yet: turnaround, quality bar, on-time bonus and escalation.
              </p>
              <button
                type="button"
                onClick={() =>
                  updateStep(id, {
                    sla: {
                      turnaroundHours: DEFAULT_SLA_HOURS,
                      ...(owner ? { escalateTo: owner.name } : {}),
                    },
                  })
                }
              >
                Add agreement
              </button>
            </>
          )}
        </fieldset>
      )}
    </fieldset>
  );
}

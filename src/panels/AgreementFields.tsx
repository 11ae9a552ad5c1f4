import { useId } from 'react';
import { patchSla } from '../leverage';
import { LIMITS, type Person, type Sla } from '../model';
import { LeverageTextField } from './LeverageTextField';
import { NumberField } from './NumberField';

/**
 * The fields of a service agreement: turnaround, quality metric and minimum level, on-time
 * bonus, escalation and review cadence. With `inherited`, empty fields show (as
 * placeholders) what the step inherits from its doer's agreement.
 */
export function AgreementFields({
  value,
  inherited,
  people,
  onChange,
}: {
  value: Sla | undefined;
  inherited?: Sla | undefined;
  people: readonly Person[];
  /** The agreement with a field changed. */
  onChange: (next: Sla) => void;
}) {
  const listId = useId();
  const set = (patch: Partial<Sla>) => onChange(patchSla(value, patch));
  const hint = (x: string | number | undefined) => (x === undefined ? undefined : String(x));
  return (
    <>
      <NumberField
        label="Turnaround (hours)"
        value={value?.turnaroundHours}
        min={0}
        max={1_000_000}
        step={0.5}
        placeholder={hint(inherited?.turnaroundHours)}
        onCommit={(v) => set({ turnaroundHours: v })}
      />
      <LeverageTextField
        label="Quality metric"
        value={value?.metric}
        placeholder={inherited?.metric}
        maxLength={LIMITS.maxLabelLength}
        onCommit={(v) => set({ metric: v })}
      />
      <LeverageTextField
        label="Minimum acceptable level"
        value={value?.minimumLevel}
        placeholder={inherited?.minimumLevel}
        maxLength={LIMITS.maxLabelLength}
        onCommit={(v) => set({ minimumLevel: v })}
      />
      <NumberField
        label="On-time bonus (%)"
        value={value?.onTimeBonusPercent}
        min={0}
        max={1000}
        placeholder={hint(inherited?.onTimeBonusPercent) ?? 'e.g. 25'}
        hint={inherited ? undefined : 'For work on time without help; 25% is a good start.'}
        onCommit={(v) => set({ onTimeBonusPercent: v })}
      />
      <LeverageTextField
        label="Escalate to"
        value={value?.escalateTo}
        placeholder={inherited?.escalateTo}
        maxLength={LIMITS.maxOwnerLength}
        list={listId}
        onCommit={(v) => set({ escalateTo: v })}
      />
      <datalist id={listId}>
        {people.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <LeverageTextField
        label="Review results"
        value={value?.reviewCadence}
        placeholder={inherited?.reviewCadence ?? 'e.g. Weekly'}
        maxLength={LIMITS.maxLabelLength}
        onCommit={(v) => set({ reviewCadence: v })}
      />
    </>
  );
}

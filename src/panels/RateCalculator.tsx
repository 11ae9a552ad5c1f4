import { useShallow } from 'zustand/react/shallow';
import { formatMoney, targetRate } from '../leverage';
import { useEditor } from '../store/EditorStoreContext';
import { NumberField } from './NumberField';

/**
 * The target rate from a yearly income goal and the productive hours a year (e.g. two hours
 * a day, five days a week: 520): 260,000 / 520 = 500 an hour. Both inputs are kept in the
 * map's settings; "Use this rate" copies the result into the target hourly rate.
 */
export function RateCalculator() {
  const { currency, goal, hours, current } = useEditor(
    useShallow((s) => ({
      currency: s.map.settings.currency,
      goal: s.map.settings.yearlyIncomeGoal,
      hours: s.map.settings.productiveHoursPerYear,
      current: s.map.settings.targetHourlyRate,
    })),
  );
  const updateSettings = useEditor((s) => s.updateSettings);
  const rate = targetRate(goal, hours);
  return (
    <fieldset className="lf-lev-calc" aria-label="Rate calculator">
      <legend>Work out your target rate</legend>
      <div className="lf-lev-row">
        <NumberField
          label={`Yearly income goal (${currency})`}
          value={goal}
          min={0}
          max={100_000_000}
          step={1000}
          placeholder="260000"
          onCommit={(v) => updateSettings({ yearlyIncomeGoal: v })}
        />
        <span className="lf-lev-op" aria-hidden="true">
          ÷
        </span>
        <NumberField
          label="Productive hours a year"
          value={hours}
          min={1}
          max={8784}
          step={1}
          placeholder="520"
          onCommit={(v) => updateSettings({ productiveHoursPerYear: v })}
        />
      </div>
      <p className="lf-muted lf-lev-hint">
        Two productive hours a day, five days a week, 52 weeks: 520 hours a year.
      </p>
      <div className="lf-lev-row">
        <output className="lf-lev-result" aria-live="polite">
          {rate === undefined
            ? 'Enter both to work out a rate.'
            : `= ${formatMoney(rate, currency)} an hour`}
        </output>
        <button
          type="button"
          disabled={rate === undefined || rate === current}
          onClick={() => {
            if (rate !== undefined) updateSettings({ targetHourlyRate: rate });
          }}
        >
          Use this rate
        </button>
      </div>
    </fieldset>
  );
}

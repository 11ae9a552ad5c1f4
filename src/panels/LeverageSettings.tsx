import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/EditorStoreContext';
import { NumberField } from './NumberField';
import { RateCalculator } from './RateCalculator';

/** The map's money and time settings: currency, target rate (with its calculator), cases a week, default hand-off rate, target turnaround. */
export function LeverageSettings() {
  const settings = useEditor(useShallow((s) => s.map.settings));
  const updateSettings = useEditor((s) => s.updateSettings);
  const { currency } = settings;
  return (
    <section aria-label="Settings" className="lf-lev-settings">
      <h3>Settings</h3>
      <div className="lf-lev-row">
        <label className="lf-field lf-lev-currency">
          <span>Currency</span>
          <input
            key={currency}
            defaultValue={currency}
            maxLength={8}
            onBlur={(e) => {
              const code = e.target.value.trim().toUpperCase();
              if (code === '') e.target.value = currency;
              else if (code !== currency) updateSettings({ currency: code });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
          />
        </label>
        <NumberField
          label={`Target hourly rate (${currency}/h)`}
          value={settings.targetHourlyRate}
          min={0}
          max={100_000_000}
          step={1}
          onCommit={(v) => {
            if (v !== undefined) updateSettings({ targetHourlyRate: v });
          }}
        />
      </div>
      <RateCalculator />
      <div className="lf-lev-row">
        <NumberField
          label="Cases a week"
          value={settings.casesPerWeek}
          min={0}
          max={1_000_000}
          step={1}
          onCommit={(v) => {
            if (v !== undefined) updateSettings({ casesPerWeek: v });
          }}
        />
        <NumberField
          label={`Default hand-off rate (${currency}/h)`}
          value={settings.defaultHandOffRate}
          min={0}
          max={100_000_000}
          step={1}
          onCommit={(v) => {
            if (v !== undefined) updateSettings({ defaultHandOffRate: v });
          }}
        />
      </div>
      <NumberField
        label="Target turnaround for one case (hours)"
        value={settings.targetTurnaroundHours}
        min={0}
        max={1_000_000}
        step={0.5}
        placeholder="none"
        onCommit={(v) => updateSettings({ targetTurnaroundHours: v })}
      />
    </section>
  );
}

import { useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  step?: number;
  onCommit: (value: number | undefined) => void;
}

/**
 * A number input that commits on blur or Enter; empty clears the value, and a value out
 * of range is refused with a message instead of being saved.
 */
export function NumberField({ label, value, min, max, step = 1, onCommit }: NumberFieldProps) {
  const [error, setError] = useState<string | null>(null);
  const commit = (raw: string) => {
    if (raw.trim() === '') {
      setError(null);
      onCommit(undefined);
      return;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) {
      setError(`Enter a number from ${min} to ${max}.`);
      return;
    }
    setError(null);
    onCommit(n);
  };
  return (
    <label className="lf-field">
      <span>{label}</span>
      <input
        key={String(value)}
        type="number"
        inputMode="decimal"
        defaultValue={value ?? ''}
        min={min}
        max={max}
        step={step}
        aria-invalid={error !== null}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {error && (
        <span className="lf-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

import { useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  step?: number;
  /** Shown when empty, e.g. the default an empty field falls back to. */
  placeholder?: string;
  /** A short note under the field (e.g. "Default: $25/h"). */
  hint?: string;
  onCommit: (value: number | undefined) => void;
}

/**
 * A number input that commits on blur or Enter; empty clears the value, and a value out of
 * range is refused with a message instead of being saved. A placeholder and a hint serve
 * fields that fall back to a map default.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  placeholder,
  hint,
  onCommit,
}: NumberFieldProps) {
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = `${inputId}-hint`;
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
    // A div, not a wrapping label: the hint and error stay out of the field's accessible name.
    <div className="lf-field">
      <label htmlFor={inputId} className="lf-lev-label">
        {label}
      </label>
      <input
        id={inputId}
        key={String(value)}
        type="number"
        inputMode="decimal"
        defaultValue={value ?? ''}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={hint ? hintId : undefined}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {hint && (
        <span id={hintId} className="lf-muted lf-lev-hint">
          {hint}
        </span>
      )}
      {error && (
        <span className="lf-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

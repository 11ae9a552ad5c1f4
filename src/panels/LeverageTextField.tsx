interface LeverageTextFieldProps {
  label: string;
  value: string | undefined;
  maxLength: number;
  /** Called on blur or Enter with the trimmed text, or undefined when empty. */
  onCommit: (value: string | undefined) => void;
  list?: string;
  /** Shown when empty, e.g. the value an empty field inherits. */
  placeholder?: string;
}

/** A one-line text input that commits on blur or Enter; empty clears the value. */
export function LeverageTextField({
  label,
  value,
  maxLength,
  onCommit,
  list,
  placeholder,
}: LeverageTextFieldProps) {
  return (
    <label className="lf-field">
      <span>{label}</span>
      <input
        key={value ?? ''}
        defaultValue={value ?? ''}
        maxLength={maxLength}
        list={list}
        placeholder={placeholder}
        onBlur={(e) => {
          const text = e.target.value.trim();
          if (text !== (value ?? '')) onCommit(text === '' ? undefined : text);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </label>
  );
}

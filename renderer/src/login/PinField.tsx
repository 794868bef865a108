import type { Ref } from 'react';

interface PinFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (pin: string) => void;
  inputRef: Ref<HTMLInputElement>;
  invalid: boolean;
  errorId: string;
  readOnly: boolean;
  autoFocus?: boolean;
}

/** Six masked digits. Anything else typed is dropped as it is typed, so Enter always sends a well-formed PIN. */
export function PinField({ id, label, hint, value, onChange, inputRef, invalid, errorId, readOnly, autoFocus }: PinFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="field__input field__input--pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={value}
        readOnly={readOnly}
        autoFocus={autoFocus}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint ${errorId}`}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      <div id={`${id}-hint`} className="field__hint">
        {hint}
      </div>
    </div>
  );
}

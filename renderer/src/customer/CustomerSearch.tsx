import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupModes, type LookupDraft, type LookupField, type LookupMode } from './lookup';

interface CustomerSearchProps {
  draft: LookupDraft;
  onDraft: (draft: LookupDraft) => void;
  busy: boolean;
  problem: { field: LookupField; text: string } | null;
  onSearch: () => void;
  /** The first field of the chosen way: where the clerk (or the scanner) types when a customer steps up. */
  entryRef: RefObject<HTMLInputElement | null>;
}

/**
 * Finding the customer: a scanned or typed phone number and Enter, or the last 4 digits,
 * or the ID's last 4 with the name. Escape in a field with text empties it.
 */
export function CustomerSearch({ draft, onDraft, busy, problem, onSearch, entryRef }: CustomerSearchProps) {
  const { t } = useTranslation();
  const id = useId();

  const shownMode = useRef(draft.mode);

  // Another way of searching chosen: its first field appears with this render and takes the focus.
  useEffect(() => {
    if (shownMode.current === draft.mode) return;
    shownMode.current = draft.mode;
    entryRef.current?.focus();
  }, [draft.mode, entryRef]);

  function choose(mode: LookupMode): void {
    if (mode === draft.mode) entryRef.current?.focus();
    else onDraft({ ...draft, mode });
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) onSearch();
  }

  function clearOnEscape(event: KeyboardEvent<HTMLInputElement>, field: LookupField): void {
    if (event.key !== 'Escape' || draft[field] === '') return;
    event.preventDefault();
    event.stopPropagation();
    onDraft({ ...draft, [field]: '' });
  }

  const errorId = `${id}-error`;
  const inputProps = (name: LookupField, maxLength: number, numeric: boolean): SearchInputProps => ({
    id: `${id}-${name}`,
    label: t(`customer.search.${name}`),
    hint: t(`customer.search.${name}Hint`),
    value: draft[name],
    invalid: problem?.field === name,
    errorId,
    maxLength,
    numeric,
    onChange: (value) => onDraft({ ...draft, [name]: value }),
    onKeyDown: (event) => clearOnEscape(event, name),
  });

  return (
    <form className="customer-search" role="search" aria-label={t('customer.search.label')} noValidate onSubmit={submit}>
      <div className="lookup-modes" role="group" aria-label={t('customer.search.modes')}>
        {lookupModes.map((mode) => (
          <button
            key={mode}
            type="button"
            className="lookup-modes__option"
            aria-pressed={draft.mode === mode}
            onClick={() => choose(mode)}
            data-testid={`lookup-mode-${mode}`}
          >
            {t(`customer.search.mode.${mode}`)}
          </button>
        ))}
      </div>
      {draft.mode === 'phone' && <SearchInput {...inputProps('phone', 13, true)} inputRef={entryRef} />}
      {draft.mode === 'last4' && <SearchInput {...inputProps('last4', 4, true)} inputRef={entryRef} />}
      {draft.mode === 'id' && (
        <div className="customer-search__pair">
          <SearchInput {...inputProps('idLast4', 4, false)} inputRef={entryRef} />
          <SearchInput {...inputProps('name', 40, false)} />
        </div>
      )}
      <div id={errorId} className="form-error" role="alert">
        {problem?.text ?? ''}
      </div>
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {busy ? t('customer.search.searching') : t('customer.search.submit')}
        <kbd className="button__key">Enter</kbd>
      </button>
    </form>
  );
}

interface SearchInputProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  invalid: boolean;
  errorId: string;
  maxLength: number;
  numeric: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

function SearchInput({ id, label, hint, value, invalid, errorId, maxLength, numeric, inputRef, onChange, onKeyDown }: SearchInputProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="field__input"
        autoComplete="off"
        spellCheck={false}
        inputMode={numeric ? 'numeric' : undefined}
        maxLength={maxLength}
        value={value}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint ${errorId}`}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div id={`${id}-hint`} className="field__hint">
        {hint}
      </div>
    </div>
  );
}

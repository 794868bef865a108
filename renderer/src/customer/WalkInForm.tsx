import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate } from '../../../shared/calendar/index';
import type { CustomerCard } from '../../../shared/customers/contract';
import { isValidIdNumber } from '../../../shared/customers/id-number';
import { api } from '../api/client';
import { describeError } from '../api/describeError';

type Field = 'phone' | 'name' | 'idNumber';
interface Draft {
  phone: string;
  name: string;
  idNumber: string;
}

/** The ID check before anything leaves the counter: length first, then the GB 11643 check character. */
export function idNumberProblem(value: string): string | null {
  const id = value.trim().toUpperCase();
  if (id === '') return 'customer.walkIn.needId';
  if (!/^\d{17}[\dX]$/.test(id)) return 'customer.walkIn.badIdLength';
  return isValidIdNumber(id) ? null : 'customer.walkIn.badIdCheck';
}

/** Birthday from the ID number (digits 7–14), sent with the registration when it is a real date. */
function birthdayOf(idNumber: string): string | undefined {
  const digits = idNumber.slice(6, 14);
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return isValidIsoDate(date) ? date : undefined;
}

function check(draft: Draft): { field: Field; key: string } | null {
  if (!/^1[3-9]\d{9}$/.test(draft.phone.trim())) return { field: 'phone', key: 'customer.walkIn.badPhone' };
  if (draft.name.trim() === '') return { field: 'name', key: 'customer.walkIn.needName' };
  const id = idNumberProblem(draft.idNumber);
  return id ? { field: 'idNumber', key: id } : null;
}

interface WalkInFormProps {
  phone: string;
  onRegistered: (customer: CustomerCard) => void;
  onCancel: () => void;
}

/**
 * Registering a walk-in who is not in the cache (散客登记). The ID number is the one
 * field in the counter that takes a full number; it is checked here before sending and
 * forgotten as soon as the core has answered.
 */
export function WalkInForm({ phone, onRegistered, onCancel }: WalkInFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({ phone, name: '', idNumber: '' });
  const [problem, setProblem] = useState<{ field: Field | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { phone: useRef<HTMLInputElement>(null), name: useRef<HTMLInputElement>(null), idNumber: useRef<HTMLInputElement>(null) };
  const nameRef = refs.name;

  useEffect(() => {
    nameRef.current?.focus();
  }, [nameRef]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const bad = check(draft);
    if (bad) {
      setProblem({ field: bad.field, text: t(bad.key) });
      refs[bad.field].current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const idNumber = draft.idNumber.trim().toUpperCase();
    const birthday = birthdayOf(idNumber);
    const result = await api.call['customer.registerWalkIn']({
      phone: draft.phone.trim(),
      name: draft.name.trim(),
      idNumber,
      ...(birthday ? { birthday } : {}),
    });
    setBusy(false);
    if (result.ok) {
      setDraft({ phone: '', name: '', idNumber: '' });
      onRegistered(result.value.customer);
      return;
    }
    const text = result.error.code === 'CONFLICT' ? t('customer.walkIn.exists') : describeError(result.error);
    setProblem({ field: result.error.code === 'CONFLICT' ? 'phone' : null, text });
  }

  function onKey(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  const input = (field: Field, props: { maxLength: number; numeric?: boolean }) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${field}`}>
        {t(`customer.walkIn.${field}`)}
      </label>
      <input
        id={`${id}-${field}`}
        ref={refs[field]}
        className={`field__input${field === 'idNumber' ? ' field__input--id' : ''}`}
        autoComplete="off"
        spellCheck={false}
        inputMode={props.numeric ? 'numeric' : undefined}
        maxLength={props.maxLength}
        value={draft[field]}
        readOnly={busy}
        aria-invalid={problem?.field === field}
        aria-describedby={`${id}-${field}-hint ${id}-error`}
        onChange={(event) => {
          setDraft({ ...draft, [field]: event.target.value });
          if (problem?.field === field) setProblem(null);
        }}
      />
      <div id={`${id}-${field}-hint`} className="field__hint">
        {t(`customer.walkIn.${field}Hint`)}
      </div>
    </div>
  );

  return (
    <form className="walk-in" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKey} data-testid="walk-in">
      <h2 id={`${id}-title`} className="walk-in__title">
        {t('customer.walkIn.title')}
      </h2>
      <p className="walk-in__explain">{t('customer.walkIn.explain')}</p>
      {input('phone', { maxLength: 11, numeric: true })}
      {input('name', { maxLength: 40 })}
      {input('idNumber', { maxLength: 18 })}
      <div id={`${id}-error`} className="form-error" role="alert" data-testid="walk-in-error">
        {problem?.text ?? ''}
      </div>
      <div className="walk-in__buttons">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('customer.walkIn.cancel')}
          <kbd className="button__key">Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('customer.walkIn.registering') : t('customer.walkIn.submit')}
          <kbd className="button__key">Enter</kbd>
        </button>
      </div>
    </form>
  );
}

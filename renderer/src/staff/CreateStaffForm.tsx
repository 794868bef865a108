import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pin, StaffNo } from '../../../shared/staff/contract';
import { api } from '../api/client';
import type { StaffView } from '../api/types';
import { PinField } from '../login/PinField';
import { staffProblemText, type StaffAccount, type StaffProblem } from './staffErrors';

type Field = 'staffNo' | 'name' | 'role' | 'pin' | 'pinAgain';
const FIELDS: readonly Field[] = ['staffNo', 'name', 'role', 'pin', 'pinAgain'];
const NAME_MAX = 32;

interface Draft {
  staffNo: string;
  name: string;
  role: StaffView['role'];
  pin: string;
  pinAgain: string;
}

const EMPTY: Draft = { staffNo: '', name: '', role: 'clerk', pin: '', pinAgain: '' };

interface CreateStaffFormProps {
  /** The accounts listed: a staff number already there is refused before asking the core. */
  accounts: readonly StaffAccount[];
  onCreated: (staff: StaffView) => void;
}

/** What is wrong with one field of the draft, or null. */
function fieldProblem(field: Field, draft: Draft, accounts: readonly StaffAccount[]): StaffProblem | null {
  switch (field) {
    case 'staffNo': {
      const staffNo = draft.staffNo.trim();
      if (staffNo === '') return { key: 'staff.problems.needStaffNo' };
      if (!StaffNo.safeParse(staffNo).success) return { key: 'staff.problems.badStaffNo' };
      if (accounts.some((account) => account.staffNo === staffNo)) return { key: 'staff.problems.staffNoTaken', values: { staffNo } };
      return null;
    }
    case 'name':
      if (draft.name.trim() === '') return { key: 'staff.problems.needName' };
      return draft.name.trim().length > NAME_MAX ? { key: 'staff.problems.longName' } : null;
    case 'role':
      return null;
    case 'pin':
      return Pin.safeParse(draft.pin).success ? null : { key: 'staff.problems.needPin' };
    case 'pinAgain':
      if (!Pin.safeParse(draft.pinAgain).success) return { key: 'staff.problems.needPin' };
      return draft.pinAgain === draft.pin ? null : { key: 'staff.problems.pinMismatch' };
  }
}

/**
 * A new clerk or manager: staff number, name, role, the first PIN typed twice. Keyboard
 * first: Enter moves to the next field and creates the account from the last one. A
 * problem names its field and puts the cursor there; nothing typed is ever cleared by it.
 */
export function CreateStaffForm({ accounts, onCreated }: CreateStaffFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<{ field: Field | null; problem: StaffProblem } | null>(null);
  const [busy, setBusy] = useState(false);
  const staffNoRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const roleRef = useRef<HTMLSelectElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const pinAgainRef = useRef<HTMLInputElement>(null);

  function element(field: Field): HTMLInputElement | HTMLSelectElement | null {
    switch (field) {
      case 'staffNo':
        return staffNoRef.current;
      case 'name':
        return nameRef.current;
      case 'role':
        return roleRef.current;
      case 'pin':
        return pinRef.current;
      case 'pinAgain':
        return pinAgainRef.current;
    }
  }

  function change(next: Partial<Draft>): void {
    setDraft((current) => ({ ...current, ...next }));
    // Correcting the field a problem names takes the problem away; any other keeps it in view.
    if (problem?.field && problem.field in next) setProblem(null);
  }

  function show(field: Field | null, found: StaffProblem): void {
    setProblem({ field, problem: found });
    const target = field ? element(field) : null;
    target?.focus();
    // The cursor lands on what is wrong, its text selected: typing replaces it, nothing is lost.
    if (target instanceof HTMLInputElement) target.select();
  }

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (busy) return;
    for (const field of FIELDS) {
      const found = fieldProblem(field, draft, accounts);
      if (found) {
        show(field, found);
        return;
      }
    }
    setBusy(true);
    setProblem(null);
    const result = await api.call['staff.create']({ staffNo: draft.staffNo.trim(), name: draft.name.trim(), role: draft.role, pin: draft.pin });
    setBusy(false);
    if (!result.ok) {
      const taken = result.error.code === 'CONFLICT';
      show(taken ? 'staffNo' : null, { error: result.error });
      return;
    }
    setDraft(EMPTY);
    onCreated(result.value.staff);
    staffNoRef.current?.focus();
  }

  function onKey(event: KeyboardEvent<HTMLFormElement>): void {
    // Enter confirms a Chinese name in the input method first: that one is not ours.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const at = FIELDS.findIndex((field) => element(field) === event.target);
    if (at < 0) return;
    event.preventDefault();
    const field = FIELDS[at];
    const next = FIELDS[at + 1];
    if (!field || !next) {
      void submit();
      return;
    }
    const found = fieldProblem(field, draft, accounts);
    if (found) show(field, found);
    else {
      if (problem?.field === field) setProblem(null);
      element(next)?.focus();
    }
  }

  const wrong = (field: Field) => problem?.field === field;
  const errorId = `${id}-error`;
  return (
    <form className="staff-form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKey} data-testid="staff-create">
      <h3 className="staff-form__heading">{t('staff.create.heading')}</h3>
      <div className="staff-form__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-staff-no`}>
            {t('staff.create.staffNo')}
          </label>
          <input
            id={`${id}-staff-no`}
            ref={staffNoRef}
            className="field__input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            value={draft.staffNo}
            readOnly={busy}
            aria-invalid={wrong('staffNo')}
            aria-describedby={`${id}-staff-no-hint ${errorId}`}
            onChange={(event) => change({ staffNo: event.target.value })}
          />
          <div id={`${id}-staff-no-hint`} className="field__hint">
            {t('staff.create.staffNoHint')}
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('staff.create.name')}
          </label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            className="field__input"
            type="text"
            autoComplete="off"
            maxLength={NAME_MAX}
            value={draft.name}
            readOnly={busy}
            aria-invalid={wrong('name')}
            aria-describedby={errorId}
            onChange={(event) => change({ name: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            {t('staff.create.role')}
          </label>
          <select
            id={`${id}-role`}
            ref={roleRef}
            className="field__input"
            value={draft.role}
            disabled={busy}
            onChange={(event) => change({ role: event.target.value === 'manager' ? 'manager' : 'clerk' })}
          >
            <option value="clerk">{t('role.clerk')}</option>
            <option value="manager">{t('role.manager')}</option>
          </select>
        </div>
        <PinField
          id={`${id}-pin`}
          label={t('staff.create.pin')}
          hint={t('staff.create.pinHint')}
          value={draft.pin}
          onChange={(pin) => change({ pin })}
          inputRef={pinRef}
          invalid={wrong('pin')}
          errorId={errorId}
          readOnly={busy}
        />
        <PinField
          id={`${id}-pin-again`}
          label={t('staff.create.pinAgain')}
          hint={t('staff.create.pinAgainHint')}
          value={draft.pinAgain}
          onChange={(pinAgain) => change({ pinAgain })}
          inputRef={pinAgainRef}
          invalid={wrong('pinAgain')}
          errorId={errorId}
          readOnly={busy}
        />
      </div>
      <div className="staff-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('staff.create.submitting') : t('staff.create.submit')}
          <kbd className="button__key">Enter</kbd>
        </button>
        <p id={errorId} className="form-error staff-form__error" role="alert">
          {problem ? staffProblemText(problem.problem, t) : ''}
        </p>
      </div>
    </form>
  );
}

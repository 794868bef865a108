import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pin, StaffNo, type Approval } from '../../../shared/staff/contract';
import type { ApiError } from '../api/types';
import { PinField } from '../login/PinField';
import { Dialog } from './Dialog';
import { describeRefusal } from './refusals';

export interface ManagerApprovalDialogProps {
  /** What is being approved, in the counter's language ("报损：保温杯 × 1"). */
  purpose: string;
  /** Tries the action with this approval; answers the refusal to show, or null when the prompt is done. */
  onSubmit: (approval: Approval) => Promise<ApiError | null>;
  onCancel: () => void;
}

type Shown = { kind: 'refused'; error: ApiError; staffNo: string } | { kind: 'input'; key: string } | null;

/**
 * The step-up prompt: a manager types their staff number and PIN at the clerk's counter.
 * Keyboard only: the staff number has the focus, Enter moves on to the PIN, Enter there
 * approves, Escape cancels. A wrong PIN empties the PIN and keeps the prompt open.
 */
export function ManagerApprovalDialog({ purpose, onSubmit, onCancel }: ManagerApprovalDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  const staffRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  function refocus(field: 'staffNo' | 'pin'): void {
    const target = field === 'staffNo' ? staffRef.current : pinRef.current;
    target?.focus();
    if (field === 'staffNo') target?.select();
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const number = staffNo.trim();
    if (!StaffNo.safeParse(number).success) {
      setShown({ kind: 'input', key: number === '' ? 'approval.needStaffNo' : 'approval.badStaffNo' });
      refocus('staffNo');
      return;
    }
    if (!Pin.safeParse(pin).success) {
      // Enter in the staff-number field with no PIN yet just moves on, as at login.
      if (pin !== '' || document.activeElement === pinRef.current) setShown({ kind: 'input', key: 'approval.needPin' });
      refocus('pin');
      return;
    }
    setBusy(true);
    const refused = await onSubmit({ staffNo: number, pin });
    // A finished prompt is unmounted by its owner; only a refusal comes back here.
    if (!refused) return;
    setBusy(false);
    setPin('');
    setShown({ kind: 'refused', error: refused, staffNo: number });
    refocus(refused.code === 'WRONG_PIN' && refused.details?.lockedUntil === undefined ? 'pin' : 'staffNo');
  }

  function onStaffKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' && pin === '' && StaffNo.safeParse(staffNo.trim()).success) {
      event.preventDefault();
      refocus('pin');
    }
  }

  // A wrong PIN is the PIN's fault; the staff number is marked when it is the one to change.
  const staffInvalid =
    shown !== null &&
    (shown.kind === 'input' ? shown.key !== 'approval.needPin' : shown.error.code !== 'WRONG_PIN' || shown.error.details?.lockedUntil !== undefined);
  const message = shown === null ? '' : shown.kind === 'input' ? t(shown.key) : describeRefusal(shown.error, shown.staffNo, t);

  return (
    // While the approved call is on its way, Escape waits: the action may already be done.
    <Dialog labelledBy={`${id}-heading`} onClose={() => !busy && onCancel()} size="narrow" role="alertdialog" testId="manager-approval">
      <div className="modal__head">
        <h2 id={`${id}-heading`} className="modal__title">
          {t('approval.heading')}
        </h2>
      </div>
      <p className="approval__purpose" data-testid="approval-purpose">
        {t('approval.purpose', { purpose })}
      </p>
      <p className="approval__explain">{t('approval.explain')}</p>
      <form className="approval__form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-staff`}>
            {t('approval.staffNo')}
          </label>
          <input
            id={`${id}-staff`}
            ref={staffRef}
            className="field__input"
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            value={staffNo}
            readOnly={busy}
            autoFocus
            aria-invalid={staffInvalid}
            aria-describedby={`${id}-staff-hint ${id}-error`}
            onChange={(event) => {
              setStaffNo(event.target.value);
              setShown(null);
            }}
            onKeyDown={onStaffKey}
          />
          <div id={`${id}-staff-hint`} className="field__hint">
            {t('approval.staffNoHint')}
          </div>
        </div>
        <PinField
          id={`${id}-pin`}
          label={t('approval.pin')}
          hint={t('approval.pinHint')}
          value={pin}
          onChange={(next) => {
            setPin(next);
            if (shown?.kind === 'input') setShown(null);
          }}
          inputRef={pinRef}
          invalid={shown !== null && !staffInvalid}
          errorId={`${id}-error`}
          readOnly={busy}
        />
        <div id={`${id}-error`} className="form-error" role="alert" data-testid="approval-error">
          {message}
        </div>
        <div className="modal__buttons">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('approval.cancel')}
            <kbd className="button__key">Esc</kbd>
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('approval.approving') : t('approval.approve')}
            <kbd className="button__key">Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}

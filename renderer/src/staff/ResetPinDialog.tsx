import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pin } from '../../../shared/staff/contract';
import { Dialog } from '../approval';
import { api } from '../api/client';
import { PinField } from '../login/PinField';
import { staffProblemText, type StaffAccount, type StaffProblem } from './staffErrors';

interface ResetPinDialogProps {
  account: StaffAccount;
  /** The account is the manager's own: the reset ends this session too. */
  self: boolean;
  onDone: () => void;
  onClose: () => void;
}

/** A new PIN typed twice for an account (staff.resetPin); it lifts a lock and ends the account's sessions. */
export function ResetPinDialog({ account, self, onDone, onClose }: ResetPinDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problem, setProblem] = useState<{ field: 'pin' | 'pinAgain' | null; problem: StaffProblem } | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const pinAgainRef = useRef<HTMLInputElement>(null);
  const names = { name: account.name, staffNo: account.staffNo };

  function show(field: 'pin' | 'pinAgain' | null, found: StaffProblem): void {
    setProblem({ field, problem: found });
    const target = field === 'pin' ? pinRef.current : field === 'pinAgain' ? pinAgainRef.current : null;
    target?.focus();
    target?.select();
  }

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (busy) return;
    if (!Pin.safeParse(pin).success) return show('pin', { key: 'staff.problems.needPin' });
    if (!Pin.safeParse(pinAgain).success) return show('pinAgain', { key: 'staff.problems.needPin' });
    if (pin !== pinAgain) return show('pinAgain', { key: 'staff.problems.pinMismatch' });
    setBusy(true);
    setProblem(null);
    const result = await api.call['staff.resetPin']({ staffNo: account.staffNo, pin });
    setBusy(false);
    if (result.ok) onDone();
    else show('pin', { error: result.error });
  }

  function onPinKey(event: KeyboardEvent<HTMLDivElement>): void {
    // Enter in the first PIN moves on to the second, as on the login screen.
    if (event.key !== 'Enter' || event.target !== pinRef.current) return;
    event.preventDefault();
    if (!Pin.safeParse(pin).success) show('pin', { key: 'staff.problems.needPin' });
    else pinAgainRef.current?.focus();
  }

  return (
    <Dialog labelledBy={`${id}-title`} onClose={onClose} size="narrow" testId="staff-reset-pin">
      <div className="modal__head">
        <h2 id={`${id}-title`} className="modal__title">
          {t('staff.reset.title', names)}
        </h2>
      </div>
      <p className="staff-dialog__about">{t('staff.reset.about')}</p>
      {self && <p className="staff-dialog__warn">{t('staff.reset.aboutSelf')}</p>}
      <form className="staff-dialog__form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="staff-dialog__fields" onKeyDown={onPinKey}>
          <PinField
            id={`${id}-pin`}
            label={t('staff.reset.pin')}
            hint={t('staff.reset.pinHint')}
            value={pin}
            onChange={(next) => {
              setPin(next);
              if (problem?.field === 'pin') setProblem(null);
            }}
            inputRef={pinRef}
            invalid={problem?.field === 'pin'}
            errorId={`${id}-error`}
            readOnly={busy}
            autoFocus
          />
          <PinField
            id={`${id}-pin-again`}
            label={t('staff.reset.pinAgain')}
            hint={t('staff.reset.pinAgainHint')}
            value={pinAgain}
            onChange={(next) => {
              setPinAgain(next);
              if (problem?.field === 'pinAgain') setProblem(null);
            }}
            inputRef={pinAgainRef}
            invalid={problem?.field === 'pinAgain'}
            errorId={`${id}-error`}
            readOnly={busy}
          />
        </div>
        <p id={`${id}-error`} className="form-error" role="alert">
          {problem ? staffProblemText(problem.problem, t) : ''}
        </p>
        <div className="modal__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('staff.reset.cancel')}
            <kbd className="button__key">Esc</kbd>
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('staff.reset.submitting') : t('staff.reset.submit')}
            <kbd className="button__key">Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}

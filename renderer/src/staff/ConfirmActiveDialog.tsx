import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../approval';
import { api } from '../api/client';
import type { ApiError } from '../api/types';
import { staffErrorText, type StaffAccount } from './staffErrors';

interface ConfirmActiveDialogProps {
  account: StaffAccount;
  /** What the manager asked for: false disables the account, true enables it again. */
  active: boolean;
  onDone: (account: StaffAccount) => void;
  onClose: () => void;
}

/**
 * "Disable 刘洋 (1002)?" — one question before staff.setActive. Enter confirms (the button
 * has the focus), Escape cancels; a refusal (the last manager) is said here and nothing changes.
 */
export function ConfirmActiveDialog({ account, active, onDone, onClose }: ConfirmActiveDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const names = { name: account.name, staffNo: account.staffNo };

  async function confirm(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await api.call['staff.setActive']({ staffNo: account.staffNo, active });
    setBusy(false);
    if (result.ok) onDone(result.value.staff);
    else setError(result.error);
  }

  return (
    <Dialog labelledBy={`${id}-title`} onClose={onClose} size="narrow" role="alertdialog" testId="staff-confirm-active">
      <div className="modal__head">
        <h2 id={`${id}-title`} className="modal__title">
          {active ? t('staff.confirm.enableTitle', names) : t('staff.confirm.disableTitle', names)}
        </h2>
      </div>
      <p className="staff-dialog__about">{active ? t('staff.confirm.enableAbout') : t('staff.confirm.disableAbout')}</p>
      <p className="form-error" role="alert">
        {error ? staffErrorText(error, t) : ''}
      </p>
      <div className="modal__buttons">
        <button type="button" className="button" onClick={onClose}>
          {t('staff.confirm.cancel')}
          <kbd className="button__key">Esc</kbd>
        </button>
        <button
          type="button"
          className={active ? 'button button--primary' : 'button button--primary staff-dialog__danger'}
          // Not disabled while saving: the focus stays on it, so Enter or Escape still work after a refusal.
          aria-disabled={busy}
          autoFocus
          onClick={() => void confirm()}
        >
          {busy ? t('staff.confirm.working') : active ? t('staff.confirm.enable') : t('staff.confirm.disable')}
          <kbd className="button__key">Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}

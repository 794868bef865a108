import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryOrderView, TrialView } from '../../../shared/enrolment/views';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import { SlipPrintPanel } from '../slips/SlipPrintPanel';
import { RecoveryForm } from './RecoveryForm';

type Mode = 'install' | 'cancel' | 'recovery' | null;

interface TrialActionsProps {
  trial: TrialView;
  /** The old modem is collected at install for a line already in service. */
  recoversOldModem: boolean;
  oldModemKnown: boolean;
  onChanged: () => void;
}

/**
 * What the counter does with a trial after enrolling it: record the installer's completion
 * day (竣工), cancel it for the customer (注销: a recovery order for the lent units and a
 * slip), and take the units back (回收). Escape closes an open form; what was typed stays.
 */
export function TrialActions({ trial, recoversOldModem, oldModemKnown, onChanged }: TrialActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const [completionOn, setCompletionOn] = useState(trial.completionOn ?? trial.enrolledOn);
  const [oldModem, setOldModem] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [cancelled, setCancelled] = useState<{ slipNo: string; recovery: RecoveryOrderView | null } | null>(null);

  const canInstall = trial.status === 'awaiting_install';
  const canCancel = trial.status === 'awaiting_install' || trial.status === 'active';
  const openRecovery = trial.recovery?.status === 'open' ? trial.recovery : null;

  function open(next: Mode): void {
    setMode(next);
    setProblem('');
  }

  async function install(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const serial = oldModem.trim().toUpperCase();
    const result = await api.call['trial.confirmInstall']({
      enrolmentNo: trial.enrolmentNo,
      completionOn,
      ...(serial !== '' ? { oldModemSerial: serial } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      // The completion day lies between the enrolment and today: say so with the dates, not a generic "invalid input".
      const range = result.error.details;
      if (result.error.code === 'VALIDATION' && typeof range?.from === 'string' && typeof range.to === 'string') {
        return setProblem(t('trials.completionRange', { from: range.from, to: range.to }));
      }
      return setProblem(describeError(result.error));
    }
    setMode(null);
    onChanged();
  }

  async function cancel(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await api.call['trial.cancel']({ enrolmentNo: trial.enrolmentNo, ...(note.trim() !== '' ? { note: note.trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setProblem(describeError(result.error));
    setMode(null);
    setCancelled({ slipNo: result.value.slipNo, recovery: result.value.recovery });
    onChanged();
  }

  function escape(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      event.stopPropagation();
      setMode(null);
    }
  }

  const buttons = (submitKey: string) => (
    <div className="trial-form__buttons">
      <button type="button" className="button button--compact" onClick={() => setMode(null)}>
        {t('trials.close')}
        <kbd className="button__key">Esc</kbd>
      </button>
      <button type="submit" className="button button--primary button--compact" aria-disabled={busy}>
        {t(submitKey)}
        <kbd className="button__key">Enter</kbd>
      </button>
    </div>
  );

  return (
    <div className="trial-actions" data-testid={`trial-actions-${trial.enrolmentNo}`}>
      <div className="trial-actions__buttons">
        {canInstall && (
          <button type="button" className="button button--compact" onClick={() => open('install')} data-testid="trial-install">
            {t('trials.install')}
          </button>
        )}
        {canCancel && (
          <button type="button" className="button button--compact" onClick={() => open('cancel')} data-testid="trial-cancel">
            {t('trials.cancel')}
          </button>
        )}
        {openRecovery && (
          <button type="button" className="button button--compact" onClick={() => open('recovery')} data-testid="trial-recover">
            {t('trials.recover')}
          </button>
        )}
      </div>
      {mode === 'install' && (
        <form className="trial-form" noValidate onSubmit={(event) => void install(event)} onKeyDown={escape} aria-label={t('trials.install')}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-completion`}>
              {t('trials.completionOn')}
            </label>
            <input id={`${id}-completion`} className="field__input" type="date" value={completionOn} autoFocus onChange={(event) => setCompletionOn(event.target.value)} />
            <div className="field__hint">{t('trials.completionHint', { from: trial.enrolledOn, by: trial.installBy })}</div>
          </div>
          {recoversOldModem && !oldModemKnown && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-modem`}>
                {t('trials.oldModem')}
              </label>
              <input id={`${id}-modem`} className="field__input field__input--serial" autoComplete="off" value={oldModem} onChange={(event) => setOldModem(event.target.value)} />
              <div className="field__hint">{t('trials.oldModemHint')}</div>
            </div>
          )}
          <p className="form-error" role="alert">
            {problem}
          </p>
          {buttons('trials.installConfirm')}
        </form>
      )}
      {mode === 'cancel' && (
        <form className="trial-form" noValidate onSubmit={(event) => void cancel(event)} onKeyDown={escape} aria-label={t('trials.cancel')}>
          <p className="trial-form__explain">{t('trials.cancelExplain')}</p>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-note`}>
              {t('trials.note')}
            </label>
            <input id={`${id}-note`} className="field__input" autoComplete="off" maxLength={200} value={note} autoFocus onChange={(event) => setNote(event.target.value)} />
          </div>
          <p className="form-error" role="alert">
            {problem}
          </p>
          {buttons('trials.cancelConfirm')}
        </form>
      )}
      {mode === 'recovery' && openRecovery && (
        <RecoveryForm
          order={openRecovery}
          onDone={() => {
            setMode(null);
            onChanged();
          }}
          onClose={() => setMode(null)}
        />
      )}
      {cancelled && (
        <div className="trial-cancelled" data-testid="trial-cancelled">
          <p className="trial-cancelled__note" role="status">
            {cancelled.recovery
              ? t('trials.cancelled', { orderId: cancelled.recovery.orderId, due: cancelled.recovery.dueOn, units: cancelled.recovery.serials.map((s) => s.serial).join('、') })
              : t('trials.cancelledNoUnits')}
          </p>
          <SlipPrintPanel slipNo={cancelled.slipNo} fresh />
        </div>
      )}
    </div>
  );
}

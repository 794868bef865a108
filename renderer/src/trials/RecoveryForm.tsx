import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryOrderView } from '../../../shared/enrolment/views';
import { api } from '../api/client';
import { describeError } from '../api/describeError';

interface RecoveryFormProps {
  order: RecoveryOrderView;
  onDone: () => void;
  onClose: () => void;
}

/**
 * The lent units come back (回收): each is scanned and ticked off the order; when all are
 * in, Enter completes the order. An ordinary modem handed to the customer in exchange is
 * scanned too (optional).
 */
export function RecoveryForm({ order, onDone, onClose }: RecoveryFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [scan, setScan] = useState('');
  const [scanned, setScanned] = useState<string[]>([]);
  const [ordinary, setOrdinary] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const expected = order.serials.map((s) => s.serial);
  const complete = expected.every((serial) => scanned.includes(serial));

  function onScanKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter') return;
    const serial = scan.trim().toUpperCase();
    if (serial === '' && complete) return; // the form's Enter: complete the order
    event.preventDefault();
    if (serial === '') return setProblem(t('trials.recovery.scanNext'));
    if (!expected.includes(serial)) return setProblem(t('trials.recovery.notOnOrder', { serial, orderId: order.orderId }));
    if (scanned.includes(serial)) return setProblem(t('trials.recovery.already', { serial }));
    setScanned([...scanned, serial]);
    setScan('');
    setProblem('');
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    if (!complete) return setProblem(t('trials.recovery.missing', { serials: expected.filter((s) => !scanned.includes(s)).join('、') }));
    setBusy(true);
    const modem = ordinary.trim().toUpperCase();
    const result = await api.call['recovery.complete']({ orderId: order.orderId, serials: scanned, ...(modem !== '' ? { ordinaryModemSerial: modem } : {}) });
    setBusy(false);
    if (!result.ok) return setProblem(describeError(result.error));
    onDone();
  }

  return (
    <form
      className="trial-form"
      noValidate
      aria-label={t('trials.recover')}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <ul className="recovery__units">
        {order.serials.map((unit) => (
          <li key={unit.serial} className={scanned.includes(unit.serial) ? 'recovery__unit recovery__unit--in' : 'recovery__unit'}>
            {scanned.includes(unit.serial) ? '✓ ' : '○ '}
            {unit.sku} {unit.serial}
          </li>
        ))}
      </ul>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-scan`}>
          {t('trials.recovery.scan')}
        </label>
        <input
          id={`${id}-scan`}
          className="field__input field__input--serial"
          autoComplete="off"
          autoFocus
          value={scan}
          onChange={(event) => setScan(event.target.value)}
          onKeyDown={onScanKey}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-ordinary`}>
          {t('trials.recovery.ordinary')}
        </label>
        <input id={`${id}-ordinary`} className="field__input field__input--serial" autoComplete="off" value={ordinary} onChange={(event) => setOrdinary(event.target.value)} />
        <div className="field__hint">{t('trials.recovery.ordinaryHint')}</div>
      </div>
      <p className="form-error" role="alert">
        {problem}
      </p>
      <div className="trial-form__buttons">
        <button type="button" className="button button--compact" onClick={onClose}>
          {t('trials.close')}
          <kbd className="button__key">Esc</kbd>
        </button>
        <button type="submit" className="button button--primary button--compact" aria-disabled={busy}>
          {t('trials.recovery.submit')}
          <kbd className="button__key">Enter</kbd>
        </button>
      </div>
    </form>
  );
}

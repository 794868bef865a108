import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryListLine } from '../../../shared/reports/lists';
import { Dialog } from '../approval';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';

interface RecoveryDialogProps {
  order: RecoveryListLine;
  onDone: (orderId: number) => void;
  onClose: () => void;
}

/**
 * The installer is back with the lent units: each serial of the order is scanned (a
 * scanner types it and presses Enter), the ordinary modem fitted for the customer may be
 * scanned too, and recovery.complete closes the order.
 */
export function RecoveryDialog({ order, onDone, onClose }: RecoveryDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [scan, setScan] = useState('');
  const [scanned, setScanned] = useState<string[]>([]);
  const [modem, setModem] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const units = order.units.filter((u) => u.status === 'recovery_open');
  const complete = units.length > 0 && units.every((u) => scanned.includes(u.serial));

  function onScanKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const serial = scan.trim();
    if (!serial) return;
    setScan('');
    if (scanned.includes(serial)) setProblem(t('lists.recover.already', { serial }));
    else if (!units.some((u) => u.serial === serial)) setProblem(t('lists.recover.notOnOrder', { serial }));
    else {
      setProblem(null);
      setScanned((all) => [...all, serial]);
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!complete) {
      setProblem(t('lists.recover.needAll'));
      return;
    }
    setSaving(true);
    setError(null);
    const ordinary = modem.trim();
    const result = await api.call['recovery.complete']({ orderId: order.orderId, serials: scanned, ...(ordinary ? { ordinaryModemSerial: ordinary } : {}) });
    setSaving(false);
    if (result.ok) onDone(order.orderId);
    else setError(result.error);
  }

  return (
    <Dialog labelledBy={`${id}-title`} onClose={onClose} testId="recovery-dialog">
      <h2 id={`${id}-title`} className="modal__title">
        {t('lists.recover.title', { id: order.orderId })}
      </h2>
      <p className="lists-dialog__about">
        {order.customer.nameMasked} {order.customer.phoneMasked} · {order.enrolmentNo ?? '—'}
      </p>
      <form className="lists-dialog__form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">{t('lists.recover.scan')}</span>
          <input
            className="lists-dialog__input lists-dialog__input--scan"
            value={scan}
            autoFocus
            autoComplete="off"
            onChange={(event) => setScan(event.target.value)}
            onKeyDown={onScanKey}
          />
          <span className="field__hint">{t('lists.recover.scanHint')}</span>
        </label>
        <ul className="lists-dialog__units" aria-label={t('lists.recover.progress', { scanned: scanned.length, total: units.length })}>
          {units.map((u) => {
            const done = scanned.includes(u.serial);
            return (
              <li key={u.serial} className={done ? 'lists-unit lists-unit--done' : 'lists-unit'} data-serial={u.serial}>
                <span>{u.name}</span>
                <span className="lists-table__code">{u.serial}</span>
                <span className={done ? 'lists-tag lists-tag--ok' : 'lists-tag'}>{done ? t('lists.recover.ok') : t('lists.recover.waiting')}</span>
              </li>
            );
          })}
        </ul>
        <p className="lists-note">{t('lists.recover.progress', { scanned: scanned.length, total: units.length })}</p>
        <label className="field">
          <span className="field__label">{t('lists.recover.modem')}</span>
          <input className="lists-dialog__input" value={modem} autoComplete="off" onChange={(event) => setModem(event.target.value)} />
          <span className="field__hint">{t('lists.recover.modemHint')}</span>
        </label>
        <p className="form-error" role="alert">
          {error ? describeError(error) : (problem ?? '')}
        </p>
        <div className="modal__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('lists.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving || !complete}>
            {saving ? t('lists.recover.submitting') : t('lists.recover.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

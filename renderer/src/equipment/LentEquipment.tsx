import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/contract/errors';
import type { MethodOutput } from '../../../shared/contract/index';
import { maskName } from '../../../shared/customers/snapshot';
import type { EquipmentUnitView } from '../../../shared/stock/views-contract';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';
import './equipment.css';

type Show = 'held' | 'overdue' | 'all';
const shows: readonly Show[] = ['held', 'overdue', 'all'];

function rowClass(unit: EquipmentUnitView): string {
  if (unit.recovery?.overdue) return 'lent__row lent__row--overdue';
  if (unit.recovery) return 'lent__row lent__row--recovery';
  return 'lent__row';
}

interface LentEquipmentProps {
  visible: boolean;
  /** Bumped when this counter moved stock, so the list is read again. */
  version: number;
}

/**
 * Lent equipment (借出设备): which customer holds which set-top box or modem, since when,
 * and the recoveries (回收) due, overdue ones first and marked. Customers are shown masked.
 */
export function LentEquipment({ visible, version }: LentEquipmentProps) {
  const { t } = useTranslation();
  const id = useId();
  const [show, setShow] = useState<Show>('held');
  const [answer, setAnswer] = useState<MethodOutput<'equipment.units'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const showAnswer = useCallback((request: number, result: ApiResult<MethodOutput<'equipment.units'>>) => {
    if (request !== latest.current) return;
    if (result.ok) {
      setAnswer(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    // Read each time the view is shown: trials enrolled or cancelled at other counters change it.
    if (!visible) return;
    const request = ++latest.current;
    void api.call['equipment.units']({ show }).then((result) => showAnswer(request, result));
  }, [visible, show, version, showAnswer]);

  const summary = answer?.summary;
  return (
    <section className="lent" aria-labelledby={`${id}-heading`} data-testid="lent-equipment">
      <div className="lent__head">
        <h2 id={`${id}-heading`} className="page__subheading">
          {t('equipment.heading')}
        </h2>
        {summary && (
          <p className="lent__summary" data-testid="lent-summary">
            {t('equipment.summary', { held: summary.held, recoveryOpen: summary.recoveryOpen })}
            {summary.overdue > 0 && <span className="tag tag--danger">{t('equipment.overdueCount', { count: summary.overdue })}</span>}
          </p>
        )}
        <div className="lent__show" role="radiogroup" aria-label={t('equipment.show')}>
          {shows.map((option) => (
            <label key={option} className="move__choice">
              <input type="radio" name={`${id}-show`} checked={show === option} onChange={() => setShow(option)} />
              {t(`equipment.view.${option}`)}
            </label>
          ))}
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {answer && answer.units.length === 0 && <p className="stock-note">{t(`equipment.none.${show}`)}</p>}
      {answer && answer.units.length > 0 && (
        <div className="lent__scroll">
          <table className="lent__table">
            <thead>
              <tr>
                <th scope="col">{t('equipment.column.item')}</th>
                <th scope="col">{t('equipment.column.serial')}</th>
                <th scope="col">{t('equipment.column.state')}</th>
                <th scope="col">{t('equipment.column.holder')}</th>
                <th scope="col">{t('equipment.column.since')}</th>
                <th scope="col">{t('equipment.column.enrolment')}</th>
                <th scope="col">{t('equipment.column.recovery')}</th>
                <th scope="col">{t('equipment.column.due')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.units.map((unit) => (
                <tr key={`${unit.sku}:${unit.serial}`} className={rowClass(unit)} data-serial={unit.serial}>
                  <td>
                    <span className="lent__item">{unit.itemName}</span>
                    <span className="lent__code">{unit.sku}</span>
                  </td>
                  <td className="lent__code">{unit.serial}</td>
                  <td>{t(`stock.serialState.${unit.state}`)}</td>
                  <td>{unit.holder ? `${maskName(unit.holder.name)} ${unit.holder.phoneMasked}` : '—'}</td>
                  <td data-testid="unit-since">
                    {unit.since ? (
                      <>
                        {unit.since.on}
                        <span className="lent__code"> {t(`stock.reason.${unit.since.reason}`)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="lent__code" data-testid="unit-enrolment">
                    {unit.loan?.enrolmentNo ?? '—'}
                  </td>
                  <td>{unit.recovery ? t('equipment.order', { id: unit.recovery.orderId, openedOn: unit.recovery.openedOn }) : '—'}</td>
                  <td className="lent__due">
                    {unit.recovery ? unit.recovery.dueOn : '—'}
                    {unit.recovery?.overdue && (
                      <span className="tag tag--danger">{t('equipment.overdueDays', { count: unit.recovery.daysOverdue })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {answer && <p className="stock-keys">{t('equipment.today', { today: answer.today })}</p>}
    </section>
  );
}

import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryListLine } from '../../../shared/reports/lists';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import { downloadXlsx, prepareSheet } from '../export/xlsx';
import { useXlsxExport } from '../export/useXlsxExport';
import { ExportBar } from './ExportBar';
import { day } from './format';
import { RecoveryDialog } from './RecoveryDialog';
import { listFileName, recoverySheet } from './sheets';
import { useContractQuery } from './useContractQuery';

type OrderStatus = 'open' | 'done' | 'all';
const statuses: readonly OrderStatus[] = ['open', 'done', 'all'];

function rowClass(order: RecoveryListLine): string {
  if (order.overdue) return 'lists-row lists-row--overdue';
  return order.status === 'done' ? 'lists-row lists-row--done' : 'lists-row';
}

/** Equipment to bring back after cancelled trials: open orders soonest due first, overdue ones marked. */
export function RecoveriesPanel({ visible, hall }: { visible: boolean; hall: { code: string; name: string } }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<OrderStatus>('open');
  const [recovering, setRecovering] = useState<RecoveryListLine | null>(null);
  const [completed, setCompleted] = useState<number | null>(null);
  const exporter = useXlsxExport();
  const load = useCallback(() => api.call['lists.recoveries']({ status, limit: 500 }), [status]);
  const { data, error, reload } = useContractQuery(load, status, visible);
  const rows = data?.orders ?? [];
  const today = data?.today ?? '';

  return (
    <section className="lists-panel" aria-labelledby={`${id}-heading`} data-testid="recoveries">
      <header className="lists-panel__head">
        <h2 id={`${id}-heading`} className="page__subheading">
          {t('lists.recoveries.heading')}
        </h2>
        <p className="lists-panel__about">{t('lists.recoveries.about')}</p>
      </header>
      <div className="lists-toolbar">
        <label className="lists-toolbar__field">
          <span className="lists-toolbar__label">{t('lists.common.show')}</span>
          <select className="lists-toolbar__input" value={status} onChange={(event) => setStatus(event.target.value as OrderStatus)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`lists.recoveries.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {data && (
          <p className="lists-toolbar__summary" data-testid="recoveries-summary">
            {t('lists.recoveries.summary', { open: data.summary.open })}
            {data.summary.overdue > 0 && <span className="lists-tag lists-tag--danger">{t('lists.recoveries.overdueCount', { count: data.summary.overdue })}</span>}
          </p>
        )}
        <span className="lists-toolbar__count">{t('lists.common.shown', { count: rows.length })}</span>
        <ExportBar
          exporter={exporter}
          testId="export-recoveries"
          disabled={!data}
          onExport={() =>
            void exporter.run(async () => ({
              file: await downloadXlsx(listFileName('设备回收清单', hall.code, today), [prepareSheet(recoverySheet(rows))], `${hall.name} 设备回收清单 ${today}`),
              rows: rows.length,
            }))
          }
        />
      </div>
      {completed !== null && (
        <p className="lists-done" role="status">
          {t('lists.recover.done', { id: completed })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {!data && !error && <p className="lists-note">{t('lists.common.loading')}</p>}
      {data && rows.length === 0 && <p className="lists-empty">{t(`lists.recoveries.none.${status}`)}</p>}
      {rows.length > 0 && (
        <div className="lists-scroll">
          <table className="lists-table">
            <thead>
              <tr>
                <th scope="col">{t('lists.recoveries.column.order')}</th>
                <th scope="col">{t('lists.recoveries.column.customer')}</th>
                <th scope="col">{t('lists.recoveries.column.units')}</th>
                <th scope="col">{t('lists.recoveries.column.opened')}</th>
                <th scope="col">{t('lists.recoveries.column.due')}</th>
                <th scope="col">{t('lists.recoveries.column.freeUntil')}</th>
                <th scope="col">{t('lists.recoveries.column.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((order) => (
                <tr key={order.orderId} className={rowClass(order)} data-order-id={order.orderId}>
                  <td>
                    <span className="lists-table__strong">#{order.orderId}</span>
                    <span className="lists-table__code">{order.enrolmentNo ?? '—'}</span>
                  </td>
                  <td>
                    <span className="lists-table__strong">{order.customer.nameMasked}</span> {order.customer.phoneMasked}
                  </td>
                  <td>
                    {order.units.map((u) => (
                      <span key={u.serial} className="lists-table__unit">
                        {u.name} <span className="lists-table__code">{u.serial}</span>
                      </span>
                    ))}
                  </td>
                  <td>{order.openedOn}</td>
                  <td className="lists-table__due">
                    {order.dueOn}
                    {order.overdue && <span className="lists-tag lists-tag--danger">{t('lists.common.overdueDays', { count: order.daysOverdue })}</span>}
                  </td>
                  <td>
                    {day(order.freeUntil)}
                    {order.status === 'open' && order.waiverMonthIfLate && order.freeUntil && (
                      <span className="lists-table__sub lists-table__wrap">{t('lists.recoveries.waiver', { freeUntil: order.freeUntil, month: order.waiverMonthIfLate })}</span>
                    )}
                  </td>
                  <td>
                    {order.status === 'open' ? (
                      <button type="button" className="button lists-table__action" onClick={() => setRecovering(order)}>
                        {t('lists.recoveries.complete')}
                      </button>
                    ) : (
                      <span className="lists-table__sub">{t('lists.recoveries.closed', { closedOn: order.closedOn ?? '' })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <p className="lists-note">{t('lists.common.today', { today })}</p>}
      {recovering && (
        <RecoveryDialog
          order={recovering}
          onClose={() => setRecovering(null)}
          onDone={(orderId) => {
            setRecovering(null);
            setCompleted(orderId);
            reload();
          }}
        />
      )}
    </section>
  );
}

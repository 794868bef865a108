import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/calendar/dates';
import { trialRegisterFileName, trialRegisterSheet } from '../../../shared/reports/register-sheet';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import { downloadXlsx, prepareSheet } from '../export/xlsx';
import { useXlsxExport } from '../export/useXlsxExport';
import { ExportBar } from './ExportBar';
import { day } from './format';
import { useContractQuery } from './useContractQuery';

/**
 * The weekly trial register (体验用户登记表) for the billing centre: last week unless
 * another is chosen, shown as billing will get it and exported to xlsx.
 */
export function RegisterPanel({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  // undefined: the core's "last week", counted from its own business day.
  const [weekOf, setWeekOf] = useState<string | undefined>(undefined);
  const exporter = useXlsxExport();
  const load = useCallback(() => api.call['report.trialRegister'](weekOf === undefined ? {} : { weekOf }), [weekOf]);
  const { data, error } = useContractQuery(load, weekOf ?? 'last', visible);
  const rows = data?.rows ?? [];

  function exportRegister(): void {
    if (!data) return;
    void exporter.run(async () => ({
      file: await downloadXlsx(
        trialRegisterFileName(data.hall.code, data.weekStart),
        [prepareSheet(trialRegisterSheet(data))],
        `${data.hall.name} 体验用户登记表 ${data.weekStart}至${data.weekEnd}`,
      ),
      rows: rows.length,
    }));
  }

  return (
    <section className="lists-panel" aria-labelledby={`${id}-heading`} data-testid="trial-register">
      <header className="lists-panel__head">
        <h2 id={`${id}-heading`} className="page__subheading">
          {t('lists.register.heading')}
        </h2>
        <p className="lists-panel__about">{t('lists.register.about')}</p>
      </header>
      <div className="lists-toolbar">
        <div className="lists-week" role="group" aria-label={t('lists.register.week')}>
          <button type="button" className="button" disabled={!data} onClick={() => data && setWeekOf(addDays(data.weekStart, -7))}>
            ◀ {t('lists.register.previous')}
          </button>
          <label className="lists-toolbar__field">
            <span className="lists-toolbar__label">{t('lists.register.weekOf')}</span>
            <input
              type="date"
              className="lists-toolbar__input"
              value={data?.weekStart ?? ''}
              onChange={(event) => event.target.value && setWeekOf(event.target.value)}
            />
          </label>
          <button type="button" className="button" disabled={!data} onClick={() => data && setWeekOf(addDays(data.weekStart, 7))}>
            {t('lists.register.next')} ▶
          </button>
          <button type="button" className="button" disabled={weekOf === undefined} onClick={() => setWeekOf(undefined)}>
            {t('lists.register.lastWeek')}
          </button>
        </div>
        {data && (
          <p className="lists-toolbar__summary" data-testid="register-range">
            {t('lists.register.range', { from: data.weekStart, to: data.weekEnd })} · {t('lists.register.count', { count: rows.length })}
          </p>
        )}
        <ExportBar exporter={exporter} testId="export-register" label={t('lists.register.export')} disabled={!data} onExport={exportRegister} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {!data && !error && <p className="lists-note">{t('lists.common.loading')}</p>}
      {data && rows.length === 0 && <p className="lists-empty">{t('lists.register.none')}</p>}
      {rows.length > 0 && (
        <div className="lists-scroll">
          <table className="lists-table">
            <thead>
              <tr>
                <th scope="col">{t('lists.register.column.customer')}</th>
                <th scope="col">{t('lists.register.column.broadband')}</th>
                <th scope="col">{t('lists.register.column.enrolled')}</th>
                <th scope="col">{t('lists.register.column.completion')}</th>
                <th scope="col">{t('lists.register.column.freeUntil')}</th>
                <th scope="col">{t('lists.register.column.conversion')}</th>
                <th scope="col">{t('lists.register.column.equipment')}</th>
                <th scope="col">{t('lists.register.column.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.enrolmentNo} className="lists-row" data-enrolment-no={row.enrolmentNo}>
                  <td>
                    <span className="lists-table__strong">{row.customerName}</span> {row.phoneMasked}
                    <span className="lists-table__code">
                      {row.enrolmentNo} · {row.staffName ?? row.staffNo}
                    </span>
                  </td>
                  <td>{row.broadbandPlan ?? '—'}</td>
                  <td>
                    {row.enrolledOn}
                    {row.enrolledThisWeek && <span className="lists-tag lists-tag--week">{t('lists.register.thisWeek')}</span>}
                  </td>
                  <td>
                    {row.completionOn ?? <span className="lists-table__muted">{t('lists.register.pending')}</span>}
                    {row.installedThisWeek && <span className="lists-tag lists-tag--week">{t('lists.register.thisWeek')}</span>}
                  </td>
                  <td>{day(row.freeUntil)}</td>
                  <td>{day(row.conversionOn)}</td>
                  <td>
                    {row.equipment.map((u) => (
                      <span key={u.serial} className="lists-table__unit">
                        {u.name} <span className="lists-table__code">{u.serial}</span>
                      </span>
                    ))}
                  </td>
                  <td>{t(`lists.trialStatus.${row.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

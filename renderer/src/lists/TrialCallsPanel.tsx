import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrialCall, TrialCallKind } from '../../../shared/reports/lists';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import { downloadXlsx, prepareSheet } from '../export/xlsx';
import { useXlsxExport } from '../export/useXlsxExport';
import { ExportBar } from './ExportBar';
import { day, dueWindows, formatYuan, hallTime, inDueWindow, type DueWindow } from './format';
import { OutcomeDialog, type OutcomeChoice } from './OutcomeDialog';
import { CALL_LIST_NAMES, callSheet, listFileName } from './sheets';
import { useContractQuery } from './useContractQuery';

type CallStatus = 'open' | 'done' | 'all';
const statuses: readonly CallStatus[] = ['open', 'done', 'all'];

const CHOICES: Record<TrialCallKind, readonly string[]> = {
  trial_usage_call: ['normal', 'low', 'silent', 'trouble'],
  trial_expiry_notice: ['continue', 'change', 'cancel', 'thinking'],
};

interface TrialCallsPanelProps {
  kind: TrialCallKind;
  visible: boolean;
  hall: { code: string; name: string };
}

/** One of the two trial call lists: month 1 (usage) or month 3 (expiry notice), soonest due first. */
export function TrialCallsPanel({ kind, visible, hall }: TrialCallsPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const which = kind === 'trial_usage_call' ? 'usage' : 'expiry';
  const [status, setStatus] = useState<CallStatus>('open');
  const [due, setDue] = useState<DueWindow>('all');
  const [calling, setCalling] = useState<TrialCall | null>(null);
  const exporter = useXlsxExport();
  const load = useCallback(() => api.call['lists.trialCalls']({ kind, status, limit: 500 }), [kind, status]);
  const { data, error, reload } = useContractQuery(load, `${kind}:${status}`, visible);

  const today = data?.today ?? '';
  const rows = useMemo(() => (data?.calls ?? []).filter((c) => c.status !== 'open' || inDueWindow(c.dueOn, today, due)), [data, today, due]);

  const choices: OutcomeChoice[] = CHOICES[kind].map((key) => ({
    key,
    label: t(`lists.complete.${which}.${key}`),
    stored: t(`lists.complete.${which}.${key}`, { lng: 'zh-CN' }),
  }));

  return (
    <section className="lists-panel" aria-labelledby={`${id}-heading`} data-testid={`calls-${kind}`}>
      <header className="lists-panel__head">
        <h2 id={`${id}-heading`} className="page__subheading">
          {t(`lists.calls.${which}.heading`)}
        </h2>
        <p className="lists-panel__about">{t(`lists.calls.${which}.about`)}</p>
        {kind === 'trial_usage_call' && <p className="lists-panel__notice">{t('lists.calls.noUsageData')}</p>}
      </header>
      <div className="lists-toolbar">
        <label className="lists-toolbar__field">
          <span className="lists-toolbar__label">{t('lists.common.show')}</span>
          <select className="lists-toolbar__input" value={status} onChange={(event) => setStatus(event.target.value as CallStatus)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`lists.calls.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="lists-toolbar__field">
          <span className="lists-toolbar__label">{t('lists.calls.due.label')}</span>
          <select className="lists-toolbar__input" value={due} onChange={(event) => setDue(event.target.value as DueWindow)}>
            {dueWindows.map((w) => (
              <option key={w} value={w}>
                {t(`lists.calls.due.${w}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="lists-toolbar__count">{t('lists.common.shown', { count: rows.length })}</span>
        <ExportBar
          exporter={exporter}
          testId={`export-${kind}`}
          disabled={!data}
          onExport={() =>
            void exporter.run(async () => ({
              file: await downloadXlsx(listFileName(CALL_LIST_NAMES[kind], hall.code, today), [prepareSheet(callSheet(kind, rows))], `${hall.name} ${CALL_LIST_NAMES[kind]} ${today}`),
              rows: rows.length,
            }))
          }
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {!data && !error && <p className="lists-note">{t('lists.common.loading')}</p>}
      {data && rows.length === 0 && <p className="lists-empty">{t(`lists.calls.${which}.none`)}</p>}
      {rows.length > 0 && (
        <div className="lists-scroll">
          <table className="lists-table">
            <thead>
              <tr>
                <th scope="col">{t('lists.calls.column.due')}</th>
                <th scope="col">{t('lists.calls.column.customer')}</th>
                <th scope="col">{t('lists.calls.column.trial')}</th>
                <th scope="col">{t('lists.calls.column.completion')}</th>
                <th scope="col">{t('lists.calls.column.freeUntil')}</th>
                <th scope="col">{t('lists.calls.column.conversion')}</th>
                <th scope="col" className="lists-table__number">
                  {t('lists.calls.column.fee')}
                </th>
                <th scope="col">{t('lists.calls.column.status')}</th>
                <th scope="col">{status === 'open' ? t('lists.calls.column.action') : t('lists.calls.column.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((call) => (
                <tr key={call.followUpId} className={call.overdue ? 'lists-row lists-row--overdue' : 'lists-row'} data-follow-up-id={call.followUpId}>
                  <td className="lists-table__due">
                    {call.dueOn}
                    {call.overdue && <span className="lists-tag lists-tag--danger">{t('lists.common.overdue')}</span>}
                  </td>
                  <td>
                    <span className="lists-table__strong">{call.customer.nameMasked}</span> {call.customer.phoneMasked}
                  </td>
                  <td>
                    <span className="lists-table__code">{call.enrolmentNo}</span>
                    <span className="lists-table__sub">
                      {call.broadbandPlan ?? '—'} · {call.packageName}
                    </span>
                  </td>
                  <td>{call.completionOn ?? <span className="lists-table__muted">{t('lists.calls.notInstalled')}</span>}</td>
                  <td>{day(call.freeUntil)}</td>
                  <td>{day(call.conversionOn)}</td>
                  <td className="lists-table__number">{formatYuan(call.monthlyFeeFen)}</td>
                  <td>{t(`lists.trialStatus.${call.trialStatus}`)}</td>
                  <td>
                    {call.status === 'open' ? (
                      <button type="button" className="button lists-table__action" onClick={() => setCalling(call)}>
                        {t('lists.calls.markDone')}
                      </button>
                    ) : (
                      <>
                        <span className="lists-table__outcome">{call.outcome ?? t(`lists.calls.status.${call.status}`)}</span>
                        {call.doneBy && <span className="lists-table__sub">{t('lists.calls.doneBy', { staffNo: call.doneBy, at: hallTime(call.doneAt) })}</span>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <p className="lists-note">{t('lists.common.today', { today })}</p>}
      {calling && (
        <OutcomeDialog
          title={t('lists.complete.title')}
          about={t('lists.complete.about', { customer: `${calling.customer.nameMasked} ${calling.customer.phoneMasked}`, enrolmentNo: calling.enrolmentNo })}
          followUpId={calling.followUpId}
          choices={choices}
          hint={t('lists.complete.stillOpen')}
          onClose={() => setCalling(null)}
          onDone={() => {
            setCalling(null);
            reload();
          }}
        />
      )}
    </section>
  );
}

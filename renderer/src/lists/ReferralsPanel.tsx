import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralCreditLine } from '../../../shared/reports/lists';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import { downloadXlsx, prepareSheet } from '../export/xlsx';
import { useXlsxExport } from '../export/useXlsxExport';
import { ExportBar } from './ExportBar';
import { formatYuan } from './format';
import { OutcomeDialog } from './OutcomeDialog';
import { listFileName, referralSheet } from './sheets';
import { useContractQuery } from './useContractQuery';

type CreditStatus = 'due' | 'credited' | 'cancelled' | 'all';
const statuses: readonly CreditStatus[] = ['due', 'credited', 'cancelled', 'all'];

/** Referral (老带新) credits owed to referrers, soonest due first; confirming one marks it credited. */
export function ReferralsPanel({ visible, hall }: { visible: boolean; hall: { code: string; name: string } }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<CreditStatus>('due');
  const [confirming, setConfirming] = useState<ReferralCreditLine | null>(null);
  const exporter = useXlsxExport();
  const load = useCallback(() => api.call['lists.referralCredits']({ status, limit: 500 }), [status]);
  const { data, error, reload } = useContractQuery(load, status, visible);
  const rows = data?.credits ?? [];
  const today = data?.today ?? '';

  return (
    <section className="lists-panel" aria-labelledby={`${id}-heading`} data-testid="referrals">
      <header className="lists-panel__head">
        <h2 id={`${id}-heading`} className="page__subheading">
          {t('lists.referrals.heading')}
        </h2>
        <p className="lists-panel__about">{t('lists.referrals.about')}</p>
      </header>
      <div className="lists-toolbar">
        <label className="lists-toolbar__field">
          <span className="lists-toolbar__label">{t('lists.common.show')}</span>
          <select className="lists-toolbar__input" value={status} onChange={(event) => setStatus(event.target.value as CreditStatus)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`lists.referrals.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {data && (
          <p className="lists-toolbar__summary">{t('lists.referrals.totals', { count: data.totals.due, amount: formatYuan(data.totals.dueFen) })}</p>
        )}
        <span className="lists-toolbar__count">{t('lists.common.shown', { count: rows.length })}</span>
        <ExportBar
          exporter={exporter}
          testId="export-referrals"
          disabled={!data}
          onExport={() =>
            void exporter.run(async () => ({
              file: await downloadXlsx(listFileName('推荐奖励清单', hall.code, today), [prepareSheet(referralSheet(rows))], `${hall.name} 推荐奖励清单 ${today}`),
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
      {data && rows.length === 0 && <p className="lists-empty">{t(`lists.referrals.none.${status}`)}</p>}
      {rows.length > 0 && (
        <div className="lists-scroll">
          <table className="lists-table">
            <thead>
              <tr>
                <th scope="col">{t('lists.referrals.column.dueBy')}</th>
                <th scope="col">{t('lists.referrals.column.referrer')}</th>
                <th scope="col" className="lists-table__number">
                  {t('lists.referrals.column.amount')}
                </th>
                <th scope="col">{t('lists.referrals.column.referee')}</th>
                <th scope="col">{t('lists.referrals.column.refereeCredit')}</th>
                <th scope="col">{t('lists.referrals.column.enrolment')}</th>
                <th scope="col">{t('lists.referrals.column.status')}</th>
                <th scope="col">{t('lists.referrals.column.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((credit) => (
                <tr key={credit.creditId} className={credit.overdue ? 'lists-row lists-row--overdue' : 'lists-row'} data-credit-id={credit.creditId}>
                  <td className="lists-table__due">
                    {credit.referrerDueBy}
                    {credit.overdue && <span className="lists-tag lists-tag--danger">{t('lists.common.overdue')}</span>}
                  </td>
                  <td>
                    <span className="lists-table__strong">{credit.referrer.nameMasked}</span> {credit.referrer.phoneMasked}
                  </td>
                  <td className="lists-table__number lists-table__strong">{formatYuan(credit.referrerFen)}</td>
                  <td>
                    {credit.referee.nameMasked} {credit.referee.phoneMasked}
                  </td>
                  <td>{t('lists.referrals.refereeCredit', { amount: formatYuan(credit.refereeFen), month: credit.refereeBillMonth })}</td>
                  <td>
                    <span className="lists-table__code">{credit.enrolmentNo}</span>
                    <span className="lists-table__sub">{credit.enrolledOn}</span>
                  </td>
                  <td>
                    {t(`lists.referrals.status.${credit.status}`)}
                    {credit.followUp?.outcome && <span className="lists-table__sub">{credit.followUp.outcome}</span>}
                  </td>
                  <td>
                    {credit.status === 'due' && credit.followUp?.status === 'open' ? (
                      <button type="button" className="button lists-table__action" onClick={() => setConfirming(credit)}>
                        {t('lists.referrals.confirm')}
                      </button>
                    ) : credit.status === 'due' ? (
                      <span className="lists-table__muted">{t('lists.referrals.noTask')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <p className="lists-note">{t('lists.common.today', { today })}</p>}
      {confirming?.followUp && (
        <OutcomeDialog
          title={t('lists.referrals.confirmTitle')}
          about={t('lists.referrals.confirmAbout', {
            referrer: `${confirming.referrer.nameMasked} ${confirming.referrer.phoneMasked}`,
            amount: formatYuan(confirming.referrerFen),
          })}
          followUpId={confirming.followUp.id}
          choices={[{ key: 'seen', label: t('lists.complete.referral.seen'), stored: t('lists.complete.referral.seen', { lng: 'zh-CN' }) }]}
          onClose={() => setConfirming(null)}
          onDone={() => {
            setConfirming(null);
            reload();
          }}
        />
      )}
    </section>
  );
}

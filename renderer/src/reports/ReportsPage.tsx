import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessSummary, ReportPeriod } from '../../../shared/reports/summary';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { CounterInfo } from '../api/types';
import { downloadXlsx } from '../export/xlsx';
import { useXlsxExport } from '../export/useXlsxExport';
import { useContractQuery } from '../lists/useContractQuery';
import { PageFrame } from '../pages/PageFrame';
import { BarChart, type Bar } from './BarChart';
import { DailyChart } from './DailyChart';
import { PeriodPicker } from './PeriodPicker';
import { summaryFileName, summarySheets } from './sheets';
import { FollowUpTable, LowStockTable, RedeemedTable, StaffTable } from './SummaryTables';
import { SummaryTiles } from './SummaryTiles';
import './reports.css';

/** HQ names campaigns "short：long" (老带新：推荐入网双方各得50元话费); a bar's label is the short part. */
function shortName(name: string): string {
  const cut = name.search(/[：:]/);
  return cut > 0 ? name.slice(0, cut) : name;
}

function campaignBars(summary: BusinessSummary, language: string): Bar[] {
  return summary.byCampaign.map((c) => {
    const name = language === 'en' && c.nameEn ? c.nameEn : c.name;
    return { key: c.campaignId, label: shortName(name), title: name, value: c.enrolments };
  });
}

/**
 * The store manager's business summary (报表): today's business by default, or a chosen
 * day or Monday–Sunday week; headline figures, bars where a picture says more, and the
 * tables behind them, exportable to a spreadsheet.
 */
export function ReportsPage({ info }: { info: CounterInfo }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<ReportPeriod>('day');
  // undefined: the core's own business day, so a counter left open overnight shows the new day.
  const [date, setDate] = useState<string | undefined>(undefined);
  const exporter = useXlsxExport();
  const load = useCallback(() => api.call['report.summary'](date === undefined ? { period } : { period, date }), [period, date]);
  const { data, error } = useContractQuery(load, `${period}:${date ?? 'today'}`, true);

  // What left the shelf: handed over for good, then lent (it comes back on a recovery).
  const itemBars: Bar[] = (data?.byItem ?? [])
    .filter((i) => i.issued + i.lent > 0)
    .map((i) => ({
      key: i.sku,
      label: i18n.language === 'en' && i.nameEn ? i.nameEn : i.name,
      value: i.issued + i.lent,
      second: i.lent,
      detail:
        i.lent > 0
          ? t('reports.charts.lentDetail', { lent: i.lent, recovered: i.recovered })
          : t('reports.charts.itemDetail', { enrolment: i.issuedEnrolment, redemption: i.issuedRedemption, prize: i.issuedPrize }),
    }));

  return (
    <PageFrame page="reports">
      <div className="report-bar">
        <PeriodPicker
          period={period}
          shown={data ? { from: data.from, to: data.to } : null}
          chosen={date !== undefined}
          onPeriod={setPeriod}
          onDate={setDate}
        />
        {data && (
          <p className="report-bar__range" data-testid="report-range">
            {t(`reports.range.${data.period}`, { from: data.from, to: data.to })}
          </p>
        )}
        <button
          type="button"
          className="button report-bar__export"
          data-testid="export-summary"
          disabled={!data || exporter.busy}
          onClick={() => {
            if (!data) return;
            void exporter.run(async () => ({
              file: await downloadXlsx(summaryFileName(info.hall.code, data), summarySheets(data), `${info.hall.name} 营业报表`),
              rows: 0,
            }));
          }}
        >
          {exporter.busy ? t('reports.exporting') : t('reports.export')}
        </button>
      </div>
      {exporter.outcome && (
        <p className={exporter.outcome.kind === 'done' ? 'report-note' : 'form-error'} role="status">
          {exporter.outcome.kind === 'done' ? t('reports.exported', { file: exporter.outcome.file }) : t('reports.exportFailed', { reason: exporter.outcome.message })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.code === 'FORBIDDEN' ? t('reports.managerOnly') : describeError(error)}
        </p>
      )}
      {!data && !error && <p className="report-note">{t('reports.loading')}</p>}
      {data && (
        <div className="report" data-testid="business-summary">
          <SummaryTiles summary={data} />
          {data.period === 'week' && <DailyChart days={data.byDay} />}
          {/* Two columns that fill independently: a long campaign list does not leave a hole beside it. */}
          <div className="report-columns">
            <div className="report-column">
              <BarChart title={t('reports.charts.byCampaign')} bars={campaignBars(data, i18n.language)} empty={t('reports.charts.noCampaign')} testId="chart-by-campaign" />
              <StaffTable summary={data} />
            </div>
            <div className="report-column">
              <BarChart
                title={t('reports.charts.byItem')}
                bars={itemBars}
                empty={t('reports.charts.noItem')}
                testId="chart-by-item"
                legend={[t('reports.charts.issued'), t('reports.charts.lent')]}
              />
              <RedeemedTable summary={data} />
              <FollowUpTable summary={data} />
              <LowStockTable summary={data} />
            </div>
          </div>
          <p className="report-note">{t('reports.scope')}</p>
        </div>
      )}
    </PageFrame>
  );
}

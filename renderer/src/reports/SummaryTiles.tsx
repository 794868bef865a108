import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/money/fen';
import type { BusinessSummary } from '../../../shared/reports/summary';

interface Tile {
  key: string;
  label: string;
  value: string;
  detail: string;
  tone?: 'warn' | 'danger';
}

/** The period's headline figures, one tile each. */
export function SummaryTiles({ summary }: { summary: BusinessSummary }) {
  const { t, i18n } = useTranslation();
  const s = summary.totals;
  const open = summary.followUps.reduce((n, f) => n + f.open, 0);
  const overdue = summary.followUps.reduce((n, f) => n + f.overdue, 0);
  const soon = summary.followUps.reduce((n, f) => n + f.dueSoon, 0);
  const tiles: Tile[] = [
    { key: 'enrolments', label: t('reports.tiles.enrolments'), value: String(s.enrolments), detail: t('reports.tiles.campaigns', { count: summary.byCampaign.filter((c) => c.enrolments > 0).length }) },
    { key: 'customerPays', label: t('reports.tiles.customerPays'), value: formatYuan(s.customerPaysFen), detail: t('reports.tiles.customerPaysDetail') },
    { key: 'giftsIssued', label: t('reports.tiles.giftsIssued'), value: String(s.giftsIssued), detail: t('reports.tiles.giftsIssuedDetail', { prizes: s.prizesClaimed }) },
    { key: 'redemptions', label: t('reports.tiles.redemptions'), value: String(s.redemptions), detail: t('reports.tiles.redemptionsDetail', { points: s.pointsSpent }) },
    { key: 'voids', label: t('reports.tiles.voids'), value: String(s.voids), detail: t('reports.tiles.voidsDetail', { points: s.pointsReturned }), tone: s.voids > 0 ? 'warn' : undefined },
    {
      key: 'trials',
      label: t('reports.tiles.trials'),
      value: String(s.trialsEnrolled),
      detail: t('reports.tiles.trialsDetail', { installed: s.trialsInstalled, cancelled: s.trialCancellations, lent: s.equipmentLent, recovered: s.equipmentRecovered }),
    },
    {
      key: 'followUps',
      label: t('reports.tiles.followUps'),
      value: String(open),
      detail: t('reports.tiles.followUpsDetail', { overdue, soon }),
      tone: overdue > 0 ? 'danger' : undefined,
    },
    {
      key: 'lowStock',
      label: t('reports.tiles.lowStock'),
      value: String(summary.lowStock.length),
      detail:
        summary.lowStock.length > 0
          ? summary.lowStock.map((i) => (i18n.language === 'en' && i.nameEn ? i.nameEn : i.name)).join(i18n.language === 'en' ? ', ' : '、')
          : t('reports.tiles.lowStockNone'),
      tone: summary.lowStock.length > 0 ? 'warn' : undefined,
    },
  ];
  return (
    <dl className="tiles" data-testid="report-tiles">
      {tiles.map((tile) => (
        <div key={tile.key} className={tile.tone ? `tile tile--${tile.tone}` : 'tile'} data-tile={tile.key}>
          <dt className="tile__label">{tile.label}</dt>
          <dd className="tile__value">{tile.value}</dd>
          <dd className="tile__detail" title={tile.detail}>
            {tile.detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessSummary } from '../../../shared/reports/summary';

interface Column {
  label: string;
  numeric?: boolean;
}

/** A small titled table; `empty` replaces it when there are no rows. */
function SmallTable({ title, testId, columns, empty, children }: { title: string; testId: string; columns: Column[]; empty: string | null; children: ReactNode }) {
  return (
    <section className="report-table" aria-label={title} data-testid={testId}>
      <h3 className="report-table__title">{title}</h3>
      {empty !== null ? (
        <p className="chart__empty">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
}

/** Who did the period's business. */
export function StaffTable({ summary }: { summary: BusinessSummary }) {
  const { t } = useTranslation();
  return (
    <SmallTable
      title={t('reports.tables.byStaff')}
      testId="report-staff"
      empty={summary.byStaff.length === 0 ? t('reports.tables.noStaff') : null}
      columns={[
        { label: t('reports.tables.staff') },
        { label: t('reports.tables.enrolments'), numeric: true },
        { label: t('reports.tables.redemptions'), numeric: true },
        { label: t('reports.tables.points'), numeric: true },
      ]}
    >
      {summary.byStaff.map((s) => (
        <tr key={s.staffNo}>
          <td>
            {s.name ?? '—'} <span className="report-table__code">{s.staffNo}</span>
          </td>
          <td className="num">{s.enrolments}</td>
          <td className="num">{s.redemptions}</td>
          <td className="num">{s.points}</td>
        </tr>
      ))}
    </SmallTable>
  );
}

/** What the points bought (voided redemptions left out). */
export function RedeemedTable({ summary }: { summary: BusinessSummary }) {
  const { t } = useTranslation();
  return (
    <SmallTable
      title={t('reports.tables.redeemed')}
      testId="report-redeemed"
      empty={summary.redeemed.length === 0 ? t('reports.tables.noRedeemed') : null}
      columns={[{ label: t('reports.tables.item') }, { label: t('reports.tables.quantity'), numeric: true }, { label: t('reports.tables.points'), numeric: true }]}
    >
      {summary.redeemed.map((r) => (
        <tr key={r.catalogueCode}>
          <td>{r.name}</td>
          <td className="num">{r.quantity}</td>
          <td className="num">{r.points}</td>
        </tr>
      ))}
    </SmallTable>
  );
}

/** The work waiting now, by kind; late ones marked. */
export function FollowUpTable({ summary }: { summary: BusinessSummary }) {
  const { t } = useTranslation();
  return (
    <SmallTable
      title={t('reports.tables.followUps')}
      testId="report-follow-ups"
      empty={summary.followUps.length === 0 ? t('reports.tables.noFollowUps') : null}
      columns={[
        { label: t('reports.tables.kind') },
        { label: t('reports.tables.open'), numeric: true },
        { label: t('reports.tables.overdue'), numeric: true },
        { label: t('reports.tables.dueSoon'), numeric: true },
      ]}
    >
      {summary.followUps.map((f) => (
        <tr key={f.kind} className={f.overdue > 0 ? 'report-table__row--late' : undefined}>
          <td>{t(`reports.followUpKind.${f.kind}`)}</td>
          <td className="num">{f.open}</td>
          <td className="num">{f.overdue}</td>
          <td className="num">{f.dueSoon}</td>
        </tr>
      ))}
    </SmallTable>
  );
}

/** Items at or below their threshold now; nothing when the stock is fine. */
export function LowStockTable({ summary }: { summary: BusinessSummary }) {
  const { t, i18n } = useTranslation();
  if (summary.lowStock.length === 0) return null;
  return (
    <SmallTable
      title={t('reports.tables.lowStock')}
      testId="report-low-stock"
      empty={null}
      columns={[{ label: t('reports.tables.item') }, { label: t('reports.tables.onHand'), numeric: true }, { label: t('reports.tables.threshold'), numeric: true }]}
    >
      {summary.lowStock.map((i) => (
        <tr key={i.sku} className="report-table__row--low">
          <td>{i18n.language === 'en' && i.nameEn ? i.nameEn : i.name}</td>
          <td className="num">{i.onHand}</td>
          <td className="num">{i.lowThreshold}</td>
        </tr>
      ))}
    </SmallTable>
  );
}

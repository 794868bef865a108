import type { FollowUpKind } from '../../../shared/enrolment/views';
import { addDays } from '../../../shared/calendar/dates';
import type { ItemLine } from '../../../shared/reports/summary';
import type { StockCategory } from '../../../shared/stock/schemas';
import type { CoreContext } from '../context';
import type { PeriodBounds } from './range';

interface ItemRow {
  sku: string;
  name: string;
  name_en: string | null;
  category: StockCategory;
  issued_enrolment: number;
  issued_redemption: number;
  issued_prize: number;
  lent: number;
  recovered: number;
  returned: number;
}

// Each reason counted on the bucket it takes from or adds to, so a two-row move (lend,
// recover) counts once. The ledger is the hall's: other counters' movements synced in count too.
const ITEMS_SQL = `
  SELECT i.sku, i.name, i.name_en, i.category,
         COALESCE(-SUM(m.qty) FILTER (WHERE m.reason = 'issued_enrolment' AND m.bucket = 'on_hand'), 0) AS issued_enrolment,
         COALESCE(-SUM(m.qty) FILTER (WHERE m.reason = 'issued_redemption' AND m.bucket = 'on_hand'), 0) AS issued_redemption,
         COALESCE(-SUM(m.qty) FILTER (WHERE m.reason = 'issued_prize' AND m.bucket = 'on_hand'), 0) AS issued_prize,
         COALESCE(SUM(m.qty) FILTER (WHERE m.reason = 'lent' AND m.bucket = 'lent'), 0) AS lent,
         COALESCE(SUM(m.qty) FILTER (WHERE m.reason = 'recovered' AND m.bucket = 'on_hand'), 0) AS recovered,
         COALESCE(SUM(m.qty) FILTER (WHERE m.reason IN ('void_return', 'returned') AND m.bucket = 'on_hand'), 0) AS returned
  FROM stock_movement m JOIN stock_item i ON i.sku = m.sku
  WHERE m.at >= @fromAt AND m.at < @toAt
    AND m.reason IN ('issued_enrolment', 'issued_redemption', 'issued_prize', 'lent', 'recovered', 'void_return', 'returned')
  GROUP BY i.sku`;

/** Stock handed over, lent and taken back in the period, item by item: most handed over first. */
export function itemLines(ctx: CoreContext, period: PeriodBounds): ItemLine[] {
  const rows = ctx.store.stmt(ITEMS_SQL).all({ fromAt: period.fromAt, toAt: period.toAt }) as ItemRow[];
  return rows
    .map((r) => ({
      sku: r.sku,
      name: r.name,
      nameEn: r.name_en,
      category: r.category,
      issuedEnrolment: r.issued_enrolment,
      issuedRedemption: r.issued_redemption,
      issuedPrize: r.issued_prize,
      issued: r.issued_enrolment + r.issued_redemption + r.issued_prize,
      lent: r.lent,
      recovered: r.recovered,
      returned: r.returned,
    }))
    .sort((a, b) => b.issued - a.issued || b.lent - a.lent || (a.sku < b.sku ? -1 : 1));
}

export interface TrialFigures {
  trialsEnrolled: number;
  trialsInstalled: number;
  trialCancellations: number;
}

/**
 * An install counts once it is confirmed: the trial left awaiting_install and its
 * install task was closed as done (a cancellation before install cancels that task).
 */
export const INSTALL_CONFIRMED_SQL = `t.status <> 'awaiting_install' AND EXISTS (
    SELECT 1 FROM follow_up f WHERE f.ref_type = 'trial' AND f.ref_id = CAST(t.id AS TEXT) AND f.kind = 'install_due' AND f.status = 'done')`;

export function trialFigures(ctx: CoreContext, period: PeriodBounds): TrialFigures {
  const row = ctx.store
    .stmt(
      `SELECT
         (SELECT COUNT(*) FROM trial t JOIN enrolment e ON e.id = t.enrolment_id WHERE e.enrolled_on BETWEEN @from AND @to) AS enrolled,
         (SELECT COUNT(*) FROM trial t WHERE t.completion_on BETWEEN @from AND @to AND ${INSTALL_CONFIRMED_SQL}) AS installed,
         (SELECT COUNT(*) FROM trial t WHERE t.cancel_requested_on BETWEEN @from AND @to) AS cancelled`,
    )
    .get({ from: period.from, to: period.to }) as { enrolled: number; installed: number; cancelled: number };
  return { trialsEnrolled: row.enrolled, trialsInstalled: row.installed, trialCancellations: row.cancelled };
}

export interface FollowUpLoadRow {
  kind: FollowUpKind;
  open: number;
  overdue: number;
  dueSoon: number;
}

/** The open follow-ups as of today, by kind: how many, how many late, how many due within a week. */
export function followUpLoads(ctx: CoreContext, today: string): FollowUpLoadRow[] {
  return ctx.store
    .stmt(
      `SELECT kind, COUNT(*) AS open,
              COUNT(*) FILTER (WHERE due_on < @today) AS overdue,
              COUNT(*) FILTER (WHERE due_on BETWEEN @today AND @weekAhead) AS dueSoon
       FROM follow_up WHERE status = 'open' GROUP BY kind ORDER BY overdue DESC, open DESC, kind`,
    )
    .all({ today, weekAhead: addDays(today, 7) }) as FollowUpLoadRow[];
}

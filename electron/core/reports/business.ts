import type { CatalogueKind } from '../../../shared/points/catalogue';
import { datesIn } from '../../../shared/reports/period';
import type { DayLine } from '../../../shared/reports/summary';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import type { PeriodBounds } from './range';

export interface RedemptionFigures {
  redemptions: number;
  pointsSpent: number;
  voids: number;
  pointsReturned: number;
  prizesClaimed: number;
}

/**
 * Redemptions made in the period (a later void does not unmake them: the void is counted
 * on the day it happened, with the points it gave back), and prizes handed over.
 */
export function redemptionFigures(ctx: CoreContext, period: PeriodBounds): RedemptionFigures {
  const params = { fromAt: period.fromAt, toAt: period.toAt };
  const made = ctx.store
    .stmt('SELECT COUNT(*) AS n, COALESCE(SUM(total_points), 0) AS points FROM redemption WHERE created_at >= @fromAt AND created_at < @toAt')
    .get(params) as { n: number; points: number };
  const voided = ctx.store
    .stmt('SELECT COUNT(*) AS n, COALESCE(SUM(total_points), 0) AS points FROM redemption WHERE voided_at >= @fromAt AND voided_at < @toAt')
    .get(params) as { n: number; points: number };
  const prizes = ctx.store
    .stmt(`SELECT COUNT(*) AS n FROM prize_win WHERE status = 'claimed' AND claimed_at >= @fromAt AND claimed_at < @toAt`)
    .get(params) as { n: number };
  return { redemptions: made.n, pointsSpent: made.points, voids: voided.n, pointsReturned: voided.points, prizesClaimed: prizes.n };
}

export interface RedeemedRow {
  catalogueCode: string;
  name: string;
  kind: CatalogueKind;
  quantity: number;
  points: number;
}

/** What the points bought in the period, voided redemptions left out: most points first. */
export function redeemedItems(ctx: CoreContext, period: PeriodBounds): RedeemedRow[] {
  return ctx.store
    .stmt(
      `SELECT l.catalogue_code AS catalogueCode, c.name, l.kind, SUM(l.quantity) AS quantity, SUM(l.quantity * l.points_each) AS points
       FROM redemption_line l JOIN redemption r ON r.id = l.redemption_id JOIN catalogue_item c ON c.code = l.catalogue_code
       WHERE r.status = 'completed' AND r.created_at >= @fromAt AND r.created_at < @toAt
       GROUP BY l.catalogue_code ORDER BY points DESC, l.catalogue_code`,
    )
    .all({ fromAt: period.fromAt, toAt: period.toAt }) as RedeemedRow[];
}

export interface StaffRow {
  staffNo: string;
  name: string | null;
  enrolments: number;
  redemptions: number;
  points: number;
}

/** Each clerk's share of the period's enrolments and redemptions, busiest first. */
export function staffLines(ctx: CoreContext, period: PeriodBounds): StaffRow[] {
  const enrolments = ctx.store
    .stmt('SELECT staff_no AS staffNo, COUNT(*) AS n FROM enrolment WHERE enrolled_on BETWEEN @from AND @to GROUP BY staff_no')
    .all({ from: period.from, to: period.to }) as { staffNo: string; n: number }[];
  const redemptions = ctx.store
    .stmt(
      `SELECT staff_no AS staffNo, COUNT(*) AS n, SUM(total_points) AS points FROM redemption
       WHERE created_at >= @fromAt AND created_at < @toAt GROUP BY staff_no`,
    )
    .all({ fromAt: period.fromAt, toAt: period.toAt }) as { staffNo: string; n: number; points: number }[];
  const lines = new Map<string, StaffRow>();
  const line = (staffNo: string): StaffRow => {
    const existing = lines.get(staffNo);
    if (existing) return existing;
    const name = (ctx.store.stmt('SELECT name FROM staff WHERE staff_no = ?').get(staffNo) as { name: string } | undefined)?.name ?? null;
    const created: StaffRow = { staffNo, name, enrolments: 0, redemptions: 0, points: 0 };
    lines.set(staffNo, created);
    return created;
  };
  for (const r of enrolments) line(r.staffNo).enrolments = r.n;
  for (const r of redemptions) Object.assign(line(r.staffNo), { redemptions: r.n, points: r.points });
  return [...lines.values()].sort((a, b) => b.enrolments + b.redemptions - (a.enrolments + a.redemptions) || (a.staffNo < b.staffNo ? -1 : 1));
}

/**
 * Each day of the period. Instants are put on their Shanghai day here, with the one
 * conversion the whole app uses, rather than with SQLite's date arithmetic.
 */
export function dayLines(ctx: CoreContext, period: PeriodBounds): DayLine[] {
  const days = new Map<string, DayLine>(
    datesIn(period).map((date) => [date, { date, enrolments: 0, redemptions: 0, points: 0, giftsIssued: 0 }]),
  );
  const enrolments = ctx.store
    .stmt('SELECT enrolled_on AS date, COUNT(*) AS n FROM enrolment WHERE enrolled_on BETWEEN @from AND @to GROUP BY enrolled_on')
    .all({ from: period.from, to: period.to }) as { date: string; n: number }[];
  for (const r of enrolments) {
    const day = days.get(r.date);
    if (day) day.enrolments = r.n;
  }
  const bounds = { fromAt: period.fromAt, toAt: period.toAt };
  const redemptions = ctx.store
    .stmt('SELECT created_at AS at, total_points AS points FROM redemption WHERE created_at >= @fromAt AND created_at < @toAt')
    .all(bounds) as { at: string; points: number }[];
  for (const r of redemptions) {
    const day = days.get(shanghaiDate(new Date(r.at)));
    if (!day) continue;
    day.redemptions += 1;
    day.points += r.points;
  }
  const issues = ctx.store
    .stmt(
      `SELECT at, -qty AS qty FROM stock_movement
       WHERE bucket = 'on_hand' AND reason IN ('issued_enrolment', 'issued_redemption', 'issued_prize') AND at >= @fromAt AND at < @toAt`,
    )
    .all(bounds) as { at: string; qty: number }[];
  for (const r of issues) {
    const day = days.get(shanghaiDate(new Date(r.at)));
    if (day) day.giftsIssued += r.qty;
  }
  return [...days.values()];
}

import type pg from 'pg';
import type { EventPayload } from '../../../shared/sync/events';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { customersChanged } from '../feed/publish';
import { raiseOverdraft, resolveConflict } from './conflicts';
import type { EventContext } from './context';

interface LotRow {
  lot_key: string;
  remaining: number;
  expires_on: string;
}

/**
 * HQ is the authority for points. A redemption debits the lots the counter named as far
 * as they go, then the customer's other unexpired lots, oldest expiry first; whatever the
 * balance cannot cover is an overdraft conflict for the hall, never a dropped record.
 */
export async function applyRedemption(client: pg.PoolClient, e: EventContext, p: EventPayload<'redemption.created'>): Promise<void> {
  const existing = (
    await client.query<{ status: string }>('SELECT status FROM redemption WHERE redemption_no = $1 FOR UPDATE', [p.redemptionNo])
  ).rows[0];
  if (existing?.status === 'voided_before_seen') {
    // The void arrived first (another counter, a reordered delivery): nothing left to debit.
    await client.query(
      `UPDATE redemption SET status = 'voided', total_points = $2, created_event = $3, hall_code = $4, counter_code = $5
       WHERE redemption_no = $1`,
      [p.redemptionNo, p.totalPoints, e.eventId, e.hallCode, e.counterCode],
    );
    return;
  }
  if (existing) return; // the same redemption under another event id: applied once already

  const lots = (
    await client.query<LotRow>(
      'SELECT lot_key, remaining, expires_on FROM points_lot WHERE customer_phone = $1 ORDER BY expires_on, lot_key FOR UPDATE',
      [p.customerPhone],
    )
  ).rows;
  const byKey = new Map(lots.map((l) => [l.lot_key, l]));
  const debits = new Map<string, number>();
  const take = (lot: LotRow, want: number): number => {
    const n = Math.min(want, lot.remaining);
    if (n <= 0) return 0;
    lot.remaining -= n;
    debits.set(lot.lot_key, (debits.get(lot.lot_key) ?? 0) + n);
    return n;
  };
  let left = p.totalPoints;
  for (const named of p.lots) {
    const lot = byKey.get(named.lotKey);
    if (lot) left -= take(lot, Math.min(named.points, left));
  }
  const today = shanghaiDate(new Date(e.createdAt));
  for (const lot of lots) {
    if (left === 0) break;
    if (lot.expires_on >= today) left -= take(lot, left);
  }
  const debitList = [...debits].map(([lotKey, points]) => ({ lotKey, points }));
  for (const d of debitList) {
    await client.query('UPDATE points_lot SET remaining = remaining - $2 WHERE lot_key = $1', [d.lotKey, d.points]);
  }
  const covered = p.totalPoints - left;
  await client.query(
    `INSERT INTO redemption (redemption_no, customer_phone, hall_code, counter_code, total_points, covered_points, short_points, debits, status, created_event)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'completed', $9)`,
    [p.redemptionNo, p.customerPhone, e.hallCode, e.counterCode, p.totalPoints, covered, left, JSON.stringify(debitList), e.eventId],
  );
  if (left > 0) {
    await raiseOverdraft(
      client,
      { hallCode: e.hallCode, counterCode: e.counterCode, redemptionNo: p.redemptionNo, customerPhone: p.customerPhone, requested: p.totalPoints, covered, short: left },
      e.receivedAt,
      e.eventId,
    );
  }
  await customersChanged(client, [p.customerPhone], e.receivedAt);
}

/** A void gives back exactly what HQ debited (not what the counter thought), and settles an overdraft. */
export async function applyVoid(client: pg.PoolClient, e: EventContext, p: EventPayload<'redemption.voided'>): Promise<void> {
  const row = (
    await client.query<{ status: string; debits: { lotKey: string; points: number }[]; short_points: number; hall_code: string }>(
      'SELECT status, debits, short_points, hall_code FROM redemption WHERE redemption_no = $1 FOR UPDATE',
      [p.redemptionNo],
    )
  ).rows[0];
  if (!row) {
    await client.query(
      `INSERT INTO redemption (redemption_no, customer_phone, hall_code, counter_code, total_points, covered_points, short_points, debits, status, voided_event)
       VALUES ($1, $2, $3, $4, 0, 0, 0, '[]', 'voided_before_seen', $5)`,
      [p.redemptionNo, p.customerPhone, e.hallCode, e.counterCode, e.eventId],
    );
    return;
  }
  if (row.status !== 'completed') return;
  for (const d of row.debits) {
    await client.query('UPDATE points_lot SET remaining = remaining + $2 WHERE lot_key = $1', [d.lotKey, d.points]);
  }
  await client.query(`UPDATE redemption SET status = 'voided', voided_event = $2 WHERE redemption_no = $1`, [p.redemptionNo, e.eventId]);
  if (row.short_points > 0) {
    const open = (
      await client.query<{ id: string }>(
        `SELECT id FROM conflict WHERE kind = 'overdraft' AND dedupe_key = $1 AND status = 'open'`,
        [p.redemptionNo],
      )
    ).rows[0];
    if (open) {
      await resolveConflict(client, { conflictId: open.id, hallCode: row.hall_code, note: `兑换已作废（${p.reason}）`, resolvedBy: p.approvedBy }, e.receivedAt);
    }
  }
  await customersChanged(client, [p.customerPhone], e.receivedAt);
}

/** A campaign's bonus points open a lot at HQ under the key the counter gave it. */
export async function applyBonusLot(client: pg.PoolClient, e: EventContext, p: EventPayload<'enrolment.created'>): Promise<void> {
  if (!p.bonusLot) return;
  await client.query(
    `INSERT INTO points_lot (lot_key, customer_phone, remaining, earned_on, expires_on, source)
     VALUES ($1, $2, $3, $4, $5, 'campaign') ON CONFLICT (lot_key) DO NOTHING`,
    [p.bonusLot.lotKey, p.customerPhone, p.bonusLot.points, p.enrolledOn, p.bonusLot.expiresOn],
  );
  await customersChanged(client, [p.customerPhone], e.receivedAt);
}

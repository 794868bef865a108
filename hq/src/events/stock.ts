import type pg from 'pg';
import type { EventPayload } from '../../../shared/sync/events';
import type { StockMovementDoc } from '../../../shared/sync/pull';
import type { StockBucket, StockReason } from '../../../shared/stock/movements';
import { publish, scopes } from '../feed/publish';
import { raiseNegativeStock } from './conflicts';
import type { EventContext } from './context';
import { publishDelivery } from './deliveries';

export interface Movement {
  sku: string;
  reason: StockReason;
  deltas: Partial<Record<StockBucket, number>>;
  serials: string[];
  ref: { type: string; id: string } | null;
  note: string | null;
  staffNo: string;
}

/**
 * A stock movement is a fact: the gift has left the hall whatever HQ's books said. HQ adds
 * it to the hall's balance, tells the hall's other counters (so their ledgers show the
 * hall's stock), and raises a conflict when a bucket goes below zero.
 */
export async function applyMovements(client: pg.PoolClient, e: EventContext, movements: readonly Movement[]): Promise<void> {
  for (const [i, m] of movements.entries()) {
    for (const [bucket, delta] of Object.entries(m.deltas)) {
      if (!delta) continue;
      const balance =
        (
          await client.query<{ qty: number }>(
            `INSERT INTO hall_stock (hall_code, sku, bucket, qty) VALUES ($1, $2, $3, $4)
             ON CONFLICT (hall_code, sku, bucket) DO UPDATE SET qty = hall_stock.qty + excluded.qty
             RETURNING qty`,
            [e.hallCode, m.sku, bucket, delta],
          )
        ).rows[0]?.qty ?? 0;
      if (delta < 0 && balance < 0) {
        await raiseNegativeStock(client, { hallCode: e.hallCode, sku: m.sku, bucket, balance, counterCode: e.counterCode }, e.receivedAt, e.eventId);
      }
    }
    const doc: StockMovementDoc = {
      movementId: `${e.eventId}#${i}`,
      eventId: e.eventId,
      hallCode: e.hallCode,
      counterCode: e.counterCode,
      ...m,
      at: new Date(e.createdAt).toISOString(),
    };
    await publish(client, scopes.hall(e.hallCode), 'stock_movement', doc.movementId, doc);
  }
}

export async function applyStockMoved(client: pg.PoolClient, e: EventContext, p: EventPayload<'stock.moved'>): Promise<void> {
  await applyMovements(client, e, [{ sku: p.sku, reason: p.reason, deltas: p.deltas, serials: p.serials, ref: p.ref, note: p.note, staffNo: p.staffNo }]);
  if (p.reason === 'received' && p.counterparty) {
    const received = await client.query(
      `UPDATE stock_delivery SET status = 'received', received_event = $3
       WHERE delivery_no = $1 AND hall_code = $2 AND status = 'sent'`,
      [p.counterparty, e.hallCode, e.eventId],
    );
    if ((received.rowCount ?? 0) > 0) await publishDelivery(client, p.counterparty);
  }
}

const issue = (sku: string, qty: number, reason: StockReason, ref: Movement['ref'], staffNo: string): Movement => ({
  sku,
  reason,
  deltas: { on_hand: reason === 'void_return' ? qty : -qty },
  serials: [],
  ref,
  note: null,
  staffNo,
});

/**
 * The stock a business event carries (the counter writes one event per action, not a
 * stock.moved beside it): a redemption's gifts, a void's returns, an enrolment's gifts,
 * a prize, a stocktake's adjustments.
 */
export const carriedMovements = {
  redemption: (p: EventPayload<'redemption.created'>): Movement[] =>
    p.lines
      .filter((l) => l.kind === 'gift' && l.stockSku)
      .map((l) => issue(l.stockSku ?? '', l.quantity, 'issued_redemption', { type: 'redemption', id: p.redemptionNo }, p.staffNo)),
  void: (p: EventPayload<'redemption.voided'>): Movement[] =>
    p.returnedStock.map((r) => issue(r.sku, r.quantity, 'void_return', { type: 'redemption', id: p.redemptionNo }, p.staffNo)),
  enrolment: (p: EventPayload<'enrolment.created'>): Movement[] =>
    p.giftSkus.map((g) => issue(g.sku, g.quantity, 'issued_enrolment', { type: 'enrolment', id: p.enrolmentNo }, p.staffNo)),
  prize: (p: EventPayload<'prize.claimed'>): Movement[] => [issue(p.prizeSku, 1, 'issued_prize', { type: 'prize', id: p.winId }, p.staffNo)],
  stocktake: (p: EventPayload<'stocktake.approved'>): Movement[] =>
    p.adjustments
      .filter((a) => a.delta !== 0)
      .map((a) => ({
        sku: a.sku,
        reason: 'stocktake_adjust' as const,
        deltas: { [a.bucket]: a.delta },
        serials: [],
        ref: { type: 'stocktake', id: String(p.stocktakeId) },
        note: null,
        staffNo: p.approvedBy,
      })),
};

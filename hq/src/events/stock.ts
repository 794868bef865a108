import type pg from 'pg';
import type { EventPayload, StockMoveLine } from '../../../shared/sync/events';
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

/**
 * The counter's ledger rows (an event's `stockMoves`) as movements: rows of one movement
 * (a lend: off the shelf, into the customer's hands; one row per unit of a serial item)
 * become one, with its change per bucket and its serials in the order written.
 */
export function movementsOf(lines: readonly StockMoveLine[]): Movement[] {
  const byNumber = new Map<number, Movement>();
  for (const line of lines) {
    let m = byNumber.get(line.movement);
    if (!m) {
      m = { sku: line.sku, reason: line.reason, deltas: {}, serials: [], ref: line.ref, note: line.note, staffNo: line.staffNo };
      byNumber.set(line.movement, m);
    }
    m.deltas[line.bucket] = (m.deltas[line.bucket] ?? 0) + line.delta;
    if (line.serial !== null && !m.serials.includes(line.serial)) m.serials.push(line.serial);
  }
  return [...byNumber.values()];
}

/** A delivery the hall received is marked so (the movement itself is booked from the event's stockMoves). */
export async function applyStockMoved(client: pg.PoolClient, e: EventContext, p: EventPayload<'stock.moved'>): Promise<void> {
  if (p.reason === 'received' && p.counterparty) {
    const received = await client.query(
      `UPDATE stock_delivery SET status = 'received', received_event = $3
       WHERE delivery_no = $1 AND hall_code = $2 AND status = 'sent'`,
      [p.counterparty, e.hallCode, e.eventId],
    );
    if ((received.rowCount ?? 0) > 0) await publishDelivery(client, p.counterparty);
  }
}

import { StockMoves, type StockMoveLine } from '../../../shared/sync/events';
import type { StockBucket, StockReason } from '../../../shared/stock/movements';
import type { CoreContext } from '../context';
import type { RecordedRow } from '../stock/ledger';

interface LedgerRow {
  group_id: string;
  sku: string;
  bucket: StockBucket;
  qty: number;
  serial: string | null;
  reason: StockReason;
  ref_type: string | null;
  ref_id: string | null;
  phone: string | null;
  note: string | null;
  staff_no: string;
}

/**
 * The ledger rows an action wrote, read back from the ledger as HQ books them (the
 * envelope's `stockMoves`). A row a rolled-back savepoint took away is gone from the ledger
 * (or its id now holds another movement's row) and is left out; rows of one movement share
 * its number, in the order the movements were written.
 */
export function stockMoveLines(ctx: CoreContext, rows: readonly RecordedRow[]): StockMoveLine[] {
  const read = ctx.store.stmt(
    `SELECT m.group_id, m.sku, m.bucket, m.qty, m.serial, m.reason, m.ref_type, m.ref_id, c.phone, m.note, m.staff_no
     FROM stock_movement m LEFT JOIN customer c ON c.id = m.customer_id WHERE m.id = ?`,
  );
  const movements = new Map<string, number>();
  const lines: StockMoveLine[] = [];
  for (const recorded of rows) {
    const row = read.get(recorded.id) as LedgerRow | undefined;
    if (row?.group_id !== recorded.groupId) continue;
    let movement = movements.get(row.group_id);
    if (movement === undefined) {
      movement = movements.size;
      movements.set(row.group_id, movement);
    }
    lines.push({
      movement,
      sku: row.sku,
      bucket: row.bucket,
      delta: row.qty,
      serial: row.serial,
      reason: row.reason,
      ref: row.ref_type !== null && row.ref_id !== null ? { type: row.ref_type, id: row.ref_id } : null,
      customerPhone: row.phone,
      note: row.note,
      staffNo: row.staff_no,
    });
  }
  return lines;
}

/**
 * Puts the action's ledger rows on its outbox event (written in the same transaction),
 * checked as HQ will check them: a row HQ would refuse fails the action here, not the event there.
 */
export function attachStockMoves(ctx: CoreContext, eventId: string, lines: readonly StockMoveLine[]): void {
  ctx.store.stmt('UPDATE outbox SET stock_moves = ? WHERE event_id = ?').run(JSON.stringify(StockMoves.parse(lines)), eventId);
}

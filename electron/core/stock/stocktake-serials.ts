import type { CountedBucket } from '../../../shared/stock/schemas';
import type { CoreContext } from '../context';

/** The serials scanned in a stocktake count, and those the ledger had in that bucket at that moment. */
export interface CountedSerials {
  scanned: string[];
  expected: string[];
}

/** Replaces the serials of one count; call inside the count's transaction, after the count row is written. */
export function saveCountedSerials(
  ctx: CoreContext,
  stocktakeId: number,
  sku: string,
  bucket: CountedBucket,
  serials: CountedSerials,
): void {
  ctx.store.stmt('DELETE FROM stocktake_serial WHERE stocktake_id = ? AND sku = ? AND bucket = ?').run(stocktakeId, sku, bucket);
  const insert = ctx.store.stmt(
    'INSERT INTO stocktake_serial (stocktake_id, sku, bucket, serial, side) VALUES (?, ?, ?, ?, ?)',
  );
  for (const serial of new Set(serials.scanned)) insert.run(stocktakeId, sku, bucket, serial, 'scanned');
  for (const serial of new Set(serials.expected)) insert.run(stocktakeId, sku, bucket, serial, 'expected');
}

/** Every serial count of a stocktake, keyed `bucket|sku`. */
export function loadCountedSerials(ctx: CoreContext, stocktakeId: number): Map<string, CountedSerials> {
  const rows = ctx.store
    .stmt('SELECT sku, bucket, serial, side FROM stocktake_serial WHERE stocktake_id = ? ORDER BY sku, bucket, serial')
    .all(stocktakeId) as { sku: string; bucket: CountedBucket; serial: string; side: 'scanned' | 'expected' }[];
  const counts = new Map<string, CountedSerials>();
  for (const row of rows) {
    const key = countKey(row.sku, row.bucket);
    const entry = counts.get(key) ?? { scanned: [], expected: [] };
    entry[row.side].push(row.serial);
    counts.set(key, entry);
  }
  return counts;
}

export function countKey(sku: string, bucket: CountedBucket): string {
  return `${bucket}|${sku}`;
}

import { z } from 'zod';
import type { CountedBucket } from '../../../shared/stock/schemas';
import type { CoreContext } from '../context';

/**
 * The serials scanned in a stocktake count, and those the ledger had in that bucket at
 * that moment. stocktake_count has no column for them, so until a migration adds a
 * stocktake_serial table they live in settings under one key per count; only this file
 * knows where, so the move is local.
 */
export interface CountedSerials {
  scanned: string[];
  expected: string[];
}

const Stored = z.object({ scanned: z.array(z.string()), expected: z.array(z.string()) });

const prefix = (stocktakeId: number): string => `stocktake.${stocktakeId}.serials.`;
const keyOf = (stocktakeId: number, sku: string, bucket: CountedBucket): string => `${prefix(stocktakeId)}${bucket}.${sku}`;

/** Replaces the serials of one count; call inside the count's transaction. */
export function saveCountedSerials(
  ctx: CoreContext,
  stocktakeId: number,
  sku: string,
  bucket: CountedBucket,
  serials: CountedSerials,
): void {
  ctx.store
    .stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(keyOf(stocktakeId, sku, bucket), JSON.stringify(serials));
}

/** Every serial count of a stocktake, keyed `bucket|sku`. */
export function loadCountedSerials(ctx: CoreContext, stocktakeId: number): Map<string, CountedSerials> {
  const start = prefix(stocktakeId);
  // Keys after the prefix are made of bucket and item-code characters, all below '~'.
  const rows = ctx.store.stmt('SELECT key, value FROM settings WHERE key > ? AND key < ?').all(start, `${start}~`) as {
    key: string;
    value: string;
  }[];
  const counts = new Map<string, CountedSerials>();
  for (const row of rows) {
    const rest = row.key.slice(start.length);
    const dot = rest.indexOf('.');
    counts.set(`${rest.slice(0, dot)}|${rest.slice(dot + 1)}`, Stored.parse(JSON.parse(row.value)));
  }
  return counts;
}

export function countKey(sku: string, bucket: CountedBucket): string {
  return `${bucket}|${sku}`;
}

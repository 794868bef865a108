import { DomainError } from '../../../shared/contract/errors';
import type { CountedBucket } from '../../../shared/stock/schemas';
import type { StocktakeConflictReason, StocktakeLine, StocktakeView } from '../../../shared/stock/stocktake-contract';
import type { CoreContext } from '../context';
import { listStockItems } from './items';
import { getStockItem } from './ledger';
import { countKey, loadCountedSerials, type CountedSerials } from './stocktake-serials';

export interface StocktakeRow {
  id: number;
  status: 'open' | 'approved' | 'cancelled';
  started_by: string;
  started_at: string;
  closed_by: string | null;
  closed_at: string | null;
  note: string | null;
}

export interface CountRow {
  sku: string;
  bucket: CountedBucket;
  counted: number;
  expected: number;
  counted_by: string;
  counted_at: string;
}

export function stocktakeView(row: StocktakeRow): StocktakeView {
  return {
    stocktakeId: row.id,
    status: row.status,
    startedBy: row.started_by,
    startedAt: row.started_at,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    note: row.note,
  };
}

export function getStocktake(ctx: CoreContext, id: number): StocktakeRow {
  const row = ctx.store.stmt('SELECT * FROM stocktake WHERE id = ?').get(id) as StocktakeRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这次盘点（编号 ${id}）`, { stocktakeId: id });
  return row;
}

export function openStocktake(ctx: CoreContext): StocktakeRow | undefined {
  return ctx.store.stmt("SELECT * FROM stocktake WHERE status = 'open'").get() as StocktakeRow | undefined;
}

export function requireOpen(row: StocktakeRow): void {
  if (row.status !== 'open') {
    const state = row.status === 'approved' ? '已审核' : '已取消';
    const reason: StocktakeConflictReason = 'closed';
    throw new DomainError('CONFLICT', `这次盘点${state}，不能再修改`, { stocktakeId: row.id, status: row.status, reason });
  }
}

export function stocktakeCounts(ctx: CoreContext, stocktakeId: number): CountRow[] {
  return ctx.store
    .stmt(
      `SELECT sku, bucket, counted, expected, counted_by, counted_at FROM stocktake_count
       WHERE stocktake_id = ? ORDER BY sku, bucket`,
    )
    .all(stocktakeId) as CountRow[];
}

/** Scanned against expected: what the ledger had that was not found, and what was found that it did not have. */
export function serialDiscrepancies(serials: CountedSerials | undefined): { missing: string[]; unexpected: string[] } {
  if (!serials) return { missing: [], unexpected: [] };
  const scanned = new Set(serials.scanned);
  const expected = new Set(serials.expected);
  return {
    missing: serials.expected.filter((s) => !scanned.has(s)).sort(),
    unexpected: serials.scanned.filter((s) => !expected.has(s)).sort(),
  };
}

export function countedLine(
  item: { sku: string; name: string; serialTracked: boolean },
  count: CountRow,
  serials: CountedSerials | undefined,
): StocktakeLine {
  const { missing, unexpected } = serialDiscrepancies(serials);
  return {
    sku: item.sku,
    name: item.name,
    serialTracked: item.serialTracked,
    bucket: count.bucket,
    expected: count.expected,
    counted: count.counted,
    variance: count.counted - count.expected,
    countedBy: count.counted_by,
    countedAt: count.counted_at,
    missingSerials: missing,
    unexpectedSerials: unexpected,
  };
}

/**
 * The stocktake sheet: an on-hand line for every active item, a display line for items
 * with units on display, and a line for anything else that was counted. Lines not
 * counted show the current ledger balance as expected.
 */
export function stocktakeSheet(ctx: CoreContext, stocktakeId: number): StocktakeLine[] {
  const counts = new Map(stocktakeCounts(ctx, stocktakeId).map((c) => [countKey(c.sku, c.bucket), c]));
  const serials = loadCountedSerials(ctx, stocktakeId);
  const lines: StocktakeLine[] = [];
  const seen = new Set<string>();
  const addLine = (item: { sku: string; name: string; serialTracked: boolean }, bucket: CountedBucket, balance: number) => {
    const key = countKey(item.sku, bucket);
    seen.add(key);
    const count = counts.get(key);
    if (count) {
      lines.push(countedLine(item, count, serials.get(key)));
      return;
    }
    lines.push({
      ...item,
      bucket,
      expected: balance,
      counted: null,
      variance: null,
      countedBy: null,
      countedAt: null,
      missingSerials: [],
      unexpectedSerials: [],
    });
  };
  for (const item of listStockItems(ctx)) {
    addLine(item, 'on_hand', item.onHand);
    if (item.display !== 0 || counts.has(countKey(item.sku, 'display'))) addLine(item, 'display', item.display);
  }
  // Counts of items since made inactive still belong on the sheet.
  for (const [key, count] of counts) {
    if (seen.has(key)) continue;
    const row = getStockItem(ctx, count.sku);
    lines.push(countedLine({ sku: row.sku, name: row.name, serialTracked: row.serial_tracked === 1 }, count, serials.get(key)));
  }
  return lines;
}

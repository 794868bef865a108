import type { StocktakeHistoryEntry } from '../../../shared/stock/stocktake-contract';
import type { CoreContext } from '../context';
import { serialDiscrepancies, stocktakeCounts, stocktakeView, type StocktakeRow } from './stocktake-sheet';
import { countKey, loadCountedSerials } from './stocktake-serials';

/**
 * The stocktake history, newest first. A line shows a variance when its count differs
 * from the ledger at count time or, for serial-numbered items, when a unit was missing or
 * unexpected even though the totals agree — the same test as the review sheet's.
 */
export function recentStocktakes(ctx: CoreContext, limit: number): StocktakeHistoryEntry[] {
  const rows = ctx.store.stmt('SELECT * FROM stocktake ORDER BY id DESC LIMIT ?').all(limit) as StocktakeRow[];
  return rows.map((row) => {
    const counts = stocktakeCounts(ctx, row.id);
    const serials = loadCountedSerials(ctx, row.id);
    const varianceLines = counts.filter((c) => {
      const { missing, unexpected } = serialDiscrepancies(serials.get(countKey(c.sku, c.bucket)));
      return c.counted !== c.expected || missing.length > 0 || unexpected.length > 0;
    }).length;
    return { ...stocktakeView(row), countedLines: counts.length, varianceLines };
  });
}

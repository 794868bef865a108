import type { StockCategory, StockItemView } from '../../../shared/stock/schemas';
import type { CoreContext } from '../context';
import type { StockBalance, StockItemRow } from './ledger';

interface ItemBalanceRow {
  sku: string;
  name: string;
  name_en: string | null;
  category: StockCategory;
  unit_value_fen: number;
  serial_tracked: 0 | 1;
  low_threshold: number;
  on_hand: number;
  display: number;
  lent: number;
  last_at: string | null;
}

// One pass over the ledger for every item: the join walks stock_movement_by_item (sku, bucket)
// item by item, so the grid costs one query however many items and movements there are.
const ITEMS_WITH_BALANCES = `
  SELECT i.sku, i.name, i.name_en, i.category, i.unit_value_fen, i.serial_tracked, i.low_threshold,
         COALESCE(SUM(m.qty) FILTER (WHERE m.bucket = 'on_hand'), 0) AS on_hand,
         COALESCE(SUM(m.qty) FILTER (WHERE m.bucket = 'display'), 0) AS display,
         COALESCE(SUM(m.qty) FILTER (WHERE m.bucket = 'lent'), 0) AS lent,
         MAX(m.at) AS last_at
  FROM stock_item i LEFT JOIN stock_movement m ON m.sku = i.sku
  WHERE i.active = 1`;

export const LIST_ITEMS_SQL = `${ITEMS_WITH_BALANCES} AND (@category IS NULL OR i.category = @category)
  GROUP BY i.sku ORDER BY i.category, i.sku`;

const LOW_ITEMS_SQL = `${ITEMS_WITH_BALANCES}
  GROUP BY i.sku HAVING on_hand <= i.low_threshold ORDER BY on_hand - i.low_threshold, i.sku`;

function toView(r: ItemBalanceRow): StockItemView {
  return {
    sku: r.sku,
    name: r.name,
    nameEn: r.name_en,
    category: r.category,
    unitValueFen: r.unit_value_fen,
    serialTracked: r.serial_tracked === 1,
    onHand: r.on_hand,
    display: r.display,
    lent: r.lent,
    lowThreshold: r.low_threshold,
    low: r.on_hand <= r.low_threshold,
    lastMovementAt: r.last_at,
  };
}

/** Every active item with its balances, in grid order. */
export function listStockItems(ctx: CoreContext, category?: StockCategory): StockItemView[] {
  const rows = ctx.store.stmt(LIST_ITEMS_SQL).all({ category: category ?? null }) as ItemBalanceRow[];
  return rows.map(toView);
}

/** Active items at or below their low-stock threshold, the furthest below first. */
export function lowStockItems(ctx: CoreContext): StockItemView[] {
  return (ctx.store.stmt(LOW_ITEMS_SQL).all() as ItemBalanceRow[]).map(toView);
}

/** One item's grid line from rows already read. */
export function itemView(item: StockItemRow, balance: StockBalance, lastMovementAt: string | null): StockItemView {
  return toView({
    ...item,
    on_hand: balance.onHand,
    display: balance.display,
    lent: balance.lent,
    last_at: lastMovementAt,
  });
}

export function lastMovementAt(ctx: CoreContext, sku: string): string | null {
  const row = ctx.store.stmt('SELECT MAX(at) AS at FROM stock_movement WHERE sku = ?').get(sku) as { at: string | null };
  return row.at;
}

export interface StockItemDefinition {
  sku: string;
  name: string;
  nameEn: string | null;
  category: StockCategory;
  unitValueFen: number;
  serialTracked: boolean;
  lowThreshold: number;
  active: boolean;
}

/** Adds or updates an item of the hall's catalogue (HQ's stock allocations, the demo seed). Balances are not touched. */
export function upsertStockItem(ctx: CoreContext, item: StockItemDefinition): void {
  ctx.store
    .stmt(
      `INSERT INTO stock_item (sku, name, name_en, category, unit_value_fen, serial_tracked, low_threshold, active, updated_at)
       VALUES (@sku, @name, @nameEn, @category, @unitValueFen, @serialTracked, @lowThreshold, @active, @at)
       ON CONFLICT (sku) DO UPDATE SET
         name = excluded.name, name_en = excluded.name_en, category = excluded.category,
         unit_value_fen = excluded.unit_value_fen, serial_tracked = excluded.serial_tracked,
         low_threshold = excluded.low_threshold, active = excluded.active, updated_at = excluded.updated_at`,
    )
    .run({
      sku: item.sku,
      name: item.name,
      nameEn: item.nameEn,
      category: item.category,
      unitValueFen: item.unitValueFen,
      lowThreshold: item.lowThreshold,
      serialTracked: item.serialTracked ? 1 : 0,
      active: item.active ? 1 : 0,
      at: ctx.clock.now().toISOString(),
    });
}

import type { StockCategory, StockItemView } from '../../../../shared/stock/schemas';
import { SHANGHAI_OFFSET_MS } from '../../../../shared/time/shanghai';

/**
 * The spreadsheet a manager sends on (to HQ, to the billing centre): Chinese headers
 * whatever the screen's language, quantities as numbers, times as Excel date-times in
 * the hall's wall clock.
 */
export const STOCK_SHEET_HEADERS = ['物品名称', '物品编码', '类别', '在库', '借出', '展示', '低库存阈值', '低库存', '最后变动时间'] as const;

const CATEGORY_ZH: Record<StockCategory, string> = { gift: '礼品', prize: '奖品', equipment: '设备', other: '其他' };

export type StockSheetRow = [string, string, string, number, number, number, number, string, Date | null];

/** Excel keeps no time zone: the cell holds Shanghai wall-clock time, as the hall reads it. */
function wallClock(iso: string | null): Date | null {
  return iso ? new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS) : null;
}

export function stockSheetRow(item: StockItemView): StockSheetRow {
  return [
    item.name,
    item.sku,
    CATEGORY_ZH[item.category],
    item.onHand,
    item.lent,
    item.display,
    item.lowThreshold,
    item.low ? '是' : '否',
    wallClock(item.lastMovementAt),
  ];
}

/** `库存_ZY-HC-001_2026-11-21.xlsx` */
export function stockFileName(hallCode: string, date: string): string {
  return `库存_${hallCode}_${date}.xlsx`;
}

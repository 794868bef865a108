import { z } from 'zod';
import demoStock from '../../../resources/demo/stock.json';
import { Serial, Sku, StockCategory } from '../../../shared/stock/schemas';
import type { CoreContext } from '../context';
import { upsertStockItem } from './items';
import { bookedByHq, moveStock } from './ledger';

const DemoItem = z
  .object({
    sku: Sku,
    name: z.string().min(1),
    nameEn: z.string().min(1),
    category: StockCategory,
    unitValueFen: z.number().int().nonnegative(),
    serialTracked: z.boolean(),
    lowThreshold: z.number().int().nonnegative(),
    received: z.number().int().positive().optional(),
    serials: z.array(Serial).min(1).optional(),
    display: z.number().int().positive().optional(),
  })
  .refine((i) => (i.serialTracked ? i.serials !== undefined && i.received === undefined : i.received !== undefined && !i.serials), {
    message: 'serial-tracked items list their serials, the others a received quantity',
  });
export const DemoStock = z.object({ items: z.array(DemoItem).min(1) });
export type DemoStock = z.infer<typeof DemoStock>;

const SEED_STAFF = 'SYSTEM';
const OPENING_DELIVERY = { type: 'delivery', id: 'DEMO-OPENING' };

/**
 * Seeds the demo hall's stock (resources/demo/stock.json) inside the demo seed's
 * transaction. Balances go through the ledger like any delivery: received, then the
 * display units moved onto display, so on-hand is derived, never typed in.
 */
export function seedDemoStock(ctx: CoreContext): void {
  const demo = DemoStock.parse(demoStock);
  // The demo HQ books this opening stock for the hall itself: it is no event of this counter's.
  bookedByHq(ctx, () => seedItems(ctx, demo));
}

function seedItems(ctx: CoreContext, demo: DemoStock): void {
  for (const item of demo.items) {
    upsertStockItem(ctx, { ...item, active: true });
    const serials = item.serials ?? [];
    const received = item.serialTracked ? serials.length : (item.received ?? 0);
    moveStock(ctx, { sku: item.sku, reason: 'received', qty: received, serials: item.serials, ref: OPENING_DELIVERY, staffNo: SEED_STAFF });
    if (item.display) {
      // Serial-numbered display units are the last ones of the delivery.
      const shown = item.serialTracked ? serials.slice(-item.display) : undefined;
      moveStock(ctx, { sku: item.sku, reason: 'to_display', qty: item.display, serials: shown, note: '展示样品', staffNo: SEED_STAFF });
    }
  }
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CatalogueFile } from '../../../shared/points/catalogue';
import type { HqClock } from '../clock';
import type { Db } from '../db/pool';
import { ensureCounter, ensureHall, ensureRegion } from '../devices';
import { publishCampaign, publishCatalogueItem, publishReference, publishStockItem } from './publish';
import { sendStock } from './stock';
import { reserveVoucherBlock } from './vouchers';

const DemoHall = z.object({
  hall: z.object({ code: z.string(), name: z.string() }),
  counters: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** resources/demo/stock.json: the items, and what the demo hall starts with (a count, or serials). */
export const StockFile = z.object({
  items: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      category: z.enum(['gift', 'prize', 'equipment', 'other']),
      unitValueFen: z.number().int().nonnegative(),
      serialTracked: z.boolean(),
      lowThreshold: z.number().int().nonnegative(),
      received: z.number().int().nonnegative().optional(),
      serials: z.array(z.string()).optional(),
      display: z.number().int().nonnegative().optional(),
    }),
  ),
});
export type StockFile = z.infer<typeof StockFile>;

export const DEMO_REGION = { code: 'ZY', name: '遵义' };

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

export async function publishStockFile(db: Db, file: StockFile, clock: HqClock): Promise<number> {
  for (const item of file.items) {
    await publishStockItem(
      db.pool,
      {
        sku: item.sku,
        name: item.name,
        nameEn: item.nameEn ?? null,
        category: item.category,
        unitValueFen: item.unitValueFen,
        serialTracked: item.serialTracked,
        lowThreshold: item.lowThreshold,
        active: true,
      },
      clock,
    );
  }
  return file.items.length;
}

/**
 * HQ for the demo hall, from resources/demo: region, hall and counters, stock items and
 * the hall's first deliveries, catalogue and voucher blocks, plans, holidays, campaigns
 * and limits. Runs once: a database that already has the hall is left alone.
 */
export async function seedDemoHq(db: Db, resources: string, clock: HqClock, log: (line: string) => void = () => undefined): Promise<boolean> {
  const demo = DemoHall.parse(readJson(join(resources, 'demo/hall.json')));
  const seeded = await db.pool.query('SELECT 1 FROM hall WHERE code = $1', [demo.hall.code]);
  if ((seeded.rowCount ?? 0) > 0) return false;
  await ensureRegion(db.pool, DEMO_REGION);
  await ensureHall(db.pool, { code: demo.hall.code, name: demo.hall.name, regionCode: DEMO_REGION.code }, clock);
  for (const c of demo.counters) await ensureCounter(db.pool, { hallCode: demo.hall.code, code: c.code, name: c.name });

  await publishReference(db.pool, 'limits', { pointsOfflineLimit: 2000, syncIntervalMs: 60_000 }, clock);
  const optional = (path: string, publishIt: (value: unknown) => Promise<unknown>) => {
    const file = join(resources, path);
    return existsSync(file) ? publishIt(readJson(file)) : (log(`demo HQ: ${path} not found, skipped`), Promise.resolve());
  };
  await optional('demo/plans.json', (v) => publishReference(db.pool, 'plans', v, clock));
  await optional('calendar/holidays.json', (v) => publishReference(db.pool, 'calendar', v, clock));

  const stockPath = join(resources, 'demo/stock.json');
  if (existsSync(stockPath)) {
    const stock = StockFile.parse(readJson(stockPath));
    await publishStockFile(db, stock, clock);
    // Each demo counter seeds this opening stock locally, without events: HQ books it once
    // for the hall, so the demo's first gifts do not show up as negative stock.
    for (const item of stock.items) {
      const total = item.serials?.length ?? item.received ?? 0;
      const shown = item.display ?? 0;
      for (const [bucket, qty] of [
        ['on_hand', total - shown],
        ['display', shown],
      ] as const) {
        if (qty === 0) continue;
        await db.pool.query('INSERT INTO hall_stock (hall_code, sku, bucket, qty) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [demo.hall.code, item.sku, bucket, qty]);
      }
    }
  }
  const cataloguePath = join(resources, 'demo/catalogue.json');
  if (existsSync(cataloguePath)) {
    const catalogue = CatalogueFile.parse(readJson(cataloguePath));
    for (const item of catalogue.items) await publishCatalogueItem(db.pool, item, clock);
    for (const block of catalogue.voucherBlocks) await reserveVoucherBlock(db, demo.hall.code, block, clock);
  }
  const campaignsDir = join(resources, 'demo/campaigns');
  if (existsSync(campaignsDir)) {
    for (const file of readdirSync(campaignsDir).filter((f) => f.endsWith('.json')).sort()) {
      try {
        await publishCampaign(db.pool, readJson(join(campaignsDir, file)), clock);
      } catch (err) {
        log(`demo HQ: campaign ${file} not published: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
      }
    }
  }
  return true;
}

/** Sends the demo hall a delivery of every item in stock.json (received at a counter by the manager). */
export async function sendDemoDeliveries(db: Db, resources: string, hallCode: string, clock: HqClock): Promise<string[]> {
  const stock = StockFile.parse(readJson(join(resources, 'demo/stock.json')));
  const sent: string[] = [];
  for (const item of stock.items) {
    const serials = item.serials ?? [];
    const quantity = serials.length || item.received || 0;
    if (quantity > 0) sent.push(await sendStock(db.pool, { hallCode, sku: item.sku, quantity, serials, note: '演示开业配货' }, clock));
  }
  return sent;
}

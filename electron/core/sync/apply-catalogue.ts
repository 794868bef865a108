import { Campaign } from '../../../shared/campaigns/schema';
import { CatalogueEntry } from '../../../shared/points/catalogue';
import { ReferenceDoc, StockItemDoc, VoucherBlockDoc } from '../../../shared/sync/pull';
import type { CoreContext } from '../context';
import { rowWriter } from './rows';
import { SYNC_SETTINGS, writeSetting } from './state';

/**
 * What HQ publishes for every counter: campaigns, the points-mall catalogue, stock items,
 * reference data and this counter's voucher blocks. Each parses its document with the
 * schema HQ published it under; the write runs inside the page's transaction.
 */

export const campaignRows = rowWriter((doc) => Campaign.parse(doc), (ctx, _reg, c) => {
  const now = ctx.clock.now().toISOString();
  const newest = ctx.store.stmt('SELECT MAX(version) AS v FROM campaign WHERE id = ?').get(c.id) as { v: number | null };
  ctx.store
    .stmt(
      `INSERT INTO campaign (id, version, kind, name, definition, valid_from, valid_to, current, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (id, version) DO NOTHING`,
    )
    .run(c.id, c.version, c.kind, c.name, JSON.stringify(c), c.validFrom, c.validTo, now);
  // An enrolment points at the version it used, so older versions stay; only the newest is current.
  if (newest.v === null || c.version >= newest.v) {
    ctx.store.stmt('UPDATE campaign SET current = 0 WHERE id = ? AND current = 1').run(c.id);
    ctx.store.stmt('UPDATE campaign SET current = 1 WHERE id = ? AND version = ?').run(c.id, c.version);
  }
});

export const stockItemRows = rowWriter((doc) => StockItemDoc.parse(doc), (ctx, _reg, s) => {
  ctx.store
    .stmt(
      `INSERT INTO stock_item (sku, name, name_en, category, unit_value_fen, serial_tracked, low_threshold, active, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, category = excluded.category,
         unit_value_fen = excluded.unit_value_fen, serial_tracked = excluded.serial_tracked,
         low_threshold = excluded.low_threshold, active = excluded.active, updated_at = excluded.updated_at`,
    )
    .run(s.sku, s.name, s.nameEn, s.category, s.unitValueFen, s.serialTracked ? 1 : 0, s.lowThreshold, s.active ? 1 : 0, ctx.clock.now().toISOString());
});

/** A row another row points at may come on a later page; a placeholder keeps the foreign key until it does. */
export function ensureStockItem(ctx: CoreContext, sku: string): void {
  ctx.store
    .stmt(
      `INSERT INTO stock_item (sku, name, category, active, updated_at) VALUES (?, ?, 'other', 0, ?) ON CONFLICT (sku) DO NOTHING`,
    )
    .run(sku, sku, ctx.clock.now().toISOString());
}

function ensureVoucherItem(ctx: CoreContext, code: string): void {
  ctx.store
    .stmt(
      `INSERT INTO catalogue_item (code, kind, name, category, points_price, voucher_tier, valid_from, valid_to, active, version, updated_at)
       VALUES (?, 'voucher', ?, 'voucher', 1, 'X', '2000-01-01', '2000-01-01', 0, 0, ?) ON CONFLICT (code) DO NOTHING`,
    )
    .run(code, code, ctx.clock.now().toISOString());
}

export const catalogueRows = rowWriter((doc) => CatalogueEntry.parse(doc), (ctx, _reg, item) => {
  if (item.kind === 'gift') ensureStockItem(ctx, item.stockSku);
  ctx.store
    .stmt(
      `INSERT INTO catalogue_item (code, kind, name, name_en, category, points_price, stock_sku, voucher_tier, face_value_fen,
                                   service_code, per_customer_limit, valid_from, valid_to, active, version, updated_at)
       VALUES (@code, @kind, @name, @nameEn, @category, @price, @sku, @tier, @face, @service, @limit, @from, @to, @active, @version, @now)
       ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name, name_en = excluded.name_en,
         category = excluded.category, points_price = excluded.points_price, stock_sku = excluded.stock_sku,
         voucher_tier = excluded.voucher_tier, face_value_fen = excluded.face_value_fen, service_code = excluded.service_code,
         per_customer_limit = excluded.per_customer_limit, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
         active = excluded.active, version = excluded.version, updated_at = excluded.updated_at`,
    )
    .run({
      code: item.code,
      kind: item.kind,
      name: item.name,
      nameEn: item.nameEn ?? null,
      category: item.category,
      price: item.pointsPrice,
      sku: item.kind === 'gift' ? item.stockSku : null,
      tier: item.kind === 'voucher' ? item.voucherTier : null,
      face: item.kind === 'voucher' ? item.faceValueFen : null,
      service: item.kind === 'service' ? item.serviceCode : null,
      limit: item.perCustomerLimit ?? null,
      from: item.validFrom,
      to: item.validTo,
      active: item.active ? 1 : 0,
      version: item.version,
      now: ctx.clock.now().toISOString(),
    });
});

export const referenceRows = rowWriter((doc) => ReferenceDoc.parse(doc), (ctx, _reg, ref) => {
  ctx.store
    .stmt(
      `INSERT INTO reference_data (key, version, data, received_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET version = excluded.version, data = excluded.data, received_at = excluded.received_at`,
    )
    .run(ref.key, ref.version, JSON.stringify(ref.data), ctx.clock.now().toISOString());
  if (ref.key === 'limits') {
    writeSetting(ctx, SYNC_SETTINGS.offlinePointsLimit, String(ref.data.pointsOfflineLimit));
    writeSetting(ctx, SYNC_SETTINGS.intervalMs, String(ref.data.syncIntervalMs));
  }
});

/** Codes of a block reserved for this counter; codes already handed out keep their state. */
export const voucherBlockRows = rowWriter((doc) => VoucherBlockDoc.parse(doc), (ctx, reg, block) => {
  if (block.counterCode !== reg.counterCode) return;
  ensureVoucherItem(ctx, block.catalogueCode);
  const insert = ctx.store.stmt(
    `INSERT INTO voucher_code (code, catalogue_code, block_id, qr_payload, valid_until, status, updated_at)
     VALUES (?, ?, ?, ?, ?, 'available', ?) ON CONFLICT (code) DO NOTHING`,
  );
  const now = ctx.clock.now().toISOString();
  for (const c of block.codes) insert.run(c.code, block.catalogueCode, block.blockId, c.qrPayload, block.validUntil, now);
});

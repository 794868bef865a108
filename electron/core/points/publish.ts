import type { CatalogueEntry, VoucherBlock } from '../../../shared/points/catalogue';
import type { CoreContext } from '../context';

/**
 * Writes one catalogue item as HQ publishes it (the demo seed uses the same door). A newer
 * version replaces an older one; an older or equal version is ignored, so a replayed pull
 * never rolls an item back.
 */
export function storeCatalogueEntry(ctx: CoreContext, entry: CatalogueEntry): void {
  ctx.store
    .stmt(
      `INSERT INTO catalogue_item (code, kind, name, name_en, category, points_price, stock_sku, voucher_tier, face_value_fen,
                                   service_code, per_customer_limit, valid_from, valid_to, active, version, updated_at)
       VALUES (@code, @kind, @name, @nameEn, @category, @pointsPrice, @stockSku, @voucherTier, @faceValueFen,
               @serviceCode, @perCustomerLimit, @validFrom, @validTo, @active, @version, @updatedAt)
       ON CONFLICT (code) DO UPDATE SET
         kind = excluded.kind, name = excluded.name, name_en = excluded.name_en, category = excluded.category,
         points_price = excluded.points_price, stock_sku = excluded.stock_sku, voucher_tier = excluded.voucher_tier,
         face_value_fen = excluded.face_value_fen, service_code = excluded.service_code,
         per_customer_limit = excluded.per_customer_limit, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
         active = excluded.active, version = excluded.version, updated_at = excluded.updated_at
       WHERE excluded.version > catalogue_item.version`,
    )
    .run({
      code: entry.code,
      kind: entry.kind,
      name: entry.name,
      nameEn: entry.nameEn ?? null,
      category: entry.category,
      pointsPrice: entry.pointsPrice,
      stockSku: entry.kind === 'gift' ? entry.stockSku : null,
      voucherTier: entry.kind === 'voucher' ? entry.voucherTier : null,
      faceValueFen: entry.kind === 'voucher' ? entry.faceValueFen : null,
      serviceCode: entry.kind === 'service' ? entry.serviceCode : null,
      perCustomerLimit: entry.perCustomerLimit ?? null,
      validFrom: entry.validFrom,
      validTo: entry.validTo,
      active: entry.active ? 1 : 0,
      version: entry.version,
      updatedAt: ctx.clock.now().toISOString(),
    });
}

/** Adds a block of codes reserved for this counter; codes already known keep their state (an issued code stays issued). */
export function storeVoucherBlock(ctx: CoreContext, block: VoucherBlock): number {
  const insert = ctx.store.stmt(
    `INSERT INTO voucher_code (code, catalogue_code, block_id, qr_payload, valid_until, status, updated_at)
     VALUES (?, ?, ?, ?, ?, 'available', ?) ON CONFLICT (code) DO NOTHING`,
  );
  const at = ctx.clock.now().toISOString();
  let added = 0;
  for (const c of block.codes) added += insert.run(c.code, block.catalogueCode, block.blockId, c.qrPayload, block.validUntil, at).changes;
  return added;
}

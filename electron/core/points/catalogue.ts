import { DomainError } from '../../../shared/contract/errors';
import { notEligible } from '../../../shared/contract/refusals';
import type { CatalogueItemView, CatalogueKind, CatalogueRefusalCode } from '../../../shared/points/catalogue';
import type { CoreContext } from '../context';
import { getStockItem, stockBalance } from '../stock/ledger';
import { customerLimitLeft } from './limits';
import { voucherCodesLeft } from './vouchers';

export interface CatalogueItemRow {
  code: string;
  kind: CatalogueKind;
  name: string;
  name_en: string | null;
  category: string;
  points_price: number;
  stock_sku: string | null;
  voucher_tier: string | null;
  face_value_fen: number | null;
  service_code: string | null;
  per_customer_limit: number | null;
  valid_from: string;
  valid_to: string;
  active: 0 | 1;
  version: number;
}

export function findCatalogueItem(ctx: CoreContext, code: string): CatalogueItemRow | undefined {
  return ctx.store.stmt('SELECT * FROM catalogue_item WHERE code = ?').get(code) as CatalogueItemRow | undefined;
}

export function isOnOffer(item: CatalogueItemRow, today: string): boolean {
  return item.active === 1 && item.valid_from <= today && today <= item.valid_to;
}

/** The item, if it can be redeemed today; otherwise the reason the clerk reads out. */
export function requireOnOffer(ctx: CoreContext, code: string, today: string): CatalogueItemRow {
  const item = findCatalogueItem(ctx, code);
  if (!item) throw new DomainError('NOT_FOUND', `积分商城没有这个商品：${code}`, { catalogueCode: code });
  if (!isOnOffer(item, today)) {
    const reason: CatalogueRefusalCode =
      item.active !== 1 ? 'CATALOGUE_WITHDRAWN' : today < item.valid_from ? 'CATALOGUE_NOT_YET_VALID' : 'CATALOGUE_EXPIRED';
    const text =
      reason === 'CATALOGUE_WITHDRAWN'
        ? `${item.name}已下架，不能兑换`
        : `${item.name}的兑换期为 ${item.valid_from} 至 ${item.valid_to}，今天不能兑换`;
    const values = { catalogueCode: code, validFrom: item.valid_from, validTo: item.valid_to };
    throw notEligible(text, [{ code: reason, text, values }], { catalogueCode: code });
  }
  return item;
}

export interface Redeemable {
  /** Units that can go to a customer now; null = not counted (services). */
  available: number | null;
  onDisplay: number;
}

/** Display units (展示样品) stay in the hall: only the on-hand bucket can be redeemed. */
export function redeemableNow(ctx: CoreContext, item: CatalogueItemRow, today: string): Redeemable {
  if (item.kind === 'gift' && item.stock_sku) {
    const stock = getStockItem(ctx, item.stock_sku);
    const balance = stockBalance(ctx, item.stock_sku);
    return { available: stock.active === 1 ? Math.max(balance.onHand, 0) : 0, onDisplay: Math.max(balance.display, 0) };
  }
  if (item.kind === 'voucher') return { available: voucherCodesLeft(ctx, item.code, today), onDisplay: 0 };
  return { available: null, onDisplay: 0 };
}

export interface CatalogueFilter {
  search?: string;
  category?: string;
  kind?: CatalogueKind;
  customerId?: number;
}

function matches(item: CatalogueItemRow, search: string): boolean {
  const needle = search.toLowerCase();
  return [item.code, item.name, item.name_en ?? ''].some((text) => text.toLowerCase().includes(needle));
}

/** Items on offer today, cheapest first within each kind (gifts, then vouchers, then services). */
export function listCatalogue(ctx: CoreContext, filter: CatalogueFilter, today: string): CatalogueItemView[] {
  const rows = ctx.store
    .stmt(
      `SELECT * FROM catalogue_item
       WHERE active = 1 AND valid_from <= ? AND valid_to >= ?
       ORDER BY CASE kind WHEN 'gift' THEN 0 WHEN 'voucher' THEN 1 ELSE 2 END, points_price, code`,
    )
    .all(today, today) as CatalogueItemRow[];
  return rows
    .filter((item) => !filter.category || item.category === filter.category)
    .filter((item) => !filter.kind || item.kind === filter.kind)
    .filter((item) => !filter.search || matches(item, filter.search))
    .map((item) => {
      const now = redeemableNow(ctx, item, today);
      return {
        code: item.code,
        kind: item.kind,
        name: item.name,
        nameEn: item.name_en,
        category: item.category,
        pointsPrice: item.points_price,
        perCustomerLimit: item.per_customer_limit,
        validFrom: item.valid_from,
        validTo: item.valid_to,
        stockSku: item.stock_sku,
        voucherTier: item.voucher_tier,
        faceValueFen: item.face_value_fen,
        serviceCode: item.service_code,
        available: now.available,
        onDisplay: now.onDisplay,
        customerLimitLeft: filter.customerId === undefined ? null : customerLimitLeft(ctx, filter.customerId, item),
      };
    });
}

import { addDays } from '../../../shared/calendar/dates';
import { DomainError } from '../../../shared/contract/errors';
import { shanghaiDayStart } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import type { CatalogueItemRow } from './catalogue';

/**
 * Units of `item` this customer has redeemed over the item's validity window (Shanghai
 * days, both ends included). Voided redemptions do not count: a void gives the allowance back.
 */
export function customerRedeemedQuantity(ctx: CoreContext, customerId: number, item: CatalogueItemRow): number {
  const from = shanghaiDayStart(item.valid_from).toISOString();
  const until = shanghaiDayStart(addDays(item.valid_to, 1)).toISOString();
  const row = ctx.store
    .stmt(
      `SELECT COALESCE(SUM(l.quantity), 0) AS n
       FROM redemption_line l JOIN redemption r ON r.id = l.redemption_id
       WHERE r.customer_id = ? AND l.catalogue_code = ? AND r.status = 'completed'
         AND r.created_at >= ? AND r.created_at < ?`,
    )
    .get(customerId, item.code, from, until) as { n: number };
  return row.n;
}

/** How many more units this customer may take; null when the item has no limit. */
export function customerLimitLeft(ctx: CoreContext, customerId: number, item: CatalogueItemRow): number | null {
  if (item.per_customer_limit === null) return null;
  return Math.max(item.per_customer_limit - customerRedeemedQuantity(ctx, customerId, item), 0);
}

export function checkCustomerLimit(ctx: CoreContext, customerId: number, item: CatalogueItemRow, quantity: number): void {
  if (item.per_customer_limit === null) return;
  const already = customerRedeemedQuantity(ctx, customerId, item);
  if (already + quantity > item.per_customer_limit) {
    const left = Math.max(item.per_customer_limit - already, 0);
    throw new DomainError(
      'LIMIT_EXCEEDED',
      `${item.name}每位客户在兑换期内限兑 ${item.per_customer_limit} 件，已兑 ${already} 件，本次最多还可兑 ${left} 件`,
      { limit: 'per_customer', catalogueCode: item.code, max: item.per_customer_limit, already, requested: quantity, left },
    );
  }
}

/**
 * Points this customer redeemed while HQ was out of reach that HQ has not acknowledged
 * yet: what the offline limit is counted against. A voided one no longer counts.
 */
export function offlinePointsUsed(ctx: CoreContext, customerId: number): number {
  const row = ctx.store
    .stmt(
      `SELECT COALESCE(SUM(r.total_points), 0) AS n FROM redemption r
       WHERE r.customer_id = ? AND r.pending_hq = 1 AND r.status = 'completed'
         AND EXISTS (SELECT 1 FROM points_entry e WHERE e.ref = r.redemption_no AND e.reason = 'redeem' AND e.acked = 0)`,
    )
    .get(customerId) as { n: number };
  return row.n;
}

export function checkOfflineLimit(ctx: CoreContext, customerId: number, needed: number, limit: number): void {
  const used = offlinePointsUsed(ctx, customerId);
  if (used + needed > limit) {
    const left = Math.max(limit - used, 0);
    throw new DomainError(
      'LIMIT_EXCEEDED',
      `总部连线中断，每位客户离线最多兑换 ${limit} 积分（待确认 ${used}），本次需要 ${needed}，最多还可兑 ${left} 积分；请待连线恢复后再办理`,
      { limit: 'offline', max: limit, used, needed, left },
    );
  }
}

import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { CatalogueKind } from '../../../shared/points/catalogue';
import type { RedemptionView } from '../../../shared/points/redemption';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { requireDevice } from '../slips/slips';
import { pointsTakenBy } from './balance';
import { vouchersOfLine } from './vouchers';

export interface RedemptionRow {
  id: number;
  redemption_no: string;
  customer_id: number;
  total_points: number;
  points_before: number;
  status: 'completed' | 'voided';
  pending_hq: 0 | 1;
  slip_no: string;
  staff_no: string;
  created_at: string;
  void_slip_no: string | null;
  voided_by: string | null;
  approved_by: string | null;
  voided_at: string | null;
  void_reason: string | null;
}

export interface RedemptionLineRow {
  id: number;
  catalogue_code: string;
  kind: CatalogueKind;
  quantity: number;
  points_each: number;
  service_status: 'pending_activation' | 'activated' | 'cancelled' | null;
  name: string;
  stock_sku: string | null;
}

/** hall–counter–RDdate–sequence: unique across the region without asking HQ, like slip numbers. */
export function nextRedemptionNo(ctx: CoreContext): string {
  const device = requireDevice(ctx);
  const prefix = `${device.hallCode}-${device.counterCode}-RD${shanghaiDate(ctx.clock.now()).replaceAll('-', '')}-`;
  const row = ctx.store
    .stmt('SELECT COUNT(*) AS n FROM redemption WHERE substr(redemption_no, 1, ?) = ?')
    .get(prefix.length, prefix) as { n: number };
  return `${prefix}${String(row.n + 1).padStart(4, '0')}`;
}

export function findRedemption(ctx: CoreContext, redemptionNo: string): RedemptionRow | undefined {
  return ctx.store.stmt('SELECT * FROM redemption WHERE redemption_no = ?').get(redemptionNo) as RedemptionRow | undefined;
}

export function requireRedemption(ctx: CoreContext, redemptionNo: string): RedemptionRow {
  const row = findRedemption(ctx, redemptionNo);
  if (!row) throw new DomainError('NOT_FOUND', `没有这张兑换单：${redemptionNo}`, { redemptionNo });
  return row;
}

export function linesOf(ctx: CoreContext, redemptionId: number): RedemptionLineRow[] {
  return ctx.store
    .stmt(
      `SELECT l.id, l.catalogue_code, l.kind, l.quantity, l.points_each, l.service_status, c.name, c.stock_sku
       FROM redemption_line l JOIN catalogue_item c ON c.code = l.catalogue_code
       WHERE l.redemption_id = ? ORDER BY l.id`,
    )
    .all(redemptionId) as RedemptionLineRow[];
}

function phoneOf(ctx: CoreContext, customerId: number): string {
  return (ctx.store.stmt('SELECT phone FROM customer WHERE id = ?').get(customerId) as { phone: string }).phone;
}

export function redemptionView(ctx: CoreContext, row: RedemptionRow): RedemptionView {
  return {
    redemptionNo: row.redemption_no,
    customerId: row.customer_id,
    phoneMasked: maskPhone(phoneOf(ctx, row.customer_id)),
    status: row.status,
    pendingHq: row.pending_hq === 1,
    totalPoints: row.total_points,
    pointsBefore: row.points_before,
    pointsAfter: row.points_before - row.total_points,
    slipNo: row.slip_no,
    staffNo: row.staff_no,
    createdAt: row.created_at,
    lines: linesOf(ctx, row.id).map((l) => ({
      catalogueCode: l.catalogue_code,
      kind: l.kind,
      name: l.name,
      quantity: l.quantity,
      pointsEach: l.points_each,
      points: l.quantity * l.points_each,
      stockSku: l.kind === 'gift' ? l.stock_sku : null,
      serviceStatus: l.service_status,
      vouchers: l.kind === 'voucher' ? vouchersOfLine(ctx, l.id) : [],
    })),
    lots: pointsTakenBy(ctx, row.redemption_no).map((t) => ({ lotKey: t.lotKey, points: t.points, expiresOn: t.expiresOn })),
    void:
      row.status === 'voided' && row.void_slip_no && row.voided_at
        ? {
            slipNo: row.void_slip_no,
            at: row.voided_at,
            by: row.voided_by ?? '',
            approvedBy: row.approved_by ?? '',
            reason: row.void_reason ?? '',
          }
        : null,
  };
}

export function listRedemptionsOf(ctx: CoreContext, customerId: number, limit: number): RedemptionRow[] {
  return ctx.store
    .stmt('SELECT * FROM redemption WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?')
    .all(customerId, limit) as RedemptionRow[];
}

export function insertRedemption(
  ctx: CoreContext,
  r: { redemptionNo: string; customerId: number; totalPoints: number; pointsBefore: number; pendingHq: boolean; slipNo: string; staffNo: string },
): number {
  const row = ctx.store
    .stmt(
      `INSERT INTO redemption (redemption_no, customer_id, total_points, points_before, status, pending_hq, slip_no, staff_no, created_at)
       VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, ?) RETURNING id`,
    )
    .get(r.redemptionNo, r.customerId, r.totalPoints, r.pointsBefore, r.pendingHq ? 1 : 0, r.slipNo, r.staffNo, ctx.clock.now().toISOString()) as {
    id: number;
  };
  return row.id;
}

export function insertRedemptionLine(
  ctx: CoreContext,
  line: { redemptionId: number; catalogueCode: string; kind: CatalogueKind; quantity: number; pointsEach: number },
): number {
  const row = ctx.store
    .stmt(
      `INSERT INTO redemption_line (redemption_id, catalogue_code, kind, quantity, points_each, service_status)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      line.redemptionId,
      line.catalogueCode,
      line.kind,
      line.quantity,
      line.pointsEach,
      // Services are activated by HQ's provisioning, not at the counter.
      line.kind === 'service' ? 'pending_activation' : null,
    ) as { id: number };
  return row.id;
}

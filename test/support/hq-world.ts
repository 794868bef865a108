import type { CustomerSnapshot } from '../../shared/customers/snapshot';
import type { CoreContext } from '../../electron/core/context';
import { commitAction } from '../../electron/core/context';
import { importCustomers } from '../../hq/src/admin/customers';
import { publishCatalogueItem, publishReference, publishStockItem } from '../../hq/src/admin/publish';
import { sendStock } from '../../hq/src/admin/stock';
import type { RunningHq } from '../../hq/src/hq';
import { HALL_A, HALL_B, REGION } from './hq';

/** Stock items, catalogue, limits and three customers with points: what the sync tests trade in. */
export const SKU_TV = 'TV-55';
export const SKU_CUP = 'CUP-01';

export function customer(phone: string, points: number): CustomerSnapshot {
  return {
    phone,
    name: `客户${phone.slice(-4)}`,
    idHash: 'a'.repeat(64),
    idLast4: '123X',
    kind: 'existing',
    brand: 'standard',
    planCode: 'STD-59',
    planTier: 3,
    tenureStart: '2018-03-01',
    arpuFen: 8800,
    monthlyMinutes: 200,
    contract: null,
    broadband: null,
    birthday: null,
    valueSegment: 'valuable',
    retentionBase: false,
    churned: false,
    pointsLots: points > 0 ? [{ lotId: `LOT-${phone}`, remaining: points, earnedOn: '2026-01-01', expiresOn: '2027-06-30' }] : [],
    snapshotVersion: 1,
    snapshotAt: '2026-11-20T00:00:00.000Z',
  };
}

export async function publishWorld(hq: RunningHq, customers: CustomerSnapshot[]): Promise<{ tvDelivery: string; cupDeliveryA: string; cupDeliveryB: string }> {
  const item = (sku: string, name: string, category: 'gift' | 'prize') => ({
    sku,
    name,
    nameEn: null,
    category,
    unitValueFen: 100_000,
    serialTracked: false,
    lowThreshold: 1,
    active: true,
  });
  await publishStockItem(hq.db.pool, item(SKU_TV, '55英寸彩电', 'gift'), hq.clock);
  await publishStockItem(hq.db.pool, item(SKU_CUP, '保温杯', 'gift'), hq.clock);
  const gift = (code: string, sku: string, pointsPrice: number) => ({
    kind: 'gift',
    code,
    name: code,
    category: 'daily',
    pointsPrice,
    stockSku: sku,
    validFrom: '2026-10-01',
    validTo: '2026-12-31',
    version: 1,
  });
  await publishCatalogueItem(hq.db.pool, gift('JF-TV55', SKU_TV, 1000), hq.clock);
  await publishCatalogueItem(hq.db.pool, gift('JF-CUP', SKU_CUP, 1000), hq.clock);
  await publishReference(hq.db.pool, 'limits', { pointsOfflineLimit: 5000, syncIntervalMs: 60_000 }, hq.clock);
  await importCustomers(hq.db, REGION, customers, hq.clock);
  return {
    tvDelivery: await sendStock(hq.db.pool, { hallCode: HALL_A, sku: SKU_TV, quantity: 1 }, hq.clock),
    cupDeliveryA: await sendStock(hq.db.pool, { hallCode: HALL_A, sku: SKU_CUP, quantity: 20 }, hq.clock),
    cupDeliveryB: await sendStock(hq.db.pool, { hallCode: HALL_B, sku: SKU_CUP, quantity: 20 }, hq.clock),
  };
}

/** An enrolment as the enrolment service will write it (its service is not in the core yet): schema-valid payload. */
export function recordEnrolment(
  ctx: CoreContext,
  e: { enrolmentNo: string; phone: string; bonus?: { lotKey: string; points: number } },
): void {
  commitAction(ctx, { kind: 'system', name: 'test-enrolment' }, () => ({
    result: null,
    audit: { action: 'enrolment.create', subject: `enrolment:${e.enrolmentNo}` },
    event: {
      type: 'enrolment.created',
      payload: {
        enrolmentNo: e.enrolmentNo,
        slipNo: `${e.enrolmentNo}-S`,
        customerPhone: e.phone,
        campaignId: 'UPGRADE-POINTS-2026',
        campaignVersion: 1,
        enrolledOn: '2026-11-21',
        options: { planCode: 'STD-99' },
        benefits: [{ type: 'bonus_points', points: e.bonus?.points ?? 0 }],
        bonusLot: e.bonus ? { ...e.bonus, expiresOn: '2027-12-31' } : null,
        giftSkus: [],
        staffNo: '1001',
      },
    },
  }));
}

/** This counter's own stock movements (not copied from HQ, not the demo's opening stock), per item and bucket. */
export function ownMovements(ctx: CoreContext): Map<string, number> {
  const rows = ctx.store
    .stmt(
      `SELECT sku || '/' || bucket AS k, SUM(qty) AS n FROM stock_movement
       WHERE group_id NOT LIKE 'hq:%' AND staff_no <> 'SYSTEM' GROUP BY sku, bucket`,
    )
    .all() as { k: string; n: number }[];
  return new Map(rows.map((r) => [r.k, r.n]));
}

export function ledgerBalance(ctx: CoreContext, sku: string, bucket = 'on_hand'): number {
  return (ctx.store.stmt('SELECT COALESCE(SUM(qty), 0) AS n FROM stock_movement WHERE sku = ? AND bucket = ?').get(sku, bucket) as { n: number }).n;
}

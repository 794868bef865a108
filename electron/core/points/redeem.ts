import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { CartLine, RedemptionView } from '../../../shared/points/redemption';
import type { SlipData } from '../../../shared/slips/slip';
import type { EventPayload } from '../../../shared/sync/events';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { Actor } from '../audit/log';
import { commitAction, type CoreContext } from '../context';
import { getCustomer, touchServed } from '../customers/repository';
import { nextSlipNo, recordSlip, slipHeader } from '../slips/slips';
import { moveStock } from '../stock/ledger';
import { debitPoints, pointsAvailability, pointsTakenBy } from './balance';
import { redeemableNow, requireOnOffer, type CatalogueItemRow } from './catalogue';
import { checkCustomerLimit, checkOfflineLimit } from './limits';
import { isHqOffline, type HqReachability } from './reachability';
import { insertRedemption, insertRedemptionLine, nextRedemptionNo, redemptionView, requireRedemption } from './redemptions';
import { redemptionSlipData } from './slip';
import { issueVoucherCodes, pickVoucherCodes, type IssuedVoucher } from './vouchers';

/** The staff member at the counter, as the audit log and the slip name them. */
export interface CounterStaff {
  actor: Actor;
  staffNo: string;
  name: string;
}

export interface RedeemResult {
  redemption: RedemptionView;
  slipNo: string;
  slip: SlipData;
  pointsAfter: number;
}

interface PlannedLine {
  item: CatalogueItemRow;
  quantity: number;
  vouchers: IssuedVoucher[];
}

/** The same item scanned twice is one line: limits and stock are judged on the total. */
function mergeCart(lines: readonly CartLine[]): CartLine[] {
  const byCode = new Map<string, number>();
  for (const l of lines) byCode.set(l.catalogueCode, (byCode.get(l.catalogueCode) ?? 0) + l.quantity);
  return [...byCode].map(([catalogueCode, quantity]) => ({ catalogueCode, quantity }));
}

function checkGiftStock(ctx: CoreContext, item: CatalogueItemRow, quantity: number, today: string): void {
  const { available, onDisplay } = redeemableNow(ctx, item, today);
  const have = available ?? 0;
  if (have >= quantity) return;
  const message =
    have === 0 && onDisplay > 0
      ? `${item.name}只剩展示样品，样品不能兑换`
      : `${item.name}可兑换库存 ${have} 件，需要 ${quantity} 件`;
  throw new DomainError('INSUFFICIENT_STOCK', message, { catalogueCode: item.code, sku: item.stock_sku, have, need: quantity, onDisplay });
}

/**
 * Every refusal is decided before the first write, so a refused redemption leaves the
 * database exactly as it was; the writes then go in one transaction with the audit entry
 * and the outbox event.
 */
export function redeemPoints(
  ctx: CoreContext,
  hq: HqReachability,
  staff: CounterStaff,
  input: { customerId: number; lines: readonly CartLine[] },
): RedeemResult {
  return commitAction(ctx, staff.actor, () => {
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    const customer = getCustomer(ctx, input.customerId);

    const planned: PlannedLine[] = mergeCart(input.lines).map(({ catalogueCode, quantity }) => {
      const item = requireOnOffer(ctx, catalogueCode, today);
      checkCustomerLimit(ctx, customer.id, item, quantity);
      if (item.kind === 'gift') checkGiftStock(ctx, item, quantity, today);
      const vouchers = item.kind === 'voucher' ? pickVoucherCodes(ctx, item.code, item.name, quantity, today) : [];
      return { item, quantity, vouchers };
    });
    const totalPoints = planned.reduce((sum, l) => sum + l.item.points_price * l.quantity, 0);

    const pendingHq = isHqOffline(hq, now);
    if (pendingHq) checkOfflineLimit(ctx, customer.id, totalPoints, hq.offlinePointsLimit());
    const before = pointsAvailability(ctx, customer.id, today).available;
    if (before < totalPoints) {
      throw new DomainError('INSUFFICIENT_POINTS', `积分不足：可用 ${before}，本次需要 ${totalPoints}`, {
        available: before,
        needed: totalPoints,
      });
    }

    const slipNo = nextSlipNo(ctx);
    const redemptionNo = nextRedemptionNo(ctx);
    debitPoints(ctx, customer.id, totalPoints, today, redemptionNo);
    for (const { item, quantity } of planned) {
      if (item.kind !== 'gift' || !item.stock_sku) continue;
      moveStock(ctx, {
        sku: item.stock_sku,
        reason: 'issued_redemption',
        qty: quantity,
        ref: { type: 'redemption', id: redemptionNo },
        customerId: customer.id,
        staffNo: staff.staffNo,
      });
    }
    const after = pointsAvailability(ctx, customer.id, today).available;
    const slip = redemptionSlipData(slipHeader(ctx, { staffNo: staff.staffNo, name: staff.name }), {
      slipNo,
      redemptionNo,
      customer: customer.snapshot,
      items: planned.map(({ item, quantity, vouchers }) => ({
        name: item.name,
        nameEn: item.name_en,
        kind: item.kind,
        quantity,
        points: item.points_price * quantity,
        faceValueFen: item.face_value_fen,
        vouchers,
      })),
      totalPoints,
      pointsBefore: before,
      pointsAfter: after,
      pendingHq,
    });
    // The slip row first: the redemption row refers to it.
    recordSlip(ctx, { data: slip, kind: 'redemption', ref: { type: 'redemption', id: redemptionNo }, customerId: customer.id, staffNo: staff.staffNo });
    const redemptionId = insertRedemption(ctx, {
      redemptionNo,
      customerId: customer.id,
      totalPoints,
      pointsBefore: before,
      pendingHq,
      slipNo,
      staffNo: staff.staffNo,
    });
    for (const { item, quantity, vouchers } of planned) {
      const lineId = insertRedemptionLine(ctx, { redemptionId, catalogueCode: item.code, kind: item.kind, quantity, pointsEach: item.points_price });
      if (vouchers.length > 0) issueVoucherCodes(ctx, vouchers, lineId);
    }
    touchServed(ctx, customer.id);

    const lots = pointsTakenBy(ctx, redemptionNo).map((l) => ({ lotKey: l.lotKey, points: l.points }));
    const lines = planned.map(({ item, quantity, vouchers }) => ({
      catalogueCode: item.code,
      kind: item.kind,
      quantity,
      pointsEach: item.points_price,
      voucherCodes: vouchers.map((v) => v.code),
      stockSku: item.stock_sku,
    }));
    const payload = {
      redemptionNo,
      slipNo,
      // HQ debits the customer's account by phone number: the one place the full number travels.
      customerPhone: customer.snapshot.phone,
      totalPoints,
      lots,
      lines,
      pendingHq,
      staffNo: staff.staffNo,
    } satisfies EventPayload<'redemption.created'>;
    return {
      result: { redemption: redemptionView(ctx, requireRedemption(ctx, redemptionNo)), slipNo, slip, pointsAfter: after },
      audit: {
        action: 'redemption.create',
        subject: `redemption:${redemptionNo}`,
        details: {
          customerId: customer.id,
          phone: maskPhone(customer.snapshot.phone),
          slipNo,
          totalPoints,
          pointsBefore: before,
          pointsAfter: after,
          pendingHq,
          lines: lines.map((l) => ({ code: l.catalogueCode, quantity: l.quantity, voucherCodes: l.voucherCodes })),
          lots,
        },
      },
      event: { type: 'redemption.created', payload },
    };
  });
}

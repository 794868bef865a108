import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { RedemptionView } from '../../../shared/points/redemption';
import type { SlipData } from '../../../shared/slips/slip';
import type { StaffView } from '../../../shared/staff/contract';
import type { EventPayload } from '../../../shared/sync/events';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { commitAction, type CoreContext } from '../context';
import { getCustomer, touchServed } from '../customers/repository';
import { nextSlipNo, recordSlip, slipHeader } from '../slips/slips';
import { moveStock } from '../stock/ledger';
import { pointsAvailability, restorePoints } from './balance';
import { findCatalogueItem } from './catalogue';
import { isHqOffline, type HqReachability } from './reachability';
import type { CounterStaff } from './redeem';
import { linesOf, redemptionView, requireRedemption } from './redemptions';
import { voidSlipData } from './slip';
import { revokeVoucherCodes } from './vouchers';

export interface VoidResult {
  redemption: RedemptionView;
  voidSlipNo: string;
  slip: SlipData;
  pointsAfter: number;
  expiredPointsRestored: number;
}

function alreadyVoided(redemptionNo: string, voidSlipNo: string | null): DomainError {
  return new DomainError('CONFLICT', `兑换单 ${redemptionNo} 已作废（作废单 ${voidSlipNo ?? '—'}），不能重复作废`, {
    redemptionNo,
    voidSlipNo,
  });
}

/**
 * Reverses a redemption in one transaction: the same points back to the same lots,
 * gifts back on hand, voucher codes revoked, services cancelled, a VOID slip linked
 * from the original one. Needs a manager (the dispatcher has checked the approval).
 */
export function voidRedemption(
  ctx: CoreContext,
  hq: HqReachability,
  staff: CounterStaff,
  approvedBy: StaffView | undefined,
  input: { redemptionNo: string; reason: string },
): VoidResult {
  // The dispatcher only lets this through with a manager; a missing approver here is a wiring bug.
  if (!approvedBy) throw new DomainError('FORBIDDEN', '作废需要店长授权', { needApproval: 'manager' });
  return commitAction(ctx, staff.actor, () => {
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    const redemption = requireRedemption(ctx, input.redemptionNo);
    if (redemption.status === 'voided') throw alreadyVoided(redemption.redemption_no, redemption.void_slip_no);
    const customer = getCustomer(ctx, redemption.customer_id);
    const ref = redemption.redemption_no;

    const before = pointsAvailability(ctx, customer.id, today).available;
    const restored = restorePoints(ctx, customer.id, ref, today);
    const returned: { name: string; nameEn: string | null; quantity: number; what: 'gift' | 'voucher' | 'service' }[] = [];
    const returnedStock: { sku: string; quantity: number }[] = [];
    const revokedCodes: string[] = [];
    for (const line of linesOf(ctx, redemption.id)) {
      const nameEn = findCatalogueItem(ctx, line.catalogue_code)?.name_en ?? null;
      returned.push({ name: line.name, nameEn, quantity: line.quantity, what: line.kind });
      if (line.kind === 'gift' && line.stock_sku) {
        moveStock(ctx, {
          sku: line.stock_sku,
          reason: 'void_return',
          qty: line.quantity,
          ref: { type: 'redemption', id: ref },
          customerId: customer.id,
          note: input.reason,
          staffNo: staff.staffNo,
        });
        returnedStock.push({ sku: line.stock_sku, quantity: line.quantity });
      }
      if (line.kind === 'voucher') revokedCodes.push(...revokeVoucherCodes(ctx, line.id));
    }
    ctx.store
      .stmt(`UPDATE redemption_line SET service_status = 'cancelled' WHERE redemption_id = ? AND kind = 'service'`)
      .run(redemption.id);
    const after = pointsAvailability(ctx, customer.id, today).available;
    const pointsRestored = restored.reduce((s, l) => s + l.points, 0);
    const expiredPointsRestored = restored.filter((l) => l.expired).reduce((s, l) => s + l.points, 0);
    const pendingHq = isHqOffline(hq, now);

    const voidSlipNo = nextSlipNo(ctx);
    const approver = `${approvedBy.name}（${approvedBy.staffNo}）`;
    const slip = voidSlipData(slipHeader(ctx, { staffNo: staff.staffNo, name: staff.name }), {
      slipNo: voidSlipNo,
      redemptionNo: ref,
      originalSlipNo: redemption.slip_no,
      customer: customer.snapshot,
      returned,
      revokedCodes,
      pointsRestored,
      expiredPointsRestored,
      pointsBefore: before,
      pointsAfter: after,
      reason: input.reason,
      approvedBy: approver,
      pendingHq,
    });
    recordSlip(ctx, { data: slip, kind: 'void', ref: { type: 'redemption', id: ref }, customerId: customer.id, staffNo: staff.staffNo });
    const changed = ctx.store
      .stmt(
        `UPDATE redemption SET status = 'voided', void_slip_no = ?, voided_by = ?, approved_by = ?, voided_at = ?, void_reason = ?
         WHERE id = ? AND status = 'completed'`,
      )
      .run(voidSlipNo, staff.staffNo, approvedBy.staffNo, now.toISOString(), input.reason, redemption.id).changes;
    if (changed !== 1) throw alreadyVoided(ref, redemption.void_slip_no);
    touchServed(ctx, customer.id);

    const lots = restored.map((l) => ({ lotKey: l.lotKey, points: l.points }));
    const payload = {
      redemptionNo: ref,
      voidSlipNo,
      customerPhone: customer.snapshot.phone,
      lots,
      revokedCodes,
      returnedStock,
      reason: input.reason,
      approvedBy: approvedBy.staffNo,
      staffNo: staff.staffNo,
    } satisfies EventPayload<'redemption.voided'>;
    return {
      result: {
        redemption: redemptionView(ctx, requireRedemption(ctx, ref)),
        voidSlipNo,
        slip,
        pointsAfter: after,
        expiredPointsRestored,
      },
      audit: {
        action: 'redemption.void',
        subject: `redemption:${ref}`,
        details: {
          customerId: customer.id,
          phone: maskPhone(customer.snapshot.phone),
          slipNo: redemption.slip_no,
          voidSlipNo,
          reason: input.reason,
          approvedBy: { staffNo: approvedBy.staffNo, name: approvedBy.name },
          pointsRestored,
          expiredPointsRestored,
          lots,
          revokedCodes,
          returnedStock,
        },
      },
      event: { type: 'redemption.voided', payload },
    };
  });
}

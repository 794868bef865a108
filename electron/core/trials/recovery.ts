import { trialFeeWaiver } from '../../../shared/campaigns/benefits/trial';
import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { RecoveryOrderView, TrialView } from '../../../shared/enrolment/views';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { commitAction, type CoreContext } from '../context';
import type { CounterStaff } from '../enrolment/staff';
import { closeFollowUps } from '../followups/tasks';
import { moveStock } from '../stock/ledger';
import { ORDINARY_MODEM_SKU } from './install';
import { loansOf, recoveryOrder, recoveryView, setTrialState, trialById, trialChangedEvent, trialView, type TrialRow } from './records';

/**
 * The month whose fee is waived when a cancellation asked for by the last free day takes
 * effect only after it (seed 002); an earlier decision (advanceTrials) is kept.
 */
export function waiverMonth(trial: Pick<TrialRow, 'free_until' | 'cancel_requested_on' | 'fee_waiver_month'>, effectiveOn: string): string | null {
  if (trial.fee_waiver_month !== null) return trial.fee_waiver_month;
  if (trial.free_until === null || trial.cancel_requested_on === null) return null;
  return trialFeeWaiver({ freeUntil: trial.free_until }, { requestedOn: trial.cancel_requested_on, effectiveOn }).waivedMonth;
}

/**
 * The installer brought the lent units back: every serial of the order is scanned (no
 * more, no fewer) and returns to the shelf from this customer; the ordinary modem handed
 * over in exchange leaves stock; the order closes and the cancellation takes effect today.
 */
export function completeRecovery(
  ctx: CoreContext,
  staff: CounterStaff,
  input: { orderId: number; serials: readonly string[]; ordinaryModemSerial?: string | undefined },
): { trial: TrialView; recovery: RecoveryOrderView } {
  return commitAction(ctx, staff.actor, () => {
    const today = shanghaiDate(ctx.clock.now());
    const order = recoveryOrder(ctx, input.orderId);
    if (order.status !== 'open') throw new DomainError('CONFLICT', `回收单 ${order.id} 已于${order.closed_on ?? ''}完成`, { orderId: order.id });
    if (order.trial_id === null) {
      throw new DomainError('CONFLICT', `回收单 ${order.id} 不属于体验受理，请在库存界面处理`, { orderId: order.id });
    }
    const trial = trialById(ctx, order.trial_id);
    const loans = loansOf(ctx, trial.enrolment_id).filter((l) => l.recovery_order_id === order.id && l.status === 'recovery_open');
    const scanned = new Set(input.serials);
    const missing = loans.filter((l) => !scanned.has(l.serial)).map((l) => `${l.name} ${l.serial}`);
    const extra = [...scanned].filter((s) => !loans.some((l) => l.serial === s));
    if (missing.length > 0 || extra.length > 0 || scanned.size !== input.serials.length) {
      throw new DomainError(
        'CONFLICT',
        [missing.length > 0 ? `还未扫描：${missing.join('、')}` : '', extra.length > 0 ? `不属于这张回收单：${extra.join('、')}` : '']
          .filter(Boolean)
          .join('；') || '串号重复扫描',
        { orderId: order.id, missing, extra },
      );
    }

    const bySku = new Map<string, string[]>();
    for (const l of loans) bySku.set(l.sku, [...(bySku.get(l.sku) ?? []), l.serial]);
    for (const [sku, serials] of bySku) {
      moveStock(ctx, { sku, reason: 'recovered', qty: serials.length, serials, customerId: order.customer_id, ref: { type: 'recovery_order', id: String(order.id) }, staffNo: staff.staffNo });
    }
    const back = ctx.store.stmt(`UPDATE equipment_loan SET status = 'recovered', recovered_on = ? WHERE id = ?`);
    for (const l of loans) back.run(today, l.id);
    if (input.ordinaryModemSerial !== undefined) {
      moveStock(ctx, {
        sku: ORDINARY_MODEM_SKU,
        reason: 'issued_enrolment',
        qty: 1,
        serials: [input.ordinaryModemSerial],
        customerId: order.customer_id,
        ref: { type: 'recovery_order', id: String(order.id) },
        note: 'iTV体验注销换回普通光猫',
        staffNo: staff.staffNo,
      });
    }
    ctx.store
      .stmt(`UPDATE recovery_order SET status = 'done', closed_on = ?, return_sku = ?, return_serial = ? WHERE id = ?`)
      .run(today, input.ordinaryModemSerial === undefined ? null : ORDINARY_MODEM_SKU, input.ordinaryModemSerial ?? null, order.id);
    closeFollowUps(ctx, { type: 'recovery_order', id: String(order.id) }, ['equipment_recovery'], {
      status: 'done',
      outcome: '设备已回收',
      staffNo: staff.staffNo,
    });
    const feeWaiverMonth = trial.status === 'cancel_requested' ? waiverMonth(trial, today) : trial.fee_waiver_month;
    if (trial.status === 'cancel_requested') setTrialState(ctx, trial.id, { status: 'cancelled', fee_waiver_month: feeWaiverMonth });

    return {
      result: { trial: trialView(ctx, trialById(ctx, trial.id)), recovery: recoveryView(ctx, recoveryOrder(ctx, order.id)) },
      audit: {
        action: 'recovery.complete',
        subject: `recovery_order:${order.id}`,
        details: {
          enrolmentNo: trial.enrolment_no,
          customerId: order.customer_id,
          phone: maskPhone(trial.phone),
          serials: loans.map((l) => ({ sku: l.sku, serial: l.serial })),
          ordinaryModemSerial: input.ordinaryModemSerial ?? null,
          effectiveOn: today,
          feeWaiverMonth,
        },
      },
      event: trialChangedEvent(ctx, trial.id, staff.staffNo),
    };
  });
}

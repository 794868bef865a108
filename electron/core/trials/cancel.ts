import { addDays, addMonthsToMonth, monthOf } from '../../../shared/calendar/dates';
import { DomainError } from '../../../shared/contract/errors';
import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import type { RecoveryOrderView, TrialView } from '../../../shared/enrolment/views';
import type { SlipData } from '../../../shared/slips/slip';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { commitAction, type CoreContext } from '../context';
import type { CounterStaff } from '../enrolment/staff';
import { addFollowUp, closeFollowUps } from '../followups/tasks';
import { nextSlipNo, recordSlip, slipHeader, type SlipHeader } from '../slips/slips';
import {
  loansOf,
  recoveryOrder,
  recoveryView,
  setTrialState,
  trialById,
  trialByEnrolmentNo,
  trialChangedEvent,
  trialStatusLabels,
  trialView,
  type LoanRow,
  type TrialRow,
} from './records';

/** The recovery visit promised within this many days, as the install was (seed 002: 7天内). */
export const RECOVERY_WITHIN_DAYS = 7;

/**
 * Within the recovery promise, but no later than the last free day when that is still
 * ahead: equipment back by then means the cancellation takes effect in the expiry month
 * and nothing needs waiving.
 */
export function recoveryDueOn(today: string, freeUntil: string | null): string {
  const promised = addDays(today, RECOVERY_WITHIN_DAYS);
  return freeUntil !== null && freeUntil >= today && freeUntil < promised ? freeUntil : promised;
}

function cancelSlipData(
  header: SlipHeader,
  c: { slipNo: string; trial: TrialRow; loans: readonly LoanRow[]; dueOn: string | null; today: string; note: string | undefined },
): SlipData {
  const { trial } = c;
  const waiverTerm =
    trial.free_until !== null && c.today <= trial.free_until
      ? [`如因设备回收等原因注销未能在体验期最后一天（${trial.free_until}）前生效，${addMonthsToMonth(monthOf(trial.free_until), 1)}的 iTV 费用予以减免。`]
      : [];
  return {
    ...header,
    slipNo: c.slipNo,
    kind: 'trial_cancel',
    title: 'iTV体验注销回执',
    titleEn: 'iTV trial cancellation',
    customer: { phoneMasked: maskPhone(trial.phone), nameMasked: maskName(trial.name) },
    given: [],
    taken: c.loans.map((l) => ({ label: `${l.name}（待回收）`, quantity: 1, serial: l.serial })),
    points: null,
    terms: [
      `受理单号 ${trial.enrolment_no}`,
      `注销申请日 ${c.today}；注销在借用设备收回后生效。`,
      ...(c.dueOn ? [`线务员将于${c.dueOn}前上门回收机顶盒和 e8-b 光猫，并为您换回普通光猫。`] : []),
      ...waiverTerm,
      ...(c.note ? [`备注：${c.note}`] : []),
    ],
    vouchers: [],
    pendingHq: false,
  };
}

/**
 * The customer cancels (注销). The lent units go on a recovery order with a due day and a
 * follow-up task; the trial's pending calls are cancelled. The cancellation takes effect
 * when the equipment is back (recovery.complete), or at once when nothing was lent.
 */
export function cancelTrial(
  ctx: CoreContext,
  staff: CounterStaff,
  input: { enrolmentNo: string; note?: string | undefined },
): { trial: TrialView; recovery: RecoveryOrderView | null; slipNo: string; slip: SlipData } {
  return commitAction(ctx, staff.actor, () => {
    const today = shanghaiDate(ctx.clock.now());
    const trial = trialByEnrolmentNo(ctx, input.enrolmentNo);
    if (trial.status === 'cancel_requested' || trial.status === 'cancelled') {
      throw new DomainError('CONFLICT', `该体验${trialStatusLabels[trial.status]}，无需重复办理`, { status: trial.status });
    }
    const loans = loansOf(ctx, trial.enrolment_id).filter((l) => l.status === 'lent');
    const ref = { type: 'trial', id: String(trial.id) } as const;
    closeFollowUps(ctx, ref, ['install_due', 'trial_usage_call', 'trial_expiry_notice'], {
      status: 'cancelled',
      outcome: '客户已申请注销',
      staffNo: staff.staffNo,
    });

    let orderId: number | null = null;
    let dueOn: string | null = null;
    if (loans.length > 0) {
      dueOn = recoveryDueOn(today, trial.free_until);
      orderId = (
        ctx.store
          .stmt(`INSERT INTO recovery_order (trial_id, customer_id, status, opened_on, due_on) VALUES (?, ?, 'open', ?, ?) RETURNING id`)
          .get(trial.id, trial.customer_id, today, dueOn) as { id: number }
      ).id;
      const mark = ctx.store.stmt(`UPDATE equipment_loan SET status = 'recovery_open', recovery_order_id = ? WHERE id = ?`);
      for (const l of loans) mark.run(orderId, l.id);
      addFollowUp(ctx, { kind: 'equipment_recovery', customerId: trial.customer_id, ref: { type: 'recovery_order', id: String(orderId) }, dueOn });
    }
    // Nothing to bring back: the cancellation takes effect today.
    setTrialState(ctx, trial.id, { status: loans.length > 0 ? 'cancel_requested' : 'cancelled', cancel_requested_on: today });

    const slipNo = nextSlipNo(ctx);
    const slip = cancelSlipData(slipHeader(ctx, staff), { slipNo, trial, loans, dueOn, today, note: input.note });
    recordSlip(ctx, { data: slip, kind: 'trial_cancel', ref: { type: 'trial', id: trial.enrolment_no }, customerId: trial.customer_id, staffNo: staff.staffNo });
    return {
      result: {
        trial: trialView(ctx, trialById(ctx, trial.id)),
        recovery: orderId === null ? null : recoveryView(ctx, recoveryOrder(ctx, orderId)),
        slipNo,
        slip,
      },
      audit: {
        action: 'trial.cancel',
        subject: `trial:${trial.enrolment_no}`,
        details: {
          customerId: trial.customer_id,
          phone: maskPhone(trial.phone),
          from: trial.status,
          requestedOn: today,
          freeUntil: trial.free_until,
          recoveryOrderId: orderId,
          dueOn,
          serials: loans.map((l) => ({ sku: l.sku, serial: l.serial })),
          slipNo,
          note: input.note ?? null,
        },
      },
      event: trialChangedEvent(ctx, trial.id, staff.staffNo),
    };
  });
}

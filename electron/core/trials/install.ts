import { trialDates } from '../../../shared/campaigns/benefits/trial';
import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { TrialView } from '../../../shared/enrolment/views';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { commitAction, type CoreContext } from '../context';
import type { CounterStaff } from '../enrolment/staff';
import { closeFollowUps, rescheduleFollowUps } from '../followups/tasks';
import { moveStock } from '../stock/ledger';
import { setTrialState, trialBenefitOf, trialById, trialByEnrolmentNo, trialChangedEvent, trialStatusLabels, trialTerms, trialView } from './records';

/** The ordinary broadband modem: the one an existing line hands back at install, and the one handed out at recovery. */
export const ORDINARY_MODEM_SKU = 'MODEM-STD';

/**
 * The installer finished (竣工): the free period runs from the real completion month, so
 * the dates are recomputed with the enrolled campaign version's terms and the calls move
 * with them. A line already in service hands its old modem back; it goes into hall stock
 * (seed 002: 利旧, it becomes a modem handed out at a later recovery).
 */
export function confirmInstall(
  ctx: CoreContext,
  staff: CounterStaff,
  input: { enrolmentNo: string; completionOn: string; oldModemSerial?: string | undefined },
): { trial: TrialView } {
  return commitAction(ctx, staff.actor, () => {
    const today = shanghaiDate(ctx.clock.now());
    const trial = trialByEnrolmentNo(ctx, input.enrolmentNo);
    if (trial.status !== 'awaiting_install') {
      throw new DomainError('CONFLICT', `该体验已不是待安装状态（当前：${trialStatusLabels[trial.status]}）`, { status: trial.status });
    }
    if (input.completionOn < trial.enrolled_on || input.completionOn > today) {
      throw new DomainError('VALIDATION', `竣工日期须在受理日${trial.enrolled_on}至今天${today}之间`, {
        from: trial.enrolled_on,
        to: today,
        completionOn: input.completionOn,
      });
    }
    const planned = trialBenefitOf(ctx, trial.enrolment_id);
    const oldModem = input.oldModemSerial ?? planned.oldModemSerial;
    if (input.oldModemSerial !== undefined && !planned.recoverOldModem) {
      throw new DomainError('CONFLICT', '新装宽带没有旧光猫需要收回，请勿录入旧光猫串号', { enrolmentNo: input.enrolmentNo });
    }

    const dates = trialDates(input.completionOn, trialTerms(ctx, trial));
    setTrialState(ctx, trial.id, { status: 'active', completion_on: dates.completionOn, free_until: dates.freeUntil, conversion_on: dates.conversionOn });
    const ref = { type: 'trial', id: String(trial.id) } as const;
    for (const f of dates.followUps) rescheduleFollowUps(ctx, ref, f.kind, f.dueOn);
    closeFollowUps(ctx, ref, ['install_due'], { status: 'done', outcome: `已竣工 ${input.completionOn}`, staffNo: staff.staffNo });
    if (planned.recoverOldModem && oldModem) {
      moveStock(ctx, {
        sku: ORDINARY_MODEM_SKU,
        reason: 'received',
        qty: 1,
        serials: [oldModem],
        ref: { type: 'trial', id: trial.enrolment_no },
        customerId: trial.customer_id,
        note: 'iTV体验安装收回原普通光猫',
        staffNo: staff.staffNo,
      });
    }
    return {
      result: { trial: trialView(ctx, trialById(ctx, trial.id)) },
      audit: {
        action: 'trial.confirm_install',
        subject: `trial:${trial.enrolment_no}`,
        details: {
          customerId: trial.customer_id,
          phone: maskPhone(trial.phone),
          completionOn: dates.completionOn,
          freeUntil: dates.freeUntil,
          conversionOn: dates.conversionOn,
          followUps: dates.followUps,
          oldModemSerial: planned.recoverOldModem ? (oldModem ?? null) : null,
        },
      },
      event: trialChangedEvent(ctx, trial.id, staff.staffNo),
    };
  });
}

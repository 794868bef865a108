import { maskPhone } from '../../../shared/customers/snapshot';
import type { TrialStatus } from '../../../shared/enrolment/views';
import { commitAction, type CoreContext } from '../context';
import { SYSTEM_STAFF, type CounterStaff } from '../enrolment/staff';
import { setTrialState, trialById, trialChangedEvent, type TrialRow } from './records';
import { waiverMonth } from './recovery';

export interface TrialChange {
  enrolmentNo: string;
  from: TrialStatus;
  to: TrialStatus;
  feeWaiverMonth: string | null;
}

type Decision = { to: TrialStatus; feeWaiverMonth: string | null; why: string } | null;

/** The latest day a recovery order of this trial closed, when none is still open. */
function recoveryClosedOn(ctx: CoreContext, trialId: number): string | null | undefined {
  const row = ctx.store
    .stmt(`SELECT SUM(status = 'open') AS open, MAX(closed_on) AS closed FROM recovery_order WHERE trial_id = ?`)
    .get(trialId) as { open: number | null; closed: string | null };
  if (row.open === null) return undefined; // no order at all
  return row.open > 0 ? null : row.closed;
}

/**
 * What today means for one trial: past its free period an active trial converts (seed 002:
 * not cancelled = continues, paid); a cancellation whose equipment is back is closed; a
 * cancellation asked for by the last free day that is still open after it has missed the
 * expiry month, so the next month's fee is waived.
 */
function decide(ctx: CoreContext, trial: TrialRow, today: string): Decision {
  if (trial.status === 'active' && trial.free_until !== null && trial.free_until < today) {
    return { to: 'converted', feeWaiverMonth: trial.fee_waiver_month, why: `体验期${trial.free_until}结束，未办理注销，转为正式用户` };
  }
  if (trial.status !== 'cancel_requested') return null;
  const closedOn = recoveryClosedOn(ctx, trial.id);
  if (closedOn) return { to: 'cancelled', feeWaiverMonth: waiverMonth(trial, closedOn), why: `设备已于${closedOn}收回，注销生效` };
  const missed = trial.free_until !== null && trial.free_until < today ? waiverMonth(trial, today) : null;
  if (missed !== null && trial.fee_waiver_month === null) {
    return { to: 'cancel_requested', feeWaiverMonth: missed, why: `注销未能在${trial.free_until ?? ''}前生效，${missed}费用减免` };
  }
  return null;
}

/**
 * Applies today's date to every trial that is active or being cancelled; each change is its
 * own transaction with a trial.changed event and an audit entry, so a run cut short keeps
 * what it did and the next run picks up the rest. Safe to run any number of times a day.
 * The lead calls it at start-up and daily; managers run it on demand (trial.advance).
 */
export function advanceTrials(ctx: CoreContext, today: string, staff: CounterStaff = SYSTEM_STAFF): TrialChange[] {
  const ids = ctx.store.stmt(`SELECT id FROM trial WHERE status IN ('active', 'cancel_requested') ORDER BY id`).all() as { id: number }[];
  const changes: TrialChange[] = [];
  for (const { id } of ids) {
    const change = commitActionIfChanged(ctx, staff, id, today);
    if (change) changes.push(change);
  }
  return changes;
}

function commitActionIfChanged(ctx: CoreContext, staff: CounterStaff, trialId: number, today: string): TrialChange | null {
  const trial = trialById(ctx, trialId);
  const decision = decide(ctx, trial, today);
  if (!decision) return null;
  return commitAction(ctx, staff.actor, () => {
    setTrialState(ctx, trial.id, { status: decision.to, fee_waiver_month: decision.feeWaiverMonth });
    const change: TrialChange = { enrolmentNo: trial.enrolment_no, from: trial.status, to: decision.to, feeWaiverMonth: decision.feeWaiverMonth };
    return {
      result: change,
      audit: {
        action: 'trial.advance',
        subject: `trial:${trial.enrolment_no}`,
        details: { customerId: trial.customer_id, phone: maskPhone(trial.phone), today, ...change, why: decision.why },
      },
      event: trialChangedEvent(ctx, trial.id, staff.staffNo),
    };
  });
}

import type { FollowUpKind } from '../../../shared/enrolment/views';
import type { CoreContext } from '../context';

/**
 * Follow-up tasks are written by the flows that create the need (an enrolment, a
 * cancellation, a prize win) inside their own transaction, and closed by the flow that
 * settles it (the install confirmed, the equipment back, the prize collected) or by a
 * clerk recording the outcome of a call.
 */
export interface FollowUpRef {
  type: 'trial' | 'referral_credit' | 'recovery_order' | 'prize_win';
  id: string;
}

export function addFollowUp(ctx: CoreContext, task: { kind: FollowUpKind; customerId: number; ref: FollowUpRef; dueOn: string }): number {
  const row = ctx.store
    .stmt(
      `INSERT INTO follow_up (kind, customer_id, ref_type, ref_id, due_on, status) VALUES (?, ?, ?, ?, ?, 'open') RETURNING id`,
    )
    .get(task.kind, task.customerId, task.ref.type, task.ref.id, task.dueOn) as { id: number };
  return row.id;
}

/** Moves the open tasks of one kind about `ref` to a new due day (a trial's dates recomputed at install). */
export function rescheduleFollowUps(ctx: CoreContext, ref: FollowUpRef, kind: FollowUpKind, dueOn: string): number {
  return ctx.store
    .stmt(`UPDATE follow_up SET due_on = ? WHERE ref_type = ? AND ref_id = ? AND kind = ? AND status = 'open'`)
    .run(dueOn, ref.type, ref.id, kind).changes;
}

/**
 * Closes the open tasks of the given kinds about `ref`: `done` with what settled them, or
 * `cancelled` when they no longer apply (the calls of a trial the customer cancelled).
 */
export function closeFollowUps(
  ctx: CoreContext,
  ref: FollowUpRef,
  kinds: readonly FollowUpKind[],
  close: { status: 'done' | 'cancelled'; outcome: string; staffNo: string },
): number {
  const stmt = ctx.store.stmt(
    `UPDATE follow_up SET status = ?, outcome = ?, done_by = ?, done_at = ?
     WHERE ref_type = ? AND ref_id = ? AND kind = ? AND status = 'open'`,
  );
  const at = ctx.clock.now().toISOString();
  return kinds.reduce((n, kind) => n + stmt.run(close.status, close.outcome, close.staffNo, at, ref.type, ref.id, kind).changes, 0);
}

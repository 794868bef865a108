import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { followUpMethods } from '../../../shared/enrolment/followup-contract';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { commitAction, type CoreContext } from '../context';
import { counterStaff } from '../enrolment/staff';
import type { PieceHandlers } from '../handlers';
import { followUpView, listFollowUps, requireFollowUp } from './views';

export function followUpHandlers(ctx: CoreContext): PieceHandlers<typeof followUpMethods> {
  return {
    'followup.list': (filter) => {
      const today = shanghaiDate(ctx.clock.now());
      return { today, followUps: listFollowUps(ctx, filter).map((row) => followUpView(ctx, row, today)) };
    },
    /**
     * A task closed by hand: the call made, the credit seen on the account. Follow-ups are
     * the counter's own work list, so the action is audited but HQ is not told.
     */
    'followup.complete': ({ id, outcome }, call) => {
      const staff = counterStaff(call);
      const row = requireFollowUp(ctx, id);
      if (row.status !== 'open') throw new DomainError('CONFLICT', `这条待办已${row.status === 'done' ? '完成' : '取消'}`, { id, status: row.status });
      return commitAction(ctx, staff.actor, () => {
        ctx.store
          .stmt(`UPDATE follow_up SET status = 'done', outcome = ?, done_by = ?, done_at = ? WHERE id = ?`)
          .run(outcome, staff.staffNo, ctx.clock.now().toISOString(), id);
        // The referrer's reward seen on the account: the credit itself is settled too.
        if (row.kind === 'referral_credit_due') {
          ctx.store.stmt(`UPDATE referral_credit SET status = 'credited' WHERE id = ? AND status = 'due'`).run(Number(row.ref_id));
        }
        return {
          result: { followUp: followUpView(ctx, requireFollowUp(ctx, id), shanghaiDate(ctx.clock.now())) },
          audit: {
            action: 'followup.complete',
            subject: `follow_up:${id}`,
            details: { kind: row.kind, customerId: row.customer_id, phone: maskPhone(row.phone), ref: { type: row.ref_type, id: row.ref_id }, outcome },
          },
        };
      });
    },
  };
}

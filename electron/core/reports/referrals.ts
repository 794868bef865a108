import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import type { ReferralCreditLine } from '../../../shared/reports/lists';
import type { CoreContext } from '../context';

interface CreditRow {
  id: number;
  status: 'due' | 'credited' | 'cancelled';
  enrolment_no: string;
  enrolled_on: string;
  staff_no: string;
  referrer_id: number;
  referrer_name: string;
  referrer_phone: string;
  referee_id: number;
  referee_name: string;
  referee_phone: string;
  referrer_fen: number;
  referrer_due_by: string;
  referee_fen: number;
  referee_bill_month: string;
}

interface TaskRow {
  id: number;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  done_by: string | null;
  done_at: string | null;
}

const CREDITS_SQL = `
  SELECT rc.id, rc.status, e.enrolment_no, e.enrolled_on, e.staff_no,
         rr.id AS referrer_id, rr.name AS referrer_name, rr.phone AS referrer_phone,
         ee.id AS referee_id, ee.name AS referee_name, ee.phone AS referee_phone,
         rc.referrer_fen, rc.referrer_due_by, rc.referee_fen, rc.referee_bill_month
  FROM referral_credit rc
  JOIN enrolment e ON e.id = rc.enrolment_id
  JOIN customer rr ON rr.id = rc.referrer_customer_id
  JOIN customer ee ON ee.id = e.customer_id
  WHERE (@status = 'all' OR rc.status = @status)
  ORDER BY rc.status <> 'due', rc.referrer_due_by, rc.id
  LIMIT @limit`;

// The open task if there is one (the one to close), else the latest (its outcome is the record).
// Every status is named so the lookup walks follow_up_due (status, kind) instead of the whole table.
const TASK_SQL = `
  SELECT id, status, outcome, done_by, done_at FROM follow_up
  WHERE status IN ('open', 'done', 'cancelled') AND kind = 'referral_credit_due' AND ref_type = 'referral_credit' AND ref_id = ?
  ORDER BY status <> 'open', id DESC LIMIT 1`;

export function referralCredits(
  ctx: CoreContext,
  today: string,
  filter: { status: 'due' | 'credited' | 'cancelled' | 'all'; limit: number },
): ReferralCreditLine[] {
  const rows = ctx.store.stmt(CREDITS_SQL).all(filter) as CreditRow[];
  return rows.map((r) => {
    const task = ctx.store.stmt(TASK_SQL).get(String(r.id)) as TaskRow | undefined;
    return {
      creditId: r.id,
      status: r.status,
      enrolmentNo: r.enrolment_no,
      enrolledOn: r.enrolled_on,
      referrer: { customerId: r.referrer_id, nameMasked: maskName(r.referrer_name), phoneMasked: maskPhone(r.referrer_phone) },
      referee: { customerId: r.referee_id, nameMasked: maskName(r.referee_name), phoneMasked: maskPhone(r.referee_phone) },
      referrerFen: r.referrer_fen,
      referrerDueBy: r.referrer_due_by,
      overdue: r.status === 'due' && r.referrer_due_by < today,
      refereeFen: r.referee_fen,
      refereeBillMonth: r.referee_bill_month,
      followUp: task ? { id: task.id, status: task.status, outcome: task.outcome, doneBy: task.done_by, doneAt: task.done_at } : null,
      staffNo: r.staff_no,
    };
  });
}

/** Credits still owed to referrers, and how much. */
export function referralTotals(ctx: CoreContext): { due: number; dueFen: number } {
  return ctx.store
    .stmt(`SELECT COUNT(*) AS due, COALESCE(SUM(referrer_fen), 0) AS dueFen FROM referral_credit WHERE status = 'due'`)
    .get() as { due: number; dueFen: number };
}

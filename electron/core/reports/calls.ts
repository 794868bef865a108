import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import type { TrialStatus } from '../../../shared/enrolment/views';
import type { TrialCall, TrialCallKind } from '../../../shared/reports/lists';
import type { CoreContext } from '../context';
import { INSTALL_CONFIRMED_SQL } from './stock';

interface CallRow {
  id: number;
  kind: TrialCallKind;
  due_on: string;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  done_by: string | null;
  done_at: string | null;
  customer_id: number;
  name: string;
  phone: string;
  enrolment_no: string;
  enrolled_on: string;
  staff_no: string;
  broadband_plan: string | null;
  package: string;
  trial_status: TrialStatus;
  completion_on: string | null;
  free_until: string | null;
  conversion_on: string | null;
  monthly_fee_fen: number;
  installed: 0 | 1;
}

// The statuses are listed (one repeated, or all three) so the search walks follow_up_due (status, kind).
const CALLS_SQL = `
  SELECT f.id, f.kind, f.due_on, f.status, f.outcome, f.done_by, f.done_at, c.id AS customer_id, c.name, c.phone,
         e.enrolment_no, e.enrolled_on, e.staff_no, json_extract(e.snapshot, '$.broadband.planCode') AS broadband_plan,
         t.package, t.status AS trial_status, t.completion_on, t.free_until, t.conversion_on, t.monthly_fee_fen,
         (${INSTALL_CONFIRMED_SQL}) AS installed
  FROM follow_up f
  JOIN trial t ON f.ref_type = 'trial' AND t.id = CAST(f.ref_id AS INTEGER)
  JOIN enrolment e ON e.id = t.enrolment_id
  JOIN customer c ON c.id = f.customer_id
  WHERE f.status IN (@s1, @s2, @s3) AND f.kind = @kind AND (@dueTo IS NULL OR f.due_on <= @dueTo)
  ORDER BY f.status <> 'open', f.due_on, f.id
  LIMIT @limit`;

function statusParams(status: 'open' | 'done' | 'cancelled' | 'all'): { s1: string; s2: string; s3: string } {
  return status === 'all' ? { s1: 'open', s2: 'done', s3: 'cancelled' } : { s1: status, s2: status, s3: status };
}

/**
 * The month-1 or month-3 call list. Soonest due first, so the overdue calls lead; the
 * counter has no viewing hours from HQ to put silent users first (seed 002), so the
 * usage found on the call is what the clerk records as its outcome.
 */
export function trialCalls(
  ctx: CoreContext,
  today: string,
  filter: { kind: TrialCallKind; status: 'open' | 'done' | 'cancelled' | 'all'; dueTo?: string | undefined; limit: number },
): TrialCall[] {
  const rows = ctx.store
    .stmt(CALLS_SQL)
    .all({ kind: filter.kind, ...statusParams(filter.status), dueTo: filter.dueTo ?? null, limit: filter.limit }) as CallRow[];
  return rows.map((r) => {
    const installed = r.installed === 1;
    return {
      followUpId: r.id,
      kind: r.kind,
      dueOn: r.due_on,
      overdue: r.status === 'open' && r.due_on < today,
      status: r.status,
      outcome: r.outcome,
      doneBy: r.done_by,
      doneAt: r.done_at,
      customer: { customerId: r.customer_id, nameMasked: maskName(r.name), phoneMasked: maskPhone(r.phone) },
      enrolmentNo: r.enrolment_no,
      packageName: r.package,
      broadbandPlan: r.broadband_plan,
      trialStatus: r.trial_status,
      enrolledOn: r.enrolled_on,
      completionOn: installed ? r.completion_on : null,
      freeUntil: installed ? r.free_until : null,
      conversionOn: installed ? r.conversion_on : null,
      monthlyFeeFen: r.monthly_fee_fen,
      staffNo: r.staff_no,
    };
  });
}

import { addDays, daysBetween } from '../../../shared/calendar/dates';
import { trialFeeWaiver } from '../../../shared/campaigns/benefits/trial';
import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import type { RecoveryListLine } from '../../../shared/reports/lists';
import type { CoreContext } from '../context';

interface OrderRow {
  id: number;
  status: 'open' | 'done';
  opened_on: string;
  due_on: string;
  closed_on: string | null;
  return_serial: string | null;
  customer_id: number;
  name: string;
  phone: string;
  enrolment_no: string | null;
  free_until: string | null;
  cancel_requested_on: string | null;
  follow_up_id: number | null;
}

// Every follow-up status is named so the task lookup walks follow_up_due (status, kind).
const ORDERS_SQL = `
  SELECT r.id, r.status, r.opened_on, r.due_on, r.closed_on, r.return_serial, c.id AS customer_id, c.name, c.phone,
         e.enrolment_no, t.free_until, t.cancel_requested_on,
         (SELECT f.id FROM follow_up f
          WHERE f.status IN ('open', 'done', 'cancelled') AND f.kind = 'equipment_recovery'
            AND f.ref_type = 'recovery_order' AND f.ref_id = CAST(r.id AS TEXT)
          ORDER BY f.id DESC LIMIT 1) AS follow_up_id
  FROM recovery_order r
  JOIN customer c ON c.id = r.customer_id
  LEFT JOIN trial t ON t.id = r.trial_id
  LEFT JOIN enrolment e ON e.id = t.enrolment_id
  WHERE (@status = 'all' OR r.status = @status)
  ORDER BY r.status <> 'open', r.due_on, r.id
  LIMIT @limit`;

const UNITS_SQL = `
  SELECT l.sku, i.name, l.serial, l.status FROM equipment_loan l JOIN stock_item i ON i.sku = l.sku
  WHERE l.recovery_order_id = ? ORDER BY l.id`;

/** The month waived should the units come back after the last free day: none when the cancellation came after it. */
function waiverMonthIfLate(r: OrderRow): string | null {
  if (r.free_until === null || r.cancel_requested_on === null) return null;
  return trialFeeWaiver({ freeUntil: r.free_until }, { requestedOn: r.cancel_requested_on, effectiveOn: addDays(r.free_until, 1) }).waivedMonth;
}

export function recoveryList(ctx: CoreContext, today: string, filter: { status: 'open' | 'done' | 'all'; limit: number }): RecoveryListLine[] {
  const rows = ctx.store.stmt(ORDERS_SQL).all({ status: filter.status, limit: filter.limit }) as OrderRow[];
  return rows.map((r) => {
    const overdue = r.status === 'open' && r.due_on < today;
    return {
      orderId: r.id,
      status: r.status,
      enrolmentNo: r.enrolment_no,
      customer: { customerId: r.customer_id, nameMasked: maskName(r.name), phoneMasked: maskPhone(r.phone) },
      openedOn: r.opened_on,
      dueOn: r.due_on,
      closedOn: r.closed_on,
      overdue,
      daysOverdue: overdue ? daysBetween(r.due_on, today) : 0,
      freeUntil: r.free_until,
      waiverMonthIfLate: waiverMonthIfLate(r),
      units: ctx.store.stmt(UNITS_SQL).all(r.id) as RecoveryListLine['units'],
      returnSerial: r.return_serial,
      followUpId: r.follow_up_id,
    };
  });
}

/** Open orders and how many of them are late, whatever the filter shows. */
export function recoveryCounts(ctx: CoreContext, today: string): { open: number; overdue: number } {
  return ctx.store
    .stmt(`SELECT COUNT(*) AS open, COUNT(*) FILTER (WHERE due_on < ?) AS overdue FROM recovery_order WHERE status = 'open'`)
    .get(today) as { open: number; overdue: number };
}

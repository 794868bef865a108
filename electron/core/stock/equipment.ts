import { daysBetween } from '../../../shared/calendar/dates';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { StockReason } from '../../../shared/stock/movements';
import type { SerialState } from '../../../shared/stock/schemas';
import type { EquipmentUnitView } from '../../../shared/stock/views-contract';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';

interface UnitRow {
  sku: string;
  item_name: string;
  serial: string;
  state: SerialState;
  moved_at: string | null;
  move_reason: StockReason | null;
  move_ref_type: string | null;
  move_ref_id: string | null;
  loan_id: number | null;
  lent_on: string | null;
  loan_status: 'lent' | 'recovery_open' | null;
  enrolment_no: string | null;
  order_id: number | null;
  opened_on: string | null;
  due_on: string | null;
  customer_id: number | null;
  phone: string | null;
  customer_name: string | null;
}

// The unit's open loan (at most one: equipment_loan_one_out), its enrolment and that loan's
// open recovery order; the holder is the loan's customer, or serial_unit's for units issued
// outright. The unit's last ledger row is the movement that put it where it is (a move
// between buckets writes two rows of one movement; either names it).
const UNITS_SQL = `
  SELECT u.sku, i.name AS item_name, u.serial, u.state,
         m.at AS moved_at, m.reason AS move_reason, m.ref_type AS move_ref_type, m.ref_id AS move_ref_id,
         l.id AS loan_id, l.lent_on, l.status AS loan_status, e.enrolment_no,
         r.id AS order_id, r.opened_on, r.due_on,
         c.id AS customer_id, c.phone, c.name AS customer_name
  FROM serial_unit u
  JOIN stock_item i ON i.sku = u.sku
  LEFT JOIN stock_movement m ON m.id = (SELECT MAX(id) FROM stock_movement WHERE sku = u.sku AND serial = u.serial)
  LEFT JOIN equipment_loan l ON l.sku = u.sku AND l.serial = u.serial AND l.status IN ('lent', 'recovery_open')
  LEFT JOIN enrolment e ON e.id = l.enrolment_id
  LEFT JOIN recovery_order r ON r.id = l.recovery_order_id AND r.status = 'open'
  LEFT JOIN customer c ON c.id = COALESCE(l.customer_id, u.customer_id)
  WHERE (@sku IS NULL OR u.sku = @sku)
  ORDER BY r.due_on IS NULL, r.due_on, u.sku, u.serial`;

export interface EquipmentUnits {
  today: string;
  units: EquipmentUnitView[];
  summary: { held: number; recoveryOpen: number; overdue: number };
}

function sinceOf(r: UnitRow): EquipmentUnitView['since'] {
  if (r.moved_at === null || r.move_reason === null) return null;
  const ref = r.move_ref_type !== null && r.move_ref_id !== null ? { type: r.move_ref_type, id: r.move_ref_id } : null;
  return { on: shanghaiDate(new Date(r.moved_at)), at: r.moved_at, reason: r.move_reason, ref };
}

function loanOf(r: UnitRow): EquipmentUnitView['loan'] {
  if (r.loan_id === null || r.lent_on === null || r.loan_status === null || r.enrolment_no === null) return null;
  return { loanId: r.loan_id, lentOn: r.lent_on, status: r.loan_status, enrolmentNo: r.enrolment_no };
}

/** Lent and issued equipment by serial, recoveries due soonest first; overdue means due before today in Shanghai. */
export function equipmentUnits(ctx: CoreContext, sku: string | undefined, show: 'held' | 'overdue' | 'all'): EquipmentUnits {
  const today = shanghaiDate(ctx.clock.now());
  const rows = ctx.store.stmt(UNITS_SQL).all({ sku: sku ?? null }) as UnitRow[];
  const all = rows.map((r): EquipmentUnitView => {
    const overdue = r.due_on !== null && r.due_on < today;
    return {
      sku: r.sku,
      itemName: r.item_name,
      serial: r.serial,
      state: r.state,
      holder:
        r.customer_id !== null
          ? { customerId: r.customer_id, phoneMasked: maskPhone(r.phone ?? ''), name: r.customer_name ?? '' }
          : null,
      since: sinceOf(r),
      loan: loanOf(r),
      recovery:
        r.order_id !== null && r.opened_on !== null && r.due_on !== null
          ? {
              orderId: r.order_id,
              openedOn: r.opened_on,
              dueOn: r.due_on,
              overdue,
              daysOverdue: overdue ? daysBetween(r.due_on, today) : 0,
            }
          : null,
    };
  });
  const held = all.filter((u) => u.holder !== null);
  const overdue = held.filter((u) => u.recovery?.overdue === true);
  return {
    today,
    units: show === 'all' ? all : show === 'overdue' ? overdue : held,
    summary: { held: held.length, recoveryOpen: held.filter((u) => u.recovery !== null).length, overdue: overdue.length },
  };
}

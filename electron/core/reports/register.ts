import { maskPhone } from '../../../shared/customers/snapshot';
import type { TrialStatus } from '../../../shared/enrolment/views';
import { lastWeek, weekOf } from '../../../shared/reports/period';
import type { TrialRegister, TrialRegisterRow } from '../../../shared/reports/register';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { requireDevice } from '../slips/slips';
import { ORDINARY_MODEM_SKU } from '../trials/install';
import { loansOf, trialStatusLabels } from '../trials/records';
import { INSTALL_CONFIRMED_SQL } from './stock';

interface RegisterRow {
  enrolment_id: number;
  enrolment_no: string;
  enrolled_on: string;
  staff_no: string;
  staff_name: string | null;
  name: string;
  phone: string;
  broadband_plan: string | null;
  package: string;
  status: TrialStatus;
  install_by: string;
  completion_on: string | null;
  free_until: string | null;
  conversion_on: string | null;
  monthly_fee_fen: number;
  term_months: number;
  cancel_requested_on: string | null;
  fee_waiver_month: string | null;
  installed: 0 | 1;
}

// The broadband plan is read from the snapshot the enrolment was evaluated on: what the line was when it joined.
const REGISTER_SQL = `
  SELECT * FROM (
    SELECT t.enrolment_id, e.enrolment_no, e.enrolled_on, e.staff_no, s.name AS staff_name, c.name, c.phone,
           json_extract(e.snapshot, '$.broadband.planCode') AS broadband_plan,
           t.package, t.status, t.install_by, t.completion_on, t.free_until, t.conversion_on, t.monthly_fee_fen, t.term_months,
           t.cancel_requested_on, t.fee_waiver_month,
           (${INSTALL_CONFIRMED_SQL}) AS installed
    FROM trial t
    JOIN enrolment e ON e.id = t.enrolment_id
    JOIN customer c ON c.id = t.customer_id
    LEFT JOIN staff s ON s.staff_no = e.staff_no
  )
  WHERE enrolled_on BETWEEN @from AND @to OR (installed = 1 AND completion_on BETWEEN @from AND @to)
  ORDER BY enrolled_on, enrolment_no`;

function oldModemOf(ctx: CoreContext, enrolmentNo: string): string | null {
  const row = ctx.store
    .stmt(`SELECT serial FROM stock_movement WHERE ref_type = 'trial' AND ref_id = ? AND reason = 'received' AND sku = ? ORDER BY id LIMIT 1`)
    .get(enrolmentNo, ORDINARY_MODEM_SKU) as { serial: string | null } | undefined;
  return row?.serial ?? null;
}

function registerRow(ctx: CoreContext, r: RegisterRow, week: { from: string; to: string }): TrialRegisterRow {
  const installed = r.installed === 1;
  return {
    enrolmentNo: r.enrolment_no,
    customerName: r.name,
    phoneMasked: maskPhone(r.phone),
    broadbandPlan: r.broadband_plan,
    packageName: r.package,
    enrolledOn: r.enrolled_on,
    installBy: r.install_by,
    completionOn: installed ? r.completion_on : null,
    freeUntil: installed ? r.free_until : null,
    conversionOn: installed ? r.conversion_on : null,
    monthlyFeeFen: r.monthly_fee_fen,
    termMonths: r.term_months,
    equipment: loansOf(ctx, r.enrolment_id).map((l) => ({ sku: l.sku, name: l.name, serial: l.serial, status: l.status })),
    oldModemSerial: oldModemOf(ctx, r.enrolment_no),
    status: r.status,
    statusLabel: trialStatusLabels[r.status],
    cancelRequestedOn: r.cancel_requested_on,
    feeWaiverMonth: r.fee_waiver_month,
    staffNo: r.staff_no,
    staffName: r.staff_name,
    enrolledThisWeek: r.enrolled_on >= week.from && r.enrolled_on <= week.to,
    installedThisWeek: installed && r.completion_on !== null && r.completion_on >= week.from && r.completion_on <= week.to,
  };
}

/** The trials enrolled, or installed, in one Monday–Sunday week; last week unless told which. */
export function trialRegister(ctx: CoreContext, weekOfDate: string | undefined): TrialRegister {
  return ctx.store.tx(() => {
    const today = shanghaiDate(ctx.clock.now());
    const week = weekOfDate === undefined ? lastWeek(today) : weekOf(weekOfDate);
    const device = requireDevice(ctx);
    const rows = ctx.store.stmt(REGISTER_SQL).all({ from: week.from, to: week.to }) as RegisterRow[];
    return {
      hall: { code: device.hallCode, name: device.hallName },
      weekStart: week.from,
      weekEnd: week.to,
      today,
      rows: rows.map((r) => registerRow(ctx, r, week)),
    };
  });
}

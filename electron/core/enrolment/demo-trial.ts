import { frozenClock } from '../clock';
import type { CoreContext } from '../context';
import { findStaff, staffActor } from '../staff/accounts';
import { readDevice } from '../system/device';
import { cancelTrial } from '../trials/cancel';
import { confirmInstall } from '../trials/install';
import { enrolCustomer } from './enrol';
import type { CounterStaff } from './staff';

/**
 * The demo hall's one lent-equipment story (docs/demo.md), told a month before the demo day
 * 2026-11-21 through the counter's own services, each at its own moment, so the enrolment,
 * the loans, the stock movements, the follow-ups, the slips, the outbox events and the audit
 * entries agree exactly as if the clerks had done it: 曹颖 joins the iTV trial on 10-21 with
 * the last set-top box and e8-b modem on the shelf, the installer finishes on 10-23, she
 * cancels on 11-12, and the recovery due on 11-19 is overdue on the demo day.
 */
const TRIAL_CUSTOMER_PHONE = '18785203030';
/**
 * The counter where it happened. The hall's other demo counter does not tell it again: with
 * the demo HQ, the first counter's events reach HQ and the loan reaches the others as
 * stock from HQ; told twice, HQ would see the same set-top box lent twice.
 */
const TRIAL_COUNTER = '01';
const STEPS = {
  enrol: { at: '2026-10-21T10:15:00+08:00', staffNo: '1002' },
  install: { at: '2026-10-23T17:40:00+08:00', staffNo: '1002', completionOn: '2026-10-23' },
  cancel: { at: '2026-11-12T11:05:00+08:00', staffNo: '1001', note: '客户表示很少看电视，不再续用' },
} as const;
const LENT = { 'STB-ITV': ['STB2026000108'], 'MODEM-E8B': ['E8B2026000208'] };

/** The core as it was at one moment: the same database, the clock stopped then. */
function at(ctx: CoreContext, iso: string): CoreContext {
  return { ...ctx, clock: frozenClock(iso) };
}

function demoStaff(ctx: CoreContext, staffNo: string): CounterStaff {
  const row = findStaff(ctx, staffNo);
  if (!row) throw new Error(`demo trial: no staff ${staffNo} in resources/demo/hall.json`);
  return { actor: staffActor(row), staffNo: row.staff_no, name: row.name };
}

/** Runs inside the demo seed's transaction, after staff, stock, campaigns and customers. */
export function seedDemoLentTrial(ctx: CoreContext, customerIds: ReadonlyMap<string, number>): void {
  if (readDevice(ctx)?.counterCode !== TRIAL_COUNTER) return;
  const customerId = customerIds.get(TRIAL_CUSTOMER_PHONE);
  if (customerId === undefined) throw new Error(`demo trial: customer ${TRIAL_CUSTOMER_PHONE} is not in resources/demo/customers.json`);
  const { enrolmentNo } = enrolCustomer(at(ctx, STEPS.enrol.at), demoStaff(ctx, STEPS.enrol.staffNo), {
    customerId,
    campaignId: 'ZY2026-ITV-TRIAL',
    options: { equipmentSerials: LENT },
  });
  confirmInstall(at(ctx, STEPS.install.at), demoStaff(ctx, STEPS.install.staffNo), {
    enrolmentNo,
    completionOn: STEPS.install.completionOn,
  });
  cancelTrial(at(ctx, STEPS.cancel.at), demoStaff(ctx, STEPS.cancel.staffNo), { enrolmentNo, note: STEPS.cancel.note });
}

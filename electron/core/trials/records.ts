import { z } from 'zod';
import type { TrialSpec } from '../../../shared/campaigns/benefit-schema';
import { Benefit, type TrialBenefit } from '../../../shared/campaigns/result';
import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { RecoveryOrderView, TrialStatus, TrialView } from '../../../shared/enrolment/views';
import { parseEventPayload } from '../../../shared/sync/events';
import type { CoreContext } from '../context';
import { campaignVersion } from '../enrolment/reference';
import type { OutboxEventInput } from '../outbox/outbox';

export interface TrialRow {
  id: number;
  enrolment_id: number;
  customer_id: number;
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
  updated_at: string;
  enrolment_no: string;
  enrolled_on: string;
  campaign_id: string;
  campaign_version: number;
  phone: string;
  name: string;
}

export interface RecoveryOrderRow {
  id: number;
  trial_id: number | null;
  customer_id: number;
  status: 'open' | 'done';
  opened_on: string;
  due_on: string;
  closed_on: string | null;
  return_sku: string | null;
  return_serial: string | null;
}

export interface LoanRow {
  id: number;
  sku: string;
  name: string;
  serial: string;
  lent_on: string;
  status: 'lent' | 'recovery_open' | 'recovered' | 'kept';
  recovery_order_id: number | null;
  recovered_on: string | null;
}

const TRIAL_SQL = `
  SELECT t.*, e.enrolment_no, e.enrolled_on, e.campaign_id, e.campaign_version, c.phone, c.name
  FROM trial t JOIN enrolment e ON e.id = t.enrolment_id JOIN customer c ON c.id = t.customer_id`;

export function trialByEnrolmentNo(ctx: CoreContext, enrolmentNo: string): TrialRow {
  const row = ctx.store.stmt(`${TRIAL_SQL} WHERE e.enrolment_no = ?`).get(enrolmentNo) as TrialRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这笔体验受理：${enrolmentNo}`, { enrolmentNo });
  return row;
}

export function trialById(ctx: CoreContext, trialId: number): TrialRow {
  const row = ctx.store.stmt(`${TRIAL_SQL} WHERE t.id = ?`).get(trialId) as TrialRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这笔体验：${trialId}`, { trialId });
  return row;
}

export function trialOfEnrolment(ctx: CoreContext, enrolmentId: number): TrialRow | undefined {
  return ctx.store.stmt(`${TRIAL_SQL} WHERE t.enrolment_id = ?`).get(enrolmentId) as TrialRow | undefined;
}

/** The trial register: soonest free-period end first, those not yet installed by their install day. */
export function listTrials(ctx: CoreContext, status: TrialStatus | undefined, limit: number): TrialRow[] {
  return ctx.store
    .stmt(`${TRIAL_SQL} WHERE (@status IS NULL OR t.status = @status) ORDER BY COALESCE(t.free_until, t.install_by), t.id LIMIT @limit`)
    .all({ status: status ?? null, limit }) as TrialRow[];
}

export function loansOf(ctx: CoreContext, enrolmentId: number): LoanRow[] {
  return ctx.store
    .stmt(
      `SELECT l.id, l.sku, i.name, l.serial, l.lent_on, l.status, l.recovery_order_id, l.recovered_on
       FROM equipment_loan l JOIN stock_item i ON i.sku = l.sku WHERE l.enrolment_id = ? ORDER BY l.id`,
    )
    .all(enrolmentId) as LoanRow[];
}

export function recoveryOrder(ctx: CoreContext, orderId: number): RecoveryOrderRow {
  const row = ctx.store.stmt('SELECT * FROM recovery_order WHERE id = ?').get(orderId) as RecoveryOrderRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这张回收单：${orderId}`, { orderId });
  return row;
}

function latestRecoveryOf(ctx: CoreContext, trialId: number): RecoveryOrderRow | undefined {
  return ctx.store.stmt('SELECT * FROM recovery_order WHERE trial_id = ? ORDER BY id DESC LIMIT 1').get(trialId) as RecoveryOrderRow | undefined;
}

export function recoveryView(ctx: CoreContext, order: RecoveryOrderRow): RecoveryOrderView {
  const serials = ctx.store.stmt('SELECT sku, serial FROM equipment_loan WHERE recovery_order_id = ? ORDER BY id').all(order.id) as {
    sku: string;
    serial: string;
  }[];
  return {
    orderId: order.id,
    status: order.status,
    openedOn: order.opened_on,
    dueOn: order.due_on,
    closedOn: order.closed_on,
    returnSku: order.return_sku,
    returnSerial: order.return_serial,
    serials,
  };
}

export function trialView(ctx: CoreContext, row: TrialRow): TrialView {
  const recovery = latestRecoveryOf(ctx, row.id);
  return {
    trialId: row.id,
    enrolmentNo: row.enrolment_no,
    customerId: row.customer_id,
    phoneMasked: maskPhone(row.phone),
    name: row.name,
    packageName: row.package,
    status: row.status,
    enrolledOn: row.enrolled_on,
    installBy: row.install_by,
    completionOn: row.completion_on,
    freeUntil: row.free_until,
    conversionOn: row.conversion_on,
    monthlyFeeFen: row.monthly_fee_fen,
    termMonths: row.term_months,
    cancelRequestedOn: row.cancel_requested_on,
    feeWaiverMonth: row.fee_waiver_month,
    equipment: loansOf(ctx, row.enrolment_id).map((l) => ({
      sku: l.sku,
      name: l.name,
      serial: l.serial,
      lentOn: l.lent_on,
      status: l.status,
      recoveredOn: l.recovered_on,
    })),
    recovery: recovery ? recoveryView(ctx, recovery) : null,
    updatedAt: row.updated_at,
  };
}

/** The trial's terms as the campaign version it was enrolled under stated them. */
export function trialTerms(ctx: CoreContext, row: Pick<TrialRow, 'campaign_id' | 'campaign_version'>): TrialSpec {
  const spec = campaignVersion(ctx, row.campaign_id, row.campaign_version).benefits.find((b): b is TrialSpec => b.type === 'trial');
  if (!spec) throw new Error(`campaign ${row.campaign_id} v${row.campaign_version} has no trial benefit`);
  return spec;
}

/** What HQ hears after every change of a trial: its state as now stored. */
export function trialChangedEvent(ctx: CoreContext, trialId: number, staffNo: string): OutboxEventInput {
  const row = trialById(ctx, trialId);
  const payload = parseEventPayload('trial.changed', {
    enrolmentNo: row.enrolment_no,
    // HQ keys the line by phone number: the one place the full number travels.
    customerPhone: row.phone,
    status: row.status,
    completionOn: row.completion_on,
    freeUntil: row.free_until,
    conversionOn: row.conversion_on,
    cancelRequestedOn: row.cancel_requested_on,
    feeWaiverMonth: row.fee_waiver_month,
    staffNo,
  });
  return { type: 'trial.changed', payload };
}

export function setTrialState(
  ctx: CoreContext,
  trialId: number,
  fields: Partial<Pick<TrialRow, 'status' | 'completion_on' | 'free_until' | 'conversion_on' | 'cancel_requested_on' | 'fee_waiver_month'>>,
): void {
  const row = trialById(ctx, trialId);
  const next = { ...row, ...fields };
  ctx.store
    .stmt(
      `UPDATE trial SET status = @status, completion_on = @completion_on, free_until = @free_until, conversion_on = @conversion_on,
         cancel_requested_on = @cancel_requested_on, fee_waiver_month = @fee_waiver_month, updated_at = @updated_at
       WHERE id = @id`,
    )
    .run({
      id: trialId,
      status: next.status,
      completion_on: next.completion_on,
      free_until: next.free_until,
      conversion_on: next.conversion_on,
      cancel_requested_on: next.cancel_requested_on,
      fee_waiver_month: next.fee_waiver_month,
      updated_at: ctx.clock.now().toISOString(),
    });
}

/** The trial as the engine computed it at enrolment (planned dates, lent serials, the old modem). */
export function trialBenefitOf(ctx: CoreContext, enrolmentId: number): TrialBenefit {
  const row = ctx.store.stmt('SELECT benefits FROM enrolment WHERE id = ?').get(enrolmentId) as { benefits: string } | undefined;
  const trial = z
    .array(Benefit)
    .parse(JSON.parse(row?.benefits ?? '[]'))
    .find((b): b is TrialBenefit => b.type === 'trial');
  if (!trial) throw new Error(`enrolment ${enrolmentId} has no trial benefit`);
  return trial;
}

export const trialStatusLabels: Record<TrialStatus, string> = {
  awaiting_install: '待安装',
  active: '体验中',
  cancel_requested: '已申请注销',
  converted: '已转正式',
  cancelled: '已注销',
};

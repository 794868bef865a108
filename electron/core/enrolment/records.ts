import { z } from 'zod';
import { EnrolmentOptions } from '../../../shared/campaigns/options';
import { Benefit } from '../../../shared/campaigns/result';
import { CampaignKind } from '../../../shared/campaigns/schema';
import { DomainError } from '../../../shared/contract/errors';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { EnrolmentView } from '../../../shared/enrolment/views';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { requireDevice } from '../slips/slips';
import { trialOfEnrolment, trialView } from '../trials/records';
import { benefitView, optionsView } from './evaluation';

export interface EnrolmentRow {
  id: number;
  enrolment_no: string;
  customer_id: number;
  campaign_id: string;
  campaign_version: number;
  enrolled_on: string;
  options: string;
  snapshot: string;
  benefits: string;
  status: 'active' | 'cancelled';
  slip_no: string;
  staff_no: string;
  created_at: string;
}

/** hall–counter–ENdate–sequence: unique across the region without asking HQ, like slip numbers. */
export function nextEnrolmentNo(ctx: CoreContext): string {
  const device = requireDevice(ctx);
  const prefix = `${device.hallCode}-${device.counterCode}-EN${shanghaiDate(ctx.clock.now()).replaceAll('-', '')}-`;
  const row = ctx.store
    .stmt('SELECT COUNT(*) AS n FROM enrolment WHERE substr(enrolment_no, 1, ?) = ?')
    .get(prefix.length, prefix) as { n: number };
  return `${prefix}${String(row.n + 1).padStart(4, '0')}`;
}

export function insertEnrolment(
  ctx: CoreContext,
  e: {
    enrolmentNo: string;
    customerId: number;
    campaignId: string;
    campaignVersion: number;
    enrolledOn: string;
    options: EnrolmentOptions;
    snapshot: unknown;
    benefits: readonly Benefit[];
    slipNo: string;
    staffNo: string;
  },
): number {
  const row = ctx.store
    .stmt(
      `INSERT INTO enrolment (enrolment_no, customer_id, campaign_id, campaign_version, enrolled_on, options, snapshot, benefits,
                              status, slip_no, staff_no, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) RETURNING id`,
    )
    .get(
      e.enrolmentNo,
      e.customerId,
      e.campaignId,
      e.campaignVersion,
      e.enrolledOn,
      JSON.stringify(e.options),
      JSON.stringify(e.snapshot),
      JSON.stringify(e.benefits),
      e.slipNo,
      e.staffNo,
      ctx.clock.now().toISOString(),
    ) as { id: number };
  return row.id;
}

export function requireEnrolment(ctx: CoreContext, enrolmentNo: string): EnrolmentRow {
  const row = ctx.store.stmt('SELECT * FROM enrolment WHERE enrolment_no = ?').get(enrolmentNo) as EnrolmentRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这笔受理：${enrolmentNo}`, { enrolmentNo });
  return row;
}

export function enrolmentsOf(ctx: CoreContext, customerId: number, limit: number): EnrolmentRow[] {
  return ctx.store.stmt('SELECT * FROM enrolment WHERE customer_id = ? ORDER BY id DESC LIMIT ?').all(customerId, limit) as EnrolmentRow[];
}

const CampaignHead = z.object({ name: z.string(), nameEn: z.string().nullable(), kind: CampaignKind });

export function enrolmentView(ctx: CoreContext, row: EnrolmentRow): EnrolmentView {
  const campaign = CampaignHead.parse(
    ctx.store
      .stmt(`SELECT name, json_extract(definition, '$.nameEn') AS nameEn, kind FROM campaign WHERE id = ? AND version = ?`).get(row.campaign_id, row.campaign_version),
  );
  const phone = (ctx.store.stmt('SELECT phone FROM customer WHERE id = ?').get(row.customer_id) as { phone: string }).phone;
  const trial = trialOfEnrolment(ctx, row.id);
  return {
    enrolmentNo: row.enrolment_no,
    customerId: row.customer_id,
    phoneMasked: maskPhone(phone),
    campaignId: row.campaign_id,
    campaignVersion: row.campaign_version,
    campaignName: campaign.name,
    campaignNameEn: campaign.nameEn,
    kind: campaign.kind,
    enrolledOn: row.enrolled_on,
    status: row.status,
    options: optionsView(EnrolmentOptions.parse(JSON.parse(row.options))),
    benefits: z.array(Benefit).parse(JSON.parse(row.benefits)).map(benefitView),
    slipNo: row.slip_no,
    staffNo: row.staff_no,
    createdAt: row.created_at,
    trial: trial ? trialView(ctx, trial) : null,
  };
}

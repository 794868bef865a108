import { findPlan } from '../../../shared/campaigns/plans';
import type { EnrolmentOptions } from '../../../shared/campaigns/options';
import type { Benefit, CampaignEvaluation } from '../../../shared/campaigns/result';
import type { Campaign } from '../../../shared/campaigns/schema';
import { DomainError } from '../../../shared/contract/errors';
import { notEligible } from '../../../shared/contract/refusals';
import { maskPhone } from '../../../shared/customers/snapshot';
import { toRefusalReason } from '../../../shared/enrolment/refusals';
import type { EnrolmentView } from '../../../shared/enrolment/views';
import type { SlipData } from '../../../shared/slips/slip';
import { parseEventPayload } from '../../../shared/sync/events';
import { commitAction, type CoreContext } from '../context';
import { getCustomer, touchServed, upsertSnapshot, type CustomerRecord } from '../customers/repository';
import { pointsAvailability } from '../points/balance';
import { nextSlipNo, recordSlip, slipHeader } from '../slips/slips';
import { writeBenefits } from './benefit-writes';
import { evaluateFor, evaluationSetting, optionsView, type EvaluationSetting } from './evaluation';
import { enrolmentView, insertEnrolment, nextEnrolmentNo, requireEnrolment } from './records';
import { requireCurrentCampaign } from './reference';
import { enrolmentSlipData } from './slip';
import type { CounterStaff } from './staff';

export interface EnrolInput {
  customerId: number;
  campaignId: string;
  campaignVersion?: number | undefined;
  options: EnrolmentOptions;
}

export interface EnrolResult {
  enrolment: EnrolmentView;
  enrolmentNo: string;
  slipNo: string;
  slip: SlipData;
}

/** NOT_ELIGIBLE with every reason: the clerk sees all that stands in the way at once. */
function refusedEnrolment(campaign: Campaign, evaluation: CampaignEvaluation): DomainError {
  const first = evaluation.reasons[0]?.text ?? '';
  const more = evaluation.reasons.length > 1 ? `（共${evaluation.reasons.length}项原因）` : '';
  return notEligible(`不能办理“${campaign.name}”：${first}${more}`, evaluation.reasons.map(toRefusalReason), {
    campaignId: campaign.id,
    campaignVersion: campaign.version,
  });
}

/**
 * A walk-in who joined the network here signs the plan chosen for the campaign: their
 * counter-made snapshot carries it from now on (HQ's snapshot replaces it once it has
 * opened the line). A customer HQ knows keeps HQ's snapshot.
 */
function applyChosenPlan(ctx: CoreContext, customer: CustomerRecord, setting: EvaluationSetting, options: EnrolmentOptions): boolean {
  const plan = findPlan(setting.plans, options.chosenPlanCode);
  if (customer.snapshot.kind !== 'new' || customer.origin !== 'counter' || !plan || plan.category !== 'mobile') return false;
  if (customer.snapshot.planCode === plan.code) return false;
  upsertSnapshot(
    ctx,
    { ...customer.snapshot, planCode: plan.code, planTier: plan.tier, brand: plan.brand, snapshotAt: ctx.clock.now().toISOString() },
    'counter',
  );
  return true;
}

function auditBenefits(benefits: readonly Benefit[]): Record<string, unknown>[] {
  // Amounts, dates and serials; the referrer only masked.
  return benefits.map((b) => (b.type === 'referral_credit' ? { ...b, referrerPhone: maskPhone(b.referrerPhone) } : b));
}

/**
 * Enrols a customer: eligibility is decided again inside the transaction from a fresh
 * context, so what is written is exactly what the engine allowed at that moment; then the
 * enrolment, every benefit's rows, the slip, the outbox event and the audit entry commit
 * together. A refusal anywhere (not eligible, a serial no longer on hand) leaves no trace.
 */
export function enrolCustomer(ctx: CoreContext, staff: CounterStaff, input: EnrolInput): EnrolResult {
  return commitAction(ctx, staff.actor, () => {
    const setting = evaluationSetting(ctx);
    const customer = getCustomer(ctx, input.customerId);
    const campaign = requireCurrentCampaign(ctx, input.campaignId);
    if (input.campaignVersion !== undefined && input.campaignVersion !== campaign.version) {
      throw new DomainError('CONFLICT', `活动“${campaign.name}”已更新为第${campaign.version}版，请重新核对办理内容`, {
        campaignId: campaign.id,
        expected: input.campaignVersion,
        current: campaign.version,
      });
    }
    const evaluation = evaluateFor(ctx, setting, customer, campaign, input.options);
    if (!evaluation.eligible) throw refusedEnrolment(campaign, evaluation);

    const slipNo = nextSlipNo(ctx);
    const enrolmentNo = nextEnrolmentNo(ctx);
    const bonus = evaluation.benefits.find((b) => b.type === 'bonus_points');
    // The bonus lot is unexpired (the engine refuses expired points), so it adds in full to what can be spent.
    const before = bonus ? pointsAvailability(ctx, customer.id, setting.today).available : 0;
    const slip = enrolmentSlipData(slipHeader(ctx, staff), {
      slipNo,
      enrolmentNo,
      campaign,
      customer: customer.snapshot,
      benefits: evaluation.benefits,
      points: bonus ? { before, after: before + bonus.points } : null,
    });
    // The slip row first: the enrolment row refers to it.
    recordSlip(ctx, { data: slip, kind: 'enrolment', ref: { type: 'enrolment', id: enrolmentNo }, customerId: customer.id, staffNo: staff.staffNo });
    const enrolmentId = insertEnrolment(ctx, {
      enrolmentNo,
      customerId: customer.id,
      campaignId: campaign.id,
      campaignVersion: campaign.version,
      enrolledOn: setting.today,
      options: input.options,
      snapshot: customer.snapshot,
      benefits: evaluation.benefits,
      slipNo,
      staffNo: staff.staffNo,
    });
    const written = writeBenefits(ctx, { enrolmentId, enrolmentNo, customerId: customer.id, today: setting.today, staffNo: staff.staffNo }, evaluation.benefits);
    const planApplied = applyChosenPlan(ctx, customer, setting, input.options);
    touchServed(ctx, customer.id);

    const payload = parseEventPayload('enrolment.created', {
      enrolmentNo,
      slipNo,
      // HQ books the enrolment, the bonus lot and the referral by phone number: the one place the full number travels.
      customerPhone: customer.snapshot.phone,
      campaignId: campaign.id,
      campaignVersion: campaign.version,
      enrolledOn: setting.today,
      options: input.options,
      benefits: evaluation.benefits,
      bonusLot: written.bonusLot,
      giftSkus: written.giftSkus,
      staffNo: staff.staffNo,
    });
    return {
      result: { enrolment: enrolmentView(ctx, requireEnrolment(ctx, enrolmentNo)), enrolmentNo, slipNo, slip },
      audit: {
        action: 'enrolment.create',
        subject: `enrolment:${enrolmentNo}`,
        details: {
          customerId: customer.id,
          phone: maskPhone(customer.snapshot.phone),
          campaignId: campaign.id,
          campaignVersion: campaign.version,
          snapshotVersion: customer.snapshot.snapshotVersion,
          slipNo,
          options: optionsView(input.options),
          benefits: auditBenefits(evaluation.benefits),
          gifts: written.giftSkus,
          lent: written.lent,
          bonusLot: written.bonusLot,
          referrerCustomerId: written.referrerCustomerId,
          followUps: written.followUps,
          planApplied,
        },
      },
      event: { type: 'enrolment.created', payload },
    };
  });
}

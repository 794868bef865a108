import type { HolidayCalendar } from '../../../shared/calendar/working-days';
import { evaluateCampaign } from '../../../shared/campaigns/engine';
import type { EvaluationContext } from '../../../shared/campaigns/input';
import type { EnrolmentOptions } from '../../../shared/campaigns/options';
import { findPlan, type Plan } from '../../../shared/campaigns/plans';
import { campaignPlanChoices } from '../../../shared/campaigns/check';
import type { Benefit, CampaignEvaluation } from '../../../shared/campaigns/result';
import type { Campaign } from '../../../shared/campaigns/schema';
import { maskPhone } from '../../../shared/customers/snapshot';
import type { BenefitView, EvaluationStatus, EvaluationView, OptionsView } from '../../../shared/enrolment/views';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { findByPhone, type CustomerRecord } from '../customers/repository';
import { requireDevice } from '../slips/slips';
import { stockBalance } from '../stock/ledger';
import { loadCalendar, loadPlans } from './reference';

/** What every evaluation at this counter today shares: the day, the hall and HQ's reference data. */
export interface EvaluationSetting {
  today: string;
  hallCode: string;
  plans: Plan[];
  calendar: HolidayCalendar;
}

export function evaluationSetting(ctx: CoreContext): EvaluationSetting {
  return {
    today: shanghaiDate(ctx.clock.now()),
    hallCode: requireDevice(ctx).hallCode,
    plans: loadPlans(ctx).plans,
    calendar: loadCalendar(ctx),
  };
}

/** SKUs whose hall stock the campaign's benefits depend on: gifts, gifts to buy, lent equipment. */
function skusOf(campaign: Campaign): { stock: string[]; lent: string[] } {
  const stock = new Set<string>();
  const lent = new Set<string>();
  for (const b of campaign.benefits) {
    if (b.type === 'gift' || b.type === 'gift_purchase') stock.add(b.sku);
    if (b.type !== 'trial') continue;
    for (const l of b.lend) {
      stock.add(l.sku);
      lent.add(l.sku);
    }
  }
  return { stock: [...stock], lent: [...lent] };
}

function serialsOnHand(ctx: CoreContext, sku: string): string[] {
  // Read-only: which units of the item are on the shelf now, so a serial already lent is refused with the other reasons.
  const rows = ctx.store.stmt(`SELECT serial FROM serial_unit WHERE sku = ? AND state = 'on_hand' ORDER BY serial`).all(sku) as {
    serial: string;
  }[];
  return rows.map((r) => r.serial);
}

/**
 * The facts the engine needs, read fresh from this counter's database: the customer's
 * enrolments still in force, the campaign's count for its quota, the campaigns the
 * customer is in now (those whose window has not ended), the referrer's snapshot and the
 * hall stock of the SKUs involved (display units excluded).
 */
export function evaluationContext(
  ctx: CoreContext,
  setting: EvaluationSetting,
  customer: CustomerRecord,
  campaign: Campaign,
  options: EnrolmentOptions,
): EvaluationContext {
  const pastEnrolments = ctx.store
    .stmt(`SELECT campaign_id AS campaignId, enrolled_on AS enrolledOn FROM enrolment WHERE customer_id = ? AND status = 'active' ORDER BY id`)
    .all(customer.id) as EvaluationContext['pastEnrolments'];
  const quota = ctx.store.stmt(`SELECT COUNT(*) AS n FROM enrolment WHERE campaign_id = ? AND status = 'active'`).get(campaign.id) as { n: number };
  const active = ctx.store
    .stmt(
      `SELECT DISTINCT e.campaign_id AS id FROM enrolment e
       JOIN campaign c ON c.id = e.campaign_id AND c.version = e.campaign_version
       WHERE e.customer_id = ? AND e.status = 'active' AND c.valid_to >= ? ORDER BY e.campaign_id`,
    )
    .all(customer.id, setting.today) as { id: string }[];
  const referrer = options.referrerPhone === undefined ? null : (findByPhone(ctx, options.referrerPhone)?.snapshot ?? null);
  const skus = skusOf(campaign);
  return {
    plans: setting.plans,
    referrer,
    calendar: setting.calendar,
    pastEnrolments,
    campaignEnrolmentCount: quota.n,
    activeCampaignIds: active.map((r) => r.id),
    stockOnHand: Object.fromEntries(skus.stock.map((sku) => [sku, stockBalance(ctx, sku).onHand])),
    ...(skus.lent.length > 0 ? { serialsOnHand: Object.fromEntries(skus.lent.map((sku) => [sku, serialsOnHand(ctx, sku)])) } : {}),
  };
}

export function evaluateFor(
  ctx: CoreContext,
  setting: EvaluationSetting,
  customer: CustomerRecord,
  campaign: Campaign,
  options: EnrolmentOptions,
): CampaignEvaluation {
  return evaluateCampaign({
    campaign,
    customer: customer.snapshot,
    today: setting.today,
    hallCode: setting.hallCode,
    options,
    context: evaluationContext(ctx, setting, customer, campaign, options),
  });
}

/**
 * eligible; needs_options when only what the clerk enters stands in the way; otherwise
 * ineligible. A customer already on the highest plan the campaign offers cannot be helped
 * by choosing another, so "choose a higher plan" counts as ineligible for them.
 */
export function evaluationStatus(e: CampaignEvaluation, campaign: Campaign, setting: EvaluationSetting, customer: CustomerRecord): EvaluationStatus {
  if (e.eligible) return 'eligible';
  if (!e.reasons.every((r) => r.category === 'option')) return 'ineligible';
  if (e.reasons.some((r) => r.code === 'CHOSEN_PLAN_NOT_HIGHER')) {
    const choices = campaignPlanChoices(campaign) ?? setting.plans.filter((p) => p.category === 'mobile').map((p) => p.code);
    const top = Math.max(-1, ...choices.map((code) => findPlan(setting.plans, code)?.tier ?? -1));
    if (top <= customer.snapshot.planTier) return 'ineligible';
  }
  return 'needs_options';
}

/** A benefit as screens see it: the referrer's phone masked. */
export function benefitView(b: Benefit): BenefitView {
  if (b.type !== 'referral_credit') return b;
  const { referrerPhone, ...rest } = b;
  return { ...rest, referrerPhoneMasked: maskPhone(referrerPhone) };
}

export function optionsView(o: EnrolmentOptions): OptionsView {
  const { referrerPhone, ...rest } = o;
  return referrerPhone === undefined ? rest : { ...rest, referrerPhoneMasked: maskPhone(referrerPhone) };
}

export function evaluationView(e: CampaignEvaluation): EvaluationView {
  return { ...e, benefits: e.benefits.map(benefitView) };
}

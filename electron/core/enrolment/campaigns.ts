import { campaignPlanChoices } from '../../../shared/campaigns/check';
import { optionLabels } from '../../../shared/campaigns/options';
import { findPlan, type Plan } from '../../../shared/campaigns/plans';
import { campaignKinds, type Campaign } from '../../../shared/campaigns/schema';
import type { CampaignSummary, PlanChoice } from '../../../shared/enrolment/views';
import type { CoreContext } from '../context';
import { currentCampaigns } from './reference';

/** On offer today in this hall: the current version, inside its window (inclusive), this hall targeted. */
export function offeredToday(campaign: Campaign, today: string, hallCode: string): boolean {
  const inWindow = campaign.validFrom <= today && today <= campaign.validTo;
  return inWindow && (campaign.halls === 'all' || campaign.halls.includes(hallCode));
}

/** The campaigns the counter offers today, in the order of the ten kinds, then by id. */
export function campaignsOnOffer(ctx: CoreContext, today: string, hallCode: string): Campaign[] {
  const rank = (c: Campaign) => campaignKinds.indexOf(c.kind);
  return currentCampaigns(ctx)
    .filter((c) => offeredToday(c, today, hallCode))
    .sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function planChoice(plans: readonly Plan[], code: string): PlanChoice {
  const plan = findPlan(plans, code);
  // A designated plan missing from the catalogue is still offered by code: the engine says PLAN_UNKNOWN if it matters.
  if (!plan) return { code, name: code, monthlyFeeFen: 0, brand: null };
  return { code, name: plan.name, monthlyFeeFen: plan.monthlyFeeFen, brand: plan.category === 'mobile' ? plan.brand : null };
}

/**
 * What the counter shows of a campaign and what it must ask for: the declared options
 * with their prompts, the plans to choose from (the designated ones, or every mobile
 * plan when any will do) and the equipment to scan.
 */
export function campaignSummary(campaign: Campaign, plans: readonly Plan[]): CampaignSummary {
  const asksPlan = campaign.options.some((o) => o.option === 'chosenPlanCode');
  const designated = campaignPlanChoices(campaign);
  const codes = designated ?? plans.filter((p) => p.category === 'mobile').map((p) => p.code);
  return {
    id: campaign.id,
    version: campaign.version,
    kind: campaign.kind,
    name: campaign.name,
    nameEn: campaign.nameEn ?? null,
    description: campaign.description,
    validFrom: campaign.validFrom,
    validTo: campaign.validTo,
    halls: campaign.halls,
    options: campaign.options.map((o) => ({ option: o.option, required: o.required, label: o.label ?? optionLabels[o.option] })),
    planChoices: asksPlan ? codes.map((code) => planChoice(plans, code)) : null,
    equipment: campaign.benefits.flatMap((b) => (b.type === 'trial' ? b.lend.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity })) : [])),
    limits: campaign.limits,
    exclusiveWith: campaign.exclusiveWith,
    slipTerms: campaign.slipTerms,
  };
}

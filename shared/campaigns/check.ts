import type { OptionName } from './options';
import type { Plan } from './plans';
import type { LeafRule, Rule } from './rule-schema';
import type { Campaign } from './schema';

/** Every leaf rule of a campaign: eligibility and the conditions of bonus branches. */
export function leafRules(campaign: Campaign): LeafRule[] {
  const walk = (rule: Rule): LeafRule[] => (rule.rule === 'all_of' || rule.rule === 'any_of' ? rule.rules.flatMap(walk) : [rule]);
  const branchRules = campaign.benefits.flatMap((b) =>
    b.type === 'credit_schedule' && b.amount.from === 'first_match' ? b.amount.branches.flatMap((br) => walk(br.when)) : [],
  );
  return [...walk(campaign.eligibility), ...branchRules];
}

/** The designated plans the clerk picks from (the union of chosen_plan_in lists), or null for any plan. */
export function campaignPlanChoices(campaign: Campaign): string[] | null {
  const lists = leafRules(campaign).flatMap((r) => (r.rule === 'chosen_plan_in' ? [r.planCodes] : []));
  return lists.length === 0 ? null : [...new Set(lists.flat())];
}

/** Options the rules and benefits read; each should be declared in the campaign's `options`. */
export function optionsUsed(campaign: Campaign): Set<OptionName> {
  const used = new Set<OptionName>();
  for (const r of leafRules(campaign)) {
    if (r.rule === 'chosen_plan_in' || r.rule === 'chosen_plan_tier_above_current') used.add('chosenPlanCode');
    if (r.rule === 'prepay_at_least') used.add('prepayFen');
    if (r.rule === 'spend_at_least') used.add('spendFen');
    if (r.rule === 'referrer_valid') used.add('referrerPhone');
  }
  for (const b of campaign.benefits) {
    if (b.type === 'credit_schedule') {
      const amounts = b.amount.from === 'first_match' ? b.amount.branches.map((br) => br.amount) : [b.amount];
      if (amounts.some((a) => a.from === 'prepay' || a.from === 'prepay_tiers')) used.add('prepayFen');
    }
    if (b.type === 'spend_deduction' || (b.type === 'lottery_chances' && b.chances.by === 'spend')) used.add('spendFen');
    if (b.type === 'referral_credit') used.add('referrerPhone');
    if (b.type === 'bonus_points' && b.points.by === 'chosen_plan') used.add('chosenPlanCode');
    if (b.type === 'gift_purchase') used.add('useBonusForGift');
    if (b.type === 'trial' && b.lend.length > 0) used.add('equipmentSerials');
  }
  return used;
}

/**
 * What is wrong with a campaign that its schema cannot see: options used but never asked
 * for, plan codes missing from the catalogue, points that expire before the campaign ends.
 * HQ runs this before publishing; the demo campaigns are tested against it.
 */
export function campaignProblems(campaign: Campaign, plans: readonly Plan[]): string[] {
  const problems: string[] = [];
  const declared = new Set(campaign.options.map((o) => o.option));
  for (const name of optionsUsed(campaign)) if (!declared.has(name)) problems.push(`option ${name} is used but not declared in options`);
  const known = new Set(plans.map((p) => p.code));
  const codes = [
    ...leafRules(campaign).flatMap((r) =>
      r.rule === 'chosen_plan_in' || r.rule === 'current_plan_in' || r.rule === 'current_plan_not_in' ? r.planCodes : [],
    ),
    ...campaign.benefits.flatMap((b) => (b.type === 'bonus_points' && b.points.by === 'chosen_plan' ? b.points.table.map((row) => row.planCode) : [])),
  ];
  for (const code of new Set(codes)) if (!known.has(code)) problems.push(`plan ${code} is not in the plan catalogue`);
  for (const b of campaign.benefits)
    if (b.type === 'bonus_points' && b.expiresOn < campaign.validTo) problems.push(`bonus points expire on ${b.expiresOn}, before the campaign ends on ${campaign.validTo}`);
  return problems;
}

/** Exclusions must be declared on both sides, or joining A then B would be allowed but not B then A. */
export function exclusionProblems(campaigns: readonly Campaign[]): string[] {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return campaigns.flatMap((a) =>
    a.exclusiveWith.flatMap((id) => {
      const b = byId.get(id);
      if (!b) return [`${a.id} excludes ${id}, which is not published`];
      return b.exclusiveWith.includes(a.id) ? [] : [`${a.id} excludes ${id} but ${id} does not exclude ${a.id}`];
    }),
  );
}

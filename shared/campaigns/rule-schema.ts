import { z } from 'zod';
import { BroadbandLine, Brand, Contract, RetentionLight, ValueSegment } from '../customers/snapshot';
import { Fen } from '../money/fen';
import { BroadbandLevel, PlanCode } from './plans';

/**
 * Eligibility rules: a small vocabulary of checks on the customer snapshot, the options
 * the clerk chose and the context, composed with all_of / any_of. A campaign's behaviour
 * comes only from these; its `kind` is a label. Every rule may carry a `hint` (zh) that
 * is appended to its refusal text, to tell the clerk what to do instead.
 */
const base = { hint: z.string().min(1).optional() };
const rule = <K extends string, S extends z.ZodRawShape>(name: K, shape: S) =>
  z.object({ rule: z.literal(name), ...base, ...shape }).strict();

const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1);

// Customer
export const CustomerKindRule = rule('customer_kind', { kind: z.enum(['new', 'existing']) });
export const NotChurnedRule = rule('not_churned', {});
export const BrandInRule = rule('brand_in', { brands: nonEmpty(Brand) });
/** Completed tenure in `unit`s: min ≤ tenure < below. Exactly on the anniversary counts. */
export const TenureRule = rule('tenure', {
  unit: z.enum(['years', 'months']),
  min: z.number().int().nonnegative().optional(),
  below: z.number().int().positive().optional(),
});
export const ArpuAtLeastRule = rule('arpu_at_least', { fen: Fen.nonnegative() });
export const MinutesAtLeastRule = rule('minutes_at_least', { minutes: z.number().int().nonnegative() });
export const CurrentPlanInRule = rule('current_plan_in', { planCodes: nonEmpty(PlanCode) });
export const CurrentPlanNotInRule = rule('current_plan_not_in', { planCodes: nonEmpty(PlanCode) });
export const ValueSegmentInRule = rule('value_segment_in', { segments: nonEmpty(ValueSegment) });
export const RetentionLightInRule = rule('retention_light_in', { lights: nonEmpty(RetentionLight) });

// The plan the clerk chose for the customer
export const ChosenPlanInRule = rule('chosen_plan_in', { planCodes: nonEmpty(PlanCode) });
export const ChosenPlanTierAboveCurrentRule = rule('chosen_plan_tier_above_current', {});

// Contract (合约)
export const ContractPresentRule = rule('contract_present', { kinds: nonEmpty(Contract.shape.kind).optional() });
/** Calendar months from this month to the contract's end month: 0 = ends this month. */
export const ContractMonthsToEndRule = rule('contract_months_to_end', {
  min: z.number().int().optional(),
  max: z.number().int().optional(),
});
export const ContractSpentOverAmountRule = rule('contract_spent_over_amount', {});

// Broadband line
export const BroadbandPresentRule = rule('broadband_present', {});
export const BroadbandItvCapableRule = rule('broadband_itv_capable', {});
export const BroadbandWithoutItvRule = rule('broadband_without_itv', {});
export const BroadbandCommunityUpgradedRule = rule('broadband_community_upgraded', {});
/** new: installed with this enrolment (新装); existing: a line already in service (老用户). */
export const BroadbandInstallRule = rule('broadband_install', { install: z.enum(['new', 'existing']) });
export const BroadbandProductKindInRule = rule('broadband_product_kind_in', { kinds: nonEmpty(BroadbandLine.shape.productKind) });
/** Passes when the line's plan reaches one threshold of its own family: "e8-68 / e9-79 and above". */
export const BroadbandPlanAtLeastRule = rule('broadband_plan_at_least', { levels: nonEmpty(BroadbandLevel) });
/** Fails when the line's plan reaches a threshold: "e9-139 and above excluded". */
export const BroadbandPlanBelowRule = rule('broadband_plan_below', { levels: nonEmpty(BroadbandLevel) });

// Referral: the referrer named in the options, looked up by the caller into context.referrer
export const ReferrerValidRule = rule('referrer_valid', { minTenureMonths: z.number().int().positive().optional() });

// Amounts the clerk entered
export const PrepayAtLeastRule = rule('prepay_at_least', { fen: Fen.positive() });
export const SpendAtLeastRule = rule('spend_at_least', { fen: Fen.positive() });

/** Every rule that is not a composition. */
export const LeafRule = z.discriminatedUnion('rule', [
  CustomerKindRule,
  NotChurnedRule,
  BrandInRule,
  TenureRule,
  ArpuAtLeastRule,
  MinutesAtLeastRule,
  CurrentPlanInRule,
  CurrentPlanNotInRule,
  ValueSegmentInRule,
  RetentionLightInRule,
  ChosenPlanInRule,
  ChosenPlanTierAboveCurrentRule,
  ContractPresentRule,
  ContractMonthsToEndRule,
  ContractSpentOverAmountRule,
  BroadbandPresentRule,
  BroadbandItvCapableRule,
  BroadbandWithoutItvRule,
  BroadbandCommunityUpgradedRule,
  BroadbandInstallRule,
  BroadbandProductKindInRule,
  BroadbandPlanAtLeastRule,
  BroadbandPlanBelowRule,
  ReferrerValidRule,
  PrepayAtLeastRule,
  SpendAtLeastRule,
]);
export type LeafRule = z.infer<typeof LeafRule>;

// A recursive type cannot be inferred through its own initializer, so the two
// compositions are spelled out once here and the schema is checked against them.
export interface AllOfRule {
  rule: 'all_of';
  hint?: string | undefined;
  rules: Rule[];
}
/** Passes when one alternative passes; otherwise one refusal listing why each failed. */
export interface AnyOfRule {
  rule: 'any_of';
  hint?: string | undefined;
  rules: Rule[];
}
export type Rule = LeafRule | AllOfRule | AnyOfRule;

const AllOfRuleSchema = z
  .object({
    rule: z.literal('all_of'),
    ...base,
    get rules(): z.ZodArray<z.ZodType<Rule>> {
      return z.array(Rule).min(1);
    },
  })
  .strict();
const AnyOfRuleSchema = z
  .object({
    rule: z.literal('any_of'),
    ...base,
    get rules(): z.ZodArray<z.ZodType<Rule>> {
      return z.array(Rule).min(2);
    },
  })
  .strict();

export const Rule: z.ZodType<Rule> = z.discriminatedUnion('rule', [LeafRule, AllOfRuleSchema, AnyOfRuleSchema]);
export type RuleName = Rule['rule'];
export type RuleOf<K extends RuleName> = Extract<Rule, { rule: K }>;

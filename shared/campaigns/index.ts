/**
 * Campaigns as data and the one rule engine that evaluates them (docs/campaigns.md).
 * Pure: runs in the main process, the renderer and tests alike.
 */
export { evaluateCampaign } from './engine';
export { trialDates, trialFeeWaiver, type TrialDates, type TrialFeeWaiver, type TrialTerms } from './benefits/trial';
export { campaignPlanChoices, campaignProblems, exclusionProblems, optionsUsed } from './check';

export { Campaign, CampaignId, CampaignKind, HallCode, LimitPeriod, Limits, OptionSpec, campaignKinds } from './schema';
export type { CampaignInput } from './schema';
export { Amount, BenefitSpec, CreditPurpose, Sku, TrialSpec } from './benefit-schema';
export type { BenefitSpecOf, LeafAmount } from './benefit-schema';
export { LeafRule, Rule } from './rule-schema';
export type { AllOfRule, AnyOfRule, RuleName, RuleOf } from './rule-schema';
export { EnrolmentOptions, OptionName, optionLabels } from './options';
export { BroadbandLevel, BroadbandPlan, MobilePlan, Plan, PlanCatalogue, PlanCode, findPlan } from './plans';
export { EvaluationContext, EvaluationInput, PastEnrolment } from './input';
export { Reason, ReasonCategory, ReasonCode, reasonCategories, reasonCodes } from './reasons';
export type { JsonValue } from './reasons';
export { Benefit, CampaignEvaluation, Instalment, TrialBenefit, TrialFollowUp } from './result';
export type { BenefitOf } from './result';

import { z } from 'zod';
import { IsoDate, IsoMonth } from '../calendar/dates';
import { CampaignId, CampaignKind, Limits } from '../campaigns/schema';
import { EnrolmentOptions, OptionName } from '../campaigns/options';
import {
  BonusPointsBenefit,
  CampaignEvaluation,
  CreditScheduleBenefit,
  DiscountBenefit,
  GiftBenefit,
  LotteryChancesBenefit,
  PaymentBenefit,
  ReferralCreditBenefit,
  SpendDeductionBenefit,
  TrialBenefit,
} from '../campaigns/result';
import { Brand } from '../customers/snapshot';

/**
 * What the counter's screens get back about campaigns, enrolments, trials, prizes and
 * follow-ups. Phone numbers leave the core masked: a referrer's number is shown as
 * 138****1234 even on the summary the clerk confirms.
 */

/** hall–counter–ENdate–sequence, e.g. ZY-HC-001-01-EN20261121-0001. */
export const EnrolmentNo = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '受理单号格式不对');
export const WinId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,47}$/, '中奖编号格式不对');

export const ReferralCreditView = ReferralCreditBenefit.omit({ referrerPhone: true }).extend({ referrerPhoneMasked: z.string() });
/** A computed benefit as shown: the engine's `Benefit`, the referrer's phone masked. */
export const BenefitView = z.discriminatedUnion('type', [
  GiftBenefit,
  CreditScheduleBenefit,
  ReferralCreditView,
  DiscountBenefit,
  SpendDeductionBenefit,
  BonusPointsBenefit,
  LotteryChancesBenefit,
  TrialBenefit,
  PaymentBenefit,
]);
export type BenefitView = z.infer<typeof BenefitView>;

export const OptionsView = EnrolmentOptions.omit({ referrerPhone: true }).extend({ referrerPhoneMasked: z.string().optional() });
export type OptionsView = z.infer<typeof OptionsView>;

/**
 * eligible: may join as entered; needs_options: only what the clerk still has to enter or
 * change stands in the way (every reason is of category `option`); ineligible: the rest.
 */
export const EvaluationStatus = z.enum(['eligible', 'needs_options', 'ineligible']);
export type EvaluationStatus = z.infer<typeof EvaluationStatus>;

export const EvaluationView = CampaignEvaluation.extend({ benefits: z.array(BenefitView) });
export type EvaluationView = z.infer<typeof EvaluationView>;

export const CampaignOptionView = z.object({ option: OptionName, required: z.boolean(), label: z.string() });
export const PlanChoice = z.object({ code: z.string(), name: z.string(), monthlyFeeFen: z.number().int(), brand: Brand.nullable() });
export type PlanChoice = z.infer<typeof PlanChoice>;
export const EquipmentToLend = z.object({ sku: z.string(), name: z.string(), quantity: z.number().int().positive() });

/** A campaign as the counter lists it: what it is, when, and what to ask the customer for. */
export const CampaignSummary = z.object({
  id: CampaignId,
  version: z.number().int().positive(),
  kind: CampaignKind,
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate,
  halls: z.union([z.literal('all'), z.array(z.string())]),
  options: z.array(CampaignOptionView),
  /** The plans to offer when the campaign asks for one: its designated plans, else every mobile plan; null when it asks for none. */
  planChoices: z.array(PlanChoice).nullable(),
  /** Lent equipment the clerk scans by serial (iTV trial). */
  equipment: z.array(EquipmentToLend),
  limits: Limits,
  exclusiveWith: z.array(z.string()),
  slipTerms: z.array(z.string()),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CustomerEvaluation = z.object({ campaign: CampaignSummary, status: EvaluationStatus, evaluation: EvaluationView });
export type CustomerEvaluation = z.infer<typeof CustomerEvaluation>;

export const TrialStatus = z.enum(['awaiting_install', 'active', 'cancel_requested', 'converted', 'cancelled']);
export type TrialStatus = z.infer<typeof TrialStatus>;

export const RecoveryOrderView = z.object({
  orderId: z.number().int().positive(),
  status: z.enum(['open', 'done']),
  openedOn: IsoDate,
  dueOn: IsoDate,
  closedOn: IsoDate.nullable(),
  /** The ordinary modem handed to the customer in exchange for the e8-b one. */
  returnSku: z.string().nullable(),
  returnSerial: z.string().nullable(),
  /** The lent units this order brings back. */
  serials: z.array(z.object({ sku: z.string(), serial: z.string() })),
});
export type RecoveryOrderView = z.infer<typeof RecoveryOrderView>;

export const LoanView = z.object({
  sku: z.string(),
  name: z.string(),
  serial: z.string(),
  lentOn: IsoDate,
  status: z.enum(['lent', 'recovery_open', 'recovered', 'kept']),
  recoveredOn: IsoDate.nullable(),
});

export const TrialView = z.object({
  trialId: z.number().int().positive(),
  enrolmentNo: z.string(),
  customerId: z.number().int().positive(),
  phoneMasked: z.string(),
  name: z.string(),
  packageName: z.string(),
  status: TrialStatus,
  enrolledOn: IsoDate,
  installBy: IsoDate,
  /** Planned until the installer's completion is confirmed (status awaiting_install). */
  completionOn: IsoDate.nullable(),
  freeUntil: IsoDate.nullable(),
  conversionOn: IsoDate.nullable(),
  monthlyFeeFen: z.number().int(),
  termMonths: z.number().int(),
  cancelRequestedOn: IsoDate.nullable(),
  feeWaiverMonth: IsoMonth.nullable(),
  equipment: z.array(LoanView),
  recovery: RecoveryOrderView.nullable(),
  updatedAt: z.string(),
});
export type TrialView = z.infer<typeof TrialView>;

export const EnrolmentStatus = z.enum(['active', 'cancelled']);
export const EnrolmentView = z.object({
  enrolmentNo: z.string(),
  customerId: z.number().int().positive(),
  phoneMasked: z.string(),
  campaignId: z.string(),
  campaignVersion: z.number().int().positive(),
  campaignName: z.string(),
  /** The campaign's English name, if HQ published one (the English history shows it). */
  campaignNameEn: z.string().nullable(),
  kind: CampaignKind,
  enrolledOn: IsoDate,
  status: EnrolmentStatus,
  options: OptionsView,
  benefits: z.array(BenefitView),
  slipNo: z.string(),
  staffNo: z.string(),
  createdAt: z.string(),
  trial: TrialView.nullable(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const PrizeWinStatus = z.enum(['unclaimed', 'claimed', 'expired']);
export const PrizeWinView = z.object({
  winId: z.string(),
  customerId: z.number().int().positive(),
  prizeSku: z.string(),
  prizeName: z.string(),
  wonOn: IsoDate,
  /** Last day the prize may be collected (inclusive). */
  claimBy: IsoDate,
  /** As of today: an unclaimed win past its claim day reads `expired`. */
  status: PrizeWinStatus,
  claimable: z.boolean(),
  /** Prize units on hand in this hall now (display units excluded). */
  onHand: z.number().int(),
  claimedAt: z.string().nullable(),
  slipNo: z.string().nullable(),
});
export type PrizeWinView = z.infer<typeof PrizeWinView>;

export const FollowUpKind = z.enum([
  'install_due',
  'trial_usage_call',
  'trial_expiry_notice',
  'referral_credit_due',
  'equipment_recovery',
  'prize_claim_deadline',
]);
export type FollowUpKind = z.infer<typeof FollowUpKind>;
export const FollowUpStatus = z.enum(['open', 'done', 'cancelled']);

export const FollowUpView = z.object({
  id: z.number().int().positive(),
  kind: FollowUpKind,
  kindLabel: z.string(),
  customerId: z.number().int().positive(),
  phoneMasked: z.string(),
  nameMasked: z.string(),
  dueOn: IsoDate,
  overdue: z.boolean(),
  status: FollowUpStatus,
  /** What the task is about, in a line: the trial and its dates, the credit due, the prize… */
  detail: z.string(),
  ref: z.object({ type: z.string(), id: z.string() }),
  outcome: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

import { z } from 'zod';
import { IsoDate, IsoMonth } from '../calendar/dates';
import { Phone } from '../customers/snapshot';
import { Fen } from '../money/fen';
import { CreditPurpose, Sku, TrialFollowUpKind } from './benefit-schema';
import { CampaignId, CampaignKind, HallCode } from './schema';
import { Reason } from './reasons';
import { PlanCode } from './plans';

/**
 * Benefits as the engine computes them: concrete enough to store as they are and to
 * print on the slip. Every amount is whole fen and every schedule sums exactly.
 */
export const GiftBenefit = z
  .object({
    type: z.literal('gift'),
    sku: Sku,
    name: z.string(),
    quantity: z.number().int().positive(),
    unitValueFen: Fen.nonnegative(),
    valueFen: Fen.nonnegative(), // quantity × unit value
    purchased: z.boolean(), // true: bought with the bonus / deduction as offset (see payment)
  })
  .strict();

export const Instalment = z.object({ month: IsoMonth, amountFen: Fen.positive() }).strict();
export const CreditScheduleBenefit = z
  .object({
    type: z.literal('credit_schedule'),
    purpose: CreditPurpose,
    label: z.string().nullable(), // e.g. the re-binding tier applied: 存多少送多少
    totalFen: Fen.positive(),
    instalments: z.array(Instalment).min(1),
  })
  .strict();

export const ReferralCreditBenefit = z
  .object({
    type: z.literal('referral_credit'),
    referrerPhone: Phone,
    referrerFen: Fen.nonnegative(),
    referrerDueBy: IsoDate, // credited to the referrer by this day (X working days after activation)
    refereeFen: Fen.nonnegative(),
    refereeBillMonth: IsoMonth, // credited to the new customer with this month's bill
  })
  .strict();

export const DiscountBenefit = z
  .object({
    type: z.literal('discount'),
    target: z.enum(['plan_fee', 'voice']),
    percent: z.number().int().min(1).max(100), // share of the normal charge paid: 80 = 八折
    fromMonth: IsoMonth,
    toMonth: IsoMonth.nullable(), // null: until further notice
    planCode: PlanCode.nullable(), // plan_fee: the plan discounted
    baseFeeFen: Fen.nullable(), // plan_fee: its monthly fee
    discountedFeeFen: Fen.nullable(), // plan_fee: what the customer pays a month
  })
  .strict();

export const SpendDeductionBenefit = z
  .object({ type: z.literal('spend_deduction'), spendFen: Fen.positive(), tierThresholdFen: Fen.positive(), deductionFen: Fen.positive() })
  .strict();

export const BonusPointsBenefit = z.object({ type: z.literal('bonus_points'), points: z.number().int().positive(), expiresOn: IsoDate }).strict();

export const LotteryChancesBenefit = z
  .object({ type: z.literal('lottery_chances'), count: z.number().int().positive(), claimWithinWorkingDays: z.number().int().positive() })
  .strict();

export const TrialFollowUp = z.object({ kind: TrialFollowUpKind, dueOn: IsoDate }).strict();
export type TrialFollowUp = z.infer<typeof TrialFollowUp>;
export const TrialBenefit = z
  .object({
    type: z.literal('trial'),
    packageName: z.string(),
    completionOn: IsoDate, // expected install completion (竣工); recompute with trialDates once confirmed
    freeUntil: IsoDate, // last free day: end of the completion month + N full months
    conversionOn: IsoDate, // first paid day unless cancelled
    termEndsOn: IsoDate, // last day of the paid term after conversion
    monthlyFeeFen: Fen.positive(),
    termMonths: z.number().int().positive(),
    lend: z.array(z.object({ sku: Sku, name: z.string(), serial: z.string() }).strict()),
    recoverOldModem: z.boolean(),
    oldModemSerial: z.string().nullable(),
    installBy: IsoDate,
    followUps: z.array(TrialFollowUp),
  })
  .strict();
export type TrialBenefit = z.infer<typeof TrialBenefit>;

/** What changes hands at the counter today. customerPaysFen = prepay + spend − deduction + gift price − gift offset. */
export const PaymentBenefit = z
  .object({
    type: z.literal('payment'),
    prepayFen: Fen.nonnegative(),
    spendFen: Fen.nonnegative(),
    deductionFen: Fen.nonnegative(), // spend deduction applied to the spend (not to a gift)
    giftPriceFen: Fen.nonnegative(),
    giftOffsetFen: Fen.nonnegative(), // bonus or deduction used to pay for the gift
    customerPaysFen: Fen.nonnegative(),
  })
  .strict();

export const Benefit = z.discriminatedUnion('type', [
  GiftBenefit,
  CreditScheduleBenefit,
  ReferralCreditBenefit,
  DiscountBenefit,
  SpendDeductionBenefit,
  BonusPointsBenefit,
  LotteryChancesBenefit,
  TrialBenefit,
  PaymentBenefit,
]);
export type Benefit = z.infer<typeof Benefit>;
export type BenefitOf<K extends Benefit['type']> = Extract<Benefit, { type: K }>;

/**
 * One evaluation. With `eligible` false, `reasons` lists every failed check and
 * `benefits` is empty; with it true, `reasons` is empty and `benefits` is what to store.
 * The identifying fields make it reproducible from the stored campaign version and snapshot.
 */
export const CampaignEvaluation = z
  .object({
    campaignId: CampaignId,
    campaignVersion: z.number().int().positive(),
    kind: CampaignKind,
    snapshotVersion: z.number().int().nonnegative(),
    evaluatedOn: IsoDate,
    hallCode: HallCode,
    eligible: z.boolean(),
    reasons: z.array(Reason),
    benefits: z.array(Benefit),
  })
  .strict();
export type CampaignEvaluation = z.infer<typeof CampaignEvaluation>;

import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { Fen } from '../money/fen';
import { PlanCode } from './plans';
import { Rule } from './rule-schema';

/**
 * What a campaign gives, as data. The engine turns each of these into a concrete,
 * storable benefit (see result.ts): amounts in fen, dates and months, SKUs and serials.
 */
export const Sku = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'SKU 为大写字母、数字和连字符');

/** Tiers are listed from the lowest threshold up; the highest one reached applies. */
const ascending =
  <K extends string>(key: K) =>
  (tiers: Record<K, number>[]): boolean =>
    tiers.every((t, i) => i === 0 || t[key] > (tiers[i - 1]?.[key] ?? -Infinity));

// —— Amounts of bonus credit ——
export const FixedAmount = z.object({ from: z.literal('fixed'), fen: Fen.positive() }).strict();
/** 存多少送多少: a share of the prepayment the clerk entered. */
export const PrepayAmount = z
  .object({ from: z.literal('prepay'), percent: z.number().int().min(1).max(1000).default(100), maxFen: Fen.positive().optional() })
  .strict();
export const PrepayTier = z.object({ minPrepayFen: Fen.positive(), bonusFen: Fen.positive() }).strict();
export const PrepayTiersAmount = z
  .object({
    from: z.literal('prepay_tiers'),
    tiers: z.array(PrepayTier).min(1).refine(ascending('minPrepayFen'), '档位须按预存金额从低到高排列'),
  })
  .strict();
/** 剩多少送多少: what the customer's contract still has to run. */
export const ContractRemainingAmount = z.object({ from: z.literal('contract_remaining'), maxFen: Fen.positive().optional() }).strict();
/** 超多少送多少: cumulative spend above the contract amount. */
export const ContractExcessAmount = z.object({ from: z.literal('contract_excess'), maxFen: Fen.positive().optional() }).strict();
export const LeafAmount = z.discriminatedUnion('from', [FixedAmount, PrepayAmount, PrepayTiersAmount, ContractRemainingAmount, ContractExcessAmount]);
export type LeafAmount = z.infer<typeof LeafAmount>;

/** The first branch whose condition holds gives the amount (re-binding's three tiers). */
export const AmountBranch = z.object({ label: z.string().min(1), when: Rule, amount: LeafAmount }).strict();
export const FirstMatchAmount = z.object({ from: z.literal('first_match'), branches: z.array(AmountBranch).min(1) }).strict();
export const Amount = z.discriminatedUnion('from', [FixedAmount, PrepayAmount, PrepayTiersAmount, ContractRemainingAmount, ContractExcessAmount, FirstMatchAmount]);
export type Amount = z.infer<typeof Amount>;

// —— Benefits ——
export const GiftSpec = z
  .object({ type: z.literal('gift'), sku: Sku, name: z.string().min(1), quantity: z.number().int().positive(), unitValueFen: Fen.nonnegative() })
  .strict();

/**
 * A gift the customer may buy, its price offset by the campaign's bonus credit or spend
 * deduction; given only when the clerk ticks `useBonusForGift`.
 */
export const GiftPurchaseSpec = z
  .object({
    type: z.literal('gift_purchase'),
    sku: Sku,
    name: z.string().min(1),
    quantity: z.number().int().positive(),
    unitPriceFen: Fen.positive(),
    offsetFrom: z.enum(['bonus', 'deduction']),
  })
  .strict();

export const CreditPurpose = z.enum(['prepay_bonus', 'rebinding_bonus', 'bill_credit']);
export const CreditScheduleSpec = z
  .object({
    type: z.literal('credit_schedule'),
    purpose: CreditPurpose,
    label: z.string().min(1).optional(),
    amount: Amount,
    months: z.number().int().min(1).max(60),
    startOffsetMonths: z.number().int().min(0).max(12).default(1), // 1: the first instalment arrives next month
  })
  .strict();

export const ReferralCreditSpec = z
  .object({
    type: z.literal('referral_credit'),
    referrerFen: Fen.nonnegative(),
    refereeFen: Fen.nonnegative(),
    referrerWithinWorkingDays: z.number().int().min(0).max(60),
  })
  .strict();

/** `percent` is the share of the normal charge the customer pays: 80 = 八折, 95 = 九五折. */
export const DiscountPercent = z.number().int().min(1).max(100);
export const TenureRateTier = z.object({ minYears: z.number().int().nonnegative(), percent: DiscountPercent }).strict();
export const DiscountSpec = z
  .object({
    type: z.literal('discount'),
    target: z.enum(['plan_fee', 'voice']),
    rate: z.discriminatedUnion('by', [
      z.object({ by: z.literal('fixed'), percent: DiscountPercent }).strict(),
      z
        .object({ by: z.literal('tenure'), tiers: z.array(TenureRateTier).min(1).refine(ascending('minYears'), '网龄档位须从低到高排列') })
        .strict(),
    ]),
    startOffsetMonths: z.number().int().min(0).max(12).default(1),
    duration: z.union([
      z.object({ months: z.number().int().min(1).max(120) }).strict(),
      z.object({ until: z.enum(['campaign_end', 'open']) }).strict(),
    ]),
  })
  .strict();

export const SpendTier = z
  .object({ minSpendFen: Fen.positive(), deductionFen: Fen.positive() })
  .strict()
  .refine((t) => t.deductionFen < t.minSpendFen, '立减金额须小于门槛金额'); // what is paid never goes negative
export const SpendDeductionSpec = z
  .object({
    type: z.literal('spend_deduction'),
    tiers: z.array(SpendTier).min(1).refine(ascending('minSpendFen'), '档位须按消费金额从低到高排列'),
  })
  .strict();

export const BonusPointsSpec = z
  .object({
    type: z.literal('bonus_points'),
    points: z.discriminatedUnion('by', [
      z.object({ by: z.literal('fixed'), points: z.number().int().positive() }).strict(),
      z.object({ by: z.literal('chosen_plan'), table: z.array(z.object({ planCode: PlanCode, points: z.number().int().positive() }).strict()).min(1) }).strict(),
    ]),
    expiresOn: IsoDate,
  })
  .strict();

export const LotteryPrize = z
  .object({ rank: z.number().int().positive(), name: z.string().min(1), sku: Sku.nullable(), unitValueFen: Fen.nonnegative(), quantity: z.number().int().positive() })
  .strict();
export const LotteryChancesSpec = z
  .object({
    type: z.literal('lottery_chances'),
    chances: z.discriminatedUnion('by', [
      z.object({ by: z.literal('fixed'), count: z.number().int().positive() }).strict(),
      z.object({ by: z.literal('spend'), perFen: Fen.positive(), max: z.number().int().positive() }).strict(),
    ]),
    claimWithinWorkingDays: z.number().int().min(1).max(60),
    prizes: z.array(LotteryPrize), // for the draw and the prize desk; the engine only grants chances
  })
  .strict();

export const TrialFollowUpKind = z.enum(['trial_usage_call', 'trial_expiry_notice']);
export const TrialFollowUpSpec = z
  .object({ kind: TrialFollowUpKind, from: z.enum(['completion', 'free_until']), days: z.number().int().min(-90).max(90) })
  .strict();
export const TrialSpec = z
  .object({
    type: z.literal('trial'),
    packageName: z.string().min(1),
    monthlyFeeFen: Fen.positive(), // what the package costs once it converts
    termMonths: z.number().int().min(1).max(60),
    freeFullMonthsAfterCompletion: z.number().int().min(0).max(12), // free: completion month + this many
    installWithinDays: z.number().int().min(0).max(60),
    lend: z.array(z.object({ sku: Sku, name: z.string().min(1), quantity: z.number().int().positive() }).strict()),
    recoverOldModem: z.enum(['existing_line', 'never']), // existing_line: a line not newly installed hands its modem back
    followUps: z.array(TrialFollowUpSpec),
  })
  .strict();
export type TrialSpec = z.infer<typeof TrialSpec>;

export const BenefitSpec = z.discriminatedUnion('type', [
  GiftSpec,
  GiftPurchaseSpec,
  CreditScheduleSpec,
  ReferralCreditSpec,
  DiscountSpec,
  SpendDeductionSpec,
  BonusPointsSpec,
  LotteryChancesSpec,
  TrialSpec,
]);
export type BenefitSpec = z.infer<typeof BenefitSpec>;
export type BenefitSpecOf<K extends BenefitSpec['type']> = Extract<BenefitSpec, { type: K }>;

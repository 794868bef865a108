import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { BenefitSpec } from './benefit-schema';
import { OptionName } from './options';
import { Rule } from './rule-schema';

/**
 * A campaign as HQ publishes it: a versioned document the counter evaluates locally.
 * docs/campaigns.md describes every field and has one full example per kind.
 */
export const campaignKinds = [
  'signup_gift', // 入网有礼
  'prepay_bonus', // 预存赠费
  'referral', // 老带新
  'upgrade_gift', // 套餐升级
  'spend_threshold', // 满减
  'lottery', // 抽奖机会
  'trial', // 体验营销
  'rebinding', // 合约到期二次捆绑
  'tenure_discount', // 网龄关怀
  'upgrade_points', // 升舱计划
] as const;
/** A label for screens and reports only: behaviour comes from the rules and benefits. */
export const CampaignKind = z.enum(campaignKinds);
export type CampaignKind = z.infer<typeof CampaignKind>;

export const CampaignId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,47}$/, '活动编号为大写字母、数字和连字符');
export const HallCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, '营业厅编码为大写字母、数字和连字符');

export const OptionSpec = z
  .object({
    option: OptionName,
    required: z.boolean(),
    label: z.string().min(1).optional(), // overrides the standard prompt
  })
  .strict();
export type OptionSpec = z.infer<typeof OptionSpec>;

export const LimitPeriod = z.enum(['campaign', 'calendar_month', 'calendar_year']);
export type LimitPeriod = z.infer<typeof LimitPeriod>;
export const Limits = z
  .object({
    perCustomer: z.number().int().positive().nullable().default(null), // enrolments per customer, ever
    perPeriod: z
      .object({ count: z.number().int().positive(), period: LimitPeriod })
      .strict()
      .nullable()
      .default(null),
    totalQuota: z.number().int().positive().nullable().default(null), // enrolments across all halls
  })
  .strict();
export type Limits = z.infer<typeof Limits>;

export const Campaign = z
  .object({
    id: CampaignId,
    version: z.number().int().positive(),
    kind: CampaignKind,
    name: z.string().min(1).max(60),
    nameEn: z.string().min(1).max(80).optional(),
    description: z.string().min(1),
    validFrom: IsoDate, // inclusive
    validTo: IsoDate, // inclusive
    halls: z.union([z.literal('all'), z.array(HallCode).min(1)]),
    eligibility: Rule,
    options: z.array(OptionSpec).default([]),
    benefits: z.array(BenefitSpec).min(1),
    limits: Limits,
    exclusiveWith: z.array(CampaignId).default([]),
    slipTerms: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (c.validFrom > c.validTo) issue(['validTo'], '结束日期早于开始日期');
    if (c.exclusiveWith.includes(c.id)) issue(['exclusiveWith'], '活动不能与自身互斥');
    const names = c.options.map((o) => o.option);
    names.forEach((n, i) => names.indexOf(n) !== i && issue(['options', i], `选项 ${n} 重复`));
    const count = (type: BenefitSpec['type']) => c.benefits.filter((b) => b.type === type).length;
    for (const single of ['gift_purchase', 'trial', 'spend_deduction', 'referral_credit', 'bonus_points', 'lottery_chances'] as const)
      if (count(single) > 1) issue(['benefits'], `${single} 至多一项`);
    for (const [i, b] of c.benefits.entries()) {
      if (b.type !== 'gift_purchase') continue;
      if (b.offsetFrom === 'bonus' && count('credit_schedule') === 0) issue(['benefits', i], '以赠费抵扣礼品需要一项赠费（credit_schedule）');
      if (b.offsetFrom === 'deduction' && count('spend_deduction') === 0) issue(['benefits', i], '以立减抵扣礼品需要一项满减（spend_deduction）');
    }
  });
export type Campaign = z.infer<typeof Campaign>;
/** A campaign as written in JSON, before defaults are filled in. */
export type CampaignInput = z.input<typeof Campaign>;

export { Amount, BenefitSpec, Sku } from './benefit-schema';
export type { BenefitSpecOf, LeafAmount, TrialSpec } from './benefit-schema';
export { Rule } from './rule-schema';
export type { LeafRule, RuleName, RuleOf } from './rule-schema';

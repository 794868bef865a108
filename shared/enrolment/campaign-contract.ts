import { z } from 'zod';
import { EnrolmentOptions } from '../campaigns/options';
import { CampaignId } from '../campaigns/schema';
import { method } from '../contract/define';
import { CustomerId } from '../customers/contract';
import { CampaignSummary, CustomerEvaluation } from './views';

export const campaignMethods = {
  'campaign.list': method({
    summary:
      'The campaigns this hall may enrol today (Asia/Shanghai; current version, within its window, this hall targeted): kind, names, window, limits, and what to ask the customer for — options with their labels, the plans to choose from with names and fees, the equipment to scan.',
    role: 'clerk',
    input: z.object({}).strict(),
    output: z.object({ today: z.string(), campaigns: z.array(CampaignSummary) }),
    errors: ['NOT_FOUND'],
    example: {},
  }),
  'campaign.evaluateForCustomer': method({
    summary:
      "Every campaign on offer today evaluated for one customer (the customer panel): eligible first, then those that only need the clerk to enter options, then the ineligible ones, each with all of its reasons (stable code, Chinese text, the values compared). Options may be given per campaign id.",
    role: 'clerk',
    input: z
      .object({
        customerId: CustomerId,
        options: z.record(CampaignId, EnrolmentOptions).optional(),
      })
      .strict(),
    output: z.object({ today: z.string(), evaluations: z.array(CustomerEvaluation) }),
    errors: ['NOT_FOUND'],
    example: { customerId: 1, options: { 'ZY2026-UPGRADE-GIFT': { chosenPlanCode: 'STD-129' } } },
  }),
  'campaign.evaluate': method({
    summary:
      'One campaign for one customer with the options chosen: eligible or not with every reason, and the exact benefits (gift, instalments, discount, points, trial dates, payment) the summary screen shows before the clerk confirms.',
    role: 'clerk',
    input: z.object({ customerId: CustomerId, campaignId: CampaignId, options: EnrolmentOptions.default({}) }).strict(),
    output: CustomerEvaluation,
    errors: ['NOT_FOUND'],
    example: { customerId: 1, campaignId: 'ZY2026-PREPAY-BONUS', options: { prepayFen: 120000, useBonusForGift: true } },
  }),
};

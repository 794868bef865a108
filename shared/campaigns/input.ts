import { z } from 'zod';
import { HolidayCalendar } from '../calendar/working-days';
import { IsoDate } from '../calendar/dates';
import { CustomerSnapshot } from '../customers/snapshot';
import { Sku } from './benefit-schema';
import { EnrolmentOptions } from './options';
import { Plan } from './plans';
import { Campaign, CampaignId, HallCode } from './schema';

export const PastEnrolment = z.object({ campaignId: CampaignId, enrolledOn: IsoDate }).strict();
export type PastEnrolment = z.infer<typeof PastEnrolment>;

/**
 * What the caller reads from its database for one evaluation. The engine never reaches
 * for anything else, which is what keeps it pure and its answers reproducible.
 */
export const EvaluationContext = z
  .object({
    plans: z.array(Plan), // the plan catalogue
    referrer: CustomerSnapshot.nullable(), // the snapshot of options.referrerPhone, if found
    calendar: HolidayCalendar,
    pastEnrolments: z.array(PastEnrolment), // this customer's enrolments still in force (voided ones left out)
    campaignEnrolmentCount: z.number().int().nonnegative(), // all enrolments in this campaign so far, for the quota
    activeCampaignIds: z.array(CampaignId), // campaigns the customer is in now, for exclusions
    stockOnHand: z.record(Sku, z.number().int()), // this hall's on-hand quantity per SKU (display units excluded)
    serialsOnHand: z.record(Sku, z.array(z.string())).optional(), // when given, lent serials must be among them
  })
  .strict();
export type EvaluationContext = z.infer<typeof EvaluationContext>;

export const EvaluationInput = z
  .object({
    campaign: Campaign,
    customer: CustomerSnapshot,
    today: IsoDate, // the Shanghai business date of the enrolment (activation day)
    hallCode: HallCode,
    options: EnrolmentOptions,
    context: EvaluationContext,
  })
  .strict();
export type EvaluationInput = z.infer<typeof EvaluationInput>;

import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { CampaignKind } from '../campaigns/schema';
import { method } from '../contract/define';
import { FollowUpKind } from '../enrolment/views';
import { Fen } from '../money/fen';
import { CatalogueKind } from '../points/catalogue';
import { StockCategory, StockItemView } from '../stock/schemas';

const Count = z.number().int().nonnegative();

export const ReportPeriod = z.enum(['day', 'week']);
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** Enrolments of one campaign in the period; campaigns on offer with none are listed with 0. */
export const CampaignLine = z.object({
  campaignId: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: CampaignKind,
  enrolments: Count,
  /** What customers paid at the counter for it (prepay, spend, gift price less offsets). */
  customerPaysFen: Fen,
});
export type CampaignLine = z.infer<typeof CampaignLine>;

/** What left (and came back to) one item's stock in the period, from the hall's ledger. */
export const ItemLine = z.object({
  sku: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  category: StockCategory,
  issuedEnrolment: Count,
  issuedRedemption: Count,
  issuedPrize: Count,
  /** The three issues together: what was handed over for good. */
  issued: Count,
  lent: Count,
  recovered: Count,
  /** Back to the shelf from a void or a customer's return. */
  returned: Count,
});
export type ItemLine = z.infer<typeof ItemLine>;

export const RedeemedLine = z.object({
  catalogueCode: z.string(),
  name: z.string(),
  kind: CatalogueKind,
  quantity: Count,
  points: Count,
});

export const StaffLine = z.object({
  staffNo: z.string(),
  name: z.string().nullable(),
  enrolments: Count,
  redemptions: Count,
  points: Count,
});

export const DayLine = z.object({
  date: IsoDate,
  enrolments: Count,
  redemptions: Count,
  points: Count,
  giftsIssued: Count,
});
export type DayLine = z.infer<typeof DayLine>;

export const FollowUpLoad = z.object({
  kind: FollowUpKind,
  open: Count,
  /** Due before today and still open. */
  overdue: Count,
  /** Due from today to 7 days ahead. */
  dueSoon: Count,
});

export const BusinessSummary = z.object({
  period: ReportPeriod,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  totals: z.object({
    enrolments: Count,
    customerPaysFen: Fen,
    giftsIssued: Count,
    redemptions: Count,
    pointsSpent: Count,
    voids: Count,
    pointsReturned: Count,
    prizesClaimed: Count,
    equipmentLent: Count,
    equipmentRecovered: Count,
    trialsEnrolled: Count,
    trialsInstalled: Count,
    trialCancellations: Count,
  }),
  byCampaign: z.array(CampaignLine),
  byItem: z.array(ItemLine),
  redeemed: z.array(RedeemedLine),
  byStaff: z.array(StaffLine),
  byDay: z.array(DayLine),
  /** As of today, whatever the period: the work waiting. */
  followUps: z.array(FollowUpLoad),
  lowStock: z.array(StockItemView),
});
export type BusinessSummary = z.infer<typeof BusinessSummary>;

export const summaryMethods = {
  'report.summary': method({
    summary:
      "The store manager's business summary for one Shanghai day or one Monday–Sunday week (default: today): this counter's enrolments by campaign with what customers paid, redemptions and points spent, voids, prizes claimed, trials enrolled, installed and cancelled, every clerk's share and each day's figures; the hall ledger's stock issued, lent and returned by item; and, as of today, open follow-ups by kind and low stock.",
    role: 'manager',
    input: z.object({ period: ReportPeriod.default('day'), date: IsoDate.optional() }).strict(),
    output: BusinessSummary,
    errors: [],
    example: { period: 'week', date: '2026-11-21' },
  }),
};

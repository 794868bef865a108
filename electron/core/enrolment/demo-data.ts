import { z } from 'zod';
import { IsoDate } from '../../../shared/calendar/dates';
import { CampaignId } from '../../../shared/campaigns/schema';
import { CustomerSnapshot, Phone, PointsLotSnapshot } from '../../../shared/customers/snapshot';
import { isValidIdNumber } from '../../../shared/customers/id-number';

const DemoIdNumber = z.string().refine(isValidIdNumber, 'ID number fails its check character');

/**
 * resources/demo/customers.json: the demo hall's customer cache on the demo day. The file
 * carries made-up but checksum-valid ID numbers so that the prize desk can be tried; the
 * seed keeps only their salted hash and last four characters, like HQ's snapshots.
 */
export const DemoCustomer = CustomerSnapshot.omit({ idHash: true, idLast4: true, pointsLots: true, snapshotVersion: true, snapshotAt: true })
  .extend({
    idNumber: DemoIdNumber,
    /** What the customer demonstrates (docs/demo.md says the same, campaign by campaign). */
    demonstrates: z.string().min(1),
    lots: z.array(PointsLotSnapshot).default([]),
  })
  .strict();
export type DemoCustomer = z.infer<typeof DemoCustomer>;

export const DemoPrizeWin = z
  .object({
    winId: z.string().min(3),
    phone: Phone,
    campaignId: CampaignId,
    rank: z.number().int().positive(),
    prizeSku: z.string().min(1),
    prizeName: z.string().min(1),
    wonOn: IsoDate,
  })
  .strict();

export const DemoCustomers = z
  .object({
    note: z.string(),
    snapshotAt: z.iso.datetime({ offset: true }),
    customers: z.array(DemoCustomer).min(1),
    /** Not seeded: the person who walks in with a phone not in the cache (docs/demo.md). */
    walkIn: z.object({ phone: Phone, name: z.string(), idNumber: DemoIdNumber, birthday: IsoDate, demonstrates: z.string() }).strict(),
    prizeWins: z.array(DemoPrizeWin),
  })
  .strict()
  .superRefine((file, ctx) => {
    const phones = new Set<string>();
    file.customers.forEach((c, i) => {
      if (phones.has(c.phone)) ctx.addIssue({ code: 'custom', path: ['customers', i, 'phone'], message: `${c.phone} is listed twice` });
      phones.add(c.phone);
    });
    if (phones.has(file.walkIn.phone)) ctx.addIssue({ code: 'custom', path: ['walkIn', 'phone'], message: 'the walk-in must not be in the cache' });
    file.prizeWins.forEach((w, i) => {
      if (!phones.has(w.phone)) ctx.addIssue({ code: 'custom', path: ['prizeWins', i, 'phone'], message: `${w.phone} is not a demo customer` });
    });
  });
export type DemoCustomers = z.infer<typeof DemoCustomers>;

import { z } from 'zod';
import { EnrolmentOptions } from '../campaigns/options';
import { CampaignId } from '../campaigns/schema';
import { method } from '../contract/define';
import { CustomerId } from '../customers/contract';
import { SlipData } from '../slips/slip';
import { EnrolmentNo, EnrolmentView } from './views';

export const enrolmentRecordMethods = {
  'enrolment.create': method({
    summary:
      "Enrol a customer in a campaign. Eligibility is checked again against the database; if it fails the answer is NOT_ELIGIBLE with every reason in details.reasons and nothing is written. Otherwise one transaction writes the enrolment (campaign version, snapshot, options, benefits), the gift issued from stock, instalments, discount, bonus points lot, lent equipment by serial, follow-up tasks, referral credit, lottery chances, the trial, the slip, the outbox event and the audit entry. With campaignVersion, a campaign changed since the summary is refused (CONFLICT).",
    role: 'clerk',
    input: z
      .object({
        customerId: CustomerId,
        campaignId: CampaignId,
        campaignVersion: z.number().int().positive().optional(),
        options: EnrolmentOptions.default({}),
      })
      .strict(),
    output: z.object({ enrolment: EnrolmentView, enrolmentNo: z.string(), slipNo: z.string(), slip: SlipData }),
    errors: ['NOT_FOUND', 'NOT_ELIGIBLE', 'INSUFFICIENT_STOCK', 'CONFLICT'],
    example: {
      customerId: 1,
      campaignId: 'ZY2026-ITV-TRIAL',
      campaignVersion: 1,
      options: { equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000201'] }, oldModemSerial: 'MD-STD-5521' },
    },
  }),
  'enrolment.get': method({
    summary: 'One enrolment with its options, benefits as stored and, for a trial, the trial with its equipment and recovery.',
    role: 'clerk',
    input: z.object({ enrolmentNo: EnrolmentNo }).strict(),
    output: z.object({ enrolment: EnrolmentView }),
    errors: ['NOT_FOUND'],
    example: { enrolmentNo: 'ZY-HC-001-01-EN20261121-0001' },
  }),
  'enrolment.listForCustomer': method({
    summary: "A customer's enrolments at this counter, newest first.",
    role: 'clerk',
    input: z.object({ customerId: CustomerId, limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ enrolments: z.array(EnrolmentView) }),
    errors: ['NOT_FOUND'],
    example: { customerId: 1, limit: 20 },
  }),
};

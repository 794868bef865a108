import { z } from 'zod';

export const SlipKind = z.enum(['enrolment', 'redemption', 'prize', 'void', 'trial_cancel']);
export type SlipKind = z.infer<typeof SlipKind>;

/** A line of what changed hands: an item given, a payment or points taken. */
export const SlipLine = z.object({
  label: z.string(),
  labelEn: z.string().optional(),
  quantity: z.number().int().optional(),
  serial: z.string().optional(),
  valueFen: z.number().int().optional(),
  points: z.number().int().optional(),
});
export type SlipLine = z.infer<typeof SlipLine>;

export const SlipVoucher = z.object({
  name: z.string(),
  code: z.string(),
  qrPayload: z.string(),
  validUntil: z.string(),
});

/**
 * Everything a slip prints, frozen when the business commits: one renderer draws it at
 * 58 mm, 80 mm or A4. Customer identity is stored masked; full numbers never reach a slip.
 */
export const SlipData = z.object({
  slipNo: z.string(),
  kind: SlipKind,
  title: z.string(),
  titleEn: z.string().optional(),
  hall: z.object({ code: z.string(), name: z.string() }),
  counter: z.object({ code: z.string(), name: z.string() }),
  clerk: z.object({ staffNo: z.string(), name: z.string() }),
  issuedAt: z.string(),
  customer: z.object({ phoneMasked: z.string(), nameMasked: z.string() }).nullable(),
  given: z.array(SlipLine),
  taken: z.array(SlipLine),
  points: z.object({ before: z.number().int(), after: z.number().int() }).nullable(),
  schedule: z.array(z.object({ month: z.string(), amountFen: z.number().int() })).optional(),
  terms: z.array(z.string()),
  vouchers: z.array(SlipVoucher),
  /** Printed when the counter could not reach HQ: 待总部确认. */
  pendingHq: z.boolean(),
  /** On a VOID slip: the slip it reverses and why. */
  voids: z.object({ slipNo: z.string(), reason: z.string(), approvedBy: z.string() }).optional(),
});
export type SlipData = z.infer<typeof SlipData>;

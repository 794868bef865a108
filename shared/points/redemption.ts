import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { CatalogueCode, CatalogueKind } from './catalogue';

/** hall–counter–RDdate–sequence, e.g. ZY-HC-001-01-RD20261121-0003. */
export const RedemptionNo = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '兑换单号格式不对');

export const CartLine = z
  .object({
    catalogueCode: CatalogueCode,
    quantity: z.number().int().min(1).max(99),
  })
  .strict();
export type CartLine = z.infer<typeof CartLine>;

export const RedemptionStatus = z.enum(['completed', 'voided']);
export const ServiceStatus = z.enum(['pending_activation', 'activated', 'cancelled']);

export const IssuedVoucherView = z.object({
  code: z.string(),
  qrPayload: z.string(),
  validUntil: IsoDate,
  status: z.enum(['issued', 'revoked']),
});

export const RedemptionLineView = z.object({
  catalogueCode: z.string(),
  kind: CatalogueKind,
  name: z.string(),
  quantity: z.number().int().positive(),
  pointsEach: z.number().int().positive(),
  points: z.number().int().positive(),
  stockSku: z.string().nullable(),
  serviceStatus: ServiceStatus.nullable(),
  vouchers: z.array(IssuedVoucherView),
});

/** Which lots paid, oldest expiry first; a void gives the same points back to the same lots. */
export const LotTakenView = z.object({
  lotKey: z.string(),
  points: z.number().int().positive(),
  expiresOn: IsoDate,
});

export const RedemptionView = z.object({
  redemptionNo: z.string(),
  customerId: z.number().int().positive(),
  phoneMasked: z.string(),
  status: RedemptionStatus,
  /** Made while HQ was out of reach: printed 待总部确认 and counted against the offline limit. */
  pendingHq: z.boolean(),
  totalPoints: z.number().int().positive(),
  pointsBefore: z.number().int(),
  pointsAfter: z.number().int(),
  slipNo: z.string(),
  staffNo: z.string(),
  createdAt: z.string(),
  lines: z.array(RedemptionLineView),
  lots: z.array(LotTakenView),
  void: z
    .object({
      slipNo: z.string(),
      at: z.string(),
      by: z.string(),
      approvedBy: z.string(),
      reason: z.string(),
    })
    .nullable(),
});
export type RedemptionView = z.infer<typeof RedemptionView>;

import { z } from 'zod';
import { method } from '../contract/define';
import { isValidIdNumber } from './id-number';
import { BroadbandLine, Brand, Contract, IsoDate, Phone, RetentionLight, ValueSegment } from './snapshot';

export const CustomerId = z.number().int().positive();
export const IdNumber = z.string().trim().refine(isValidIdNumber, '身份证号码不正确，请核对18位号码及校验位');

/** What the counter shows of a customer. Phone numbers only masked; names in full (the clerk greets them). */
export const CustomerCard = z.object({
  customerId: CustomerId,
  phoneMasked: z.string(),
  name: z.string(),
  idLast4: z.string(),
  kind: z.enum(['existing', 'new']),
  brand: Brand,
  /** null: a walk-in registered at this counter who has not signed a plan yet. */
  planCode: z.string().nullable(),
  /** The plan's names in HQ's plan catalogue; null when the catalogue does not know the code (or there is no plan). */
  planName: z.string().nullable(),
  planNameEn: z.string().nullable(),
  /** Left the network (离网): campaigns for existing customers refuse them. */
  churned: z.boolean(),
  tenureStart: IsoDate,
  /** Completed years of tenure on today's date in Shanghai (the anniversary counts); 0 under a year. */
  tenureYears: z.number().int().nonnegative(),
  /** Completed months of tenure, for a customer under a year. */
  tenureMonths: z.number().int().nonnegative(),
  arpuFen: z.number().int(),
  monthlyMinutes: z.number().int(),
  valueSegment: ValueSegment,
  retentionLight: RetentionLight.nullable(),
  contract: Contract.nullable(),
  broadband: BroadbandLine.nullable(),
  points: z.object({
    available: z.number().int(),
    pendingDebits: z.number().int(),
    nearestExpiry: z.object({ on: IsoDate, points: z.number().int() }).nullable(),
  }),
  lastServedAt: z.string().nullable(),
  snapshotAt: z.string(),
});
export type CustomerCard = z.infer<typeof CustomerCard>;

export const PointsLotView = z.object({
  lotKey: z.string(),
  available: z.number().int(),
  earnedOn: IsoDate,
  expiresOn: IsoDate,
  source: z.enum(['hq', 'campaign']),
});

export const CustomerQuery = z.discriminatedUnion('by', [
  z.object({ by: z.literal('phone'), phone: Phone }).strict(),
  z.object({ by: z.literal('phoneLast4'), last4: z.string().regex(/^\d{4}$/, '请输入手机号后4位') }).strict(),
  z
    .object({
      by: z.literal('idLast4'),
      idLast4: z.string().regex(/^\d{3}[\dXx]$/, '请输入身份证后4位'),
      name: z.string().trim().min(1).max(40),
    })
    .strict(),
]);

export const customerMethods = {
  'customer.find': method({
    summary:
      'Find customers in the local cache by full phone number, by the last 4 digits among customers this hall served in the last 30 days, or by ID last 4 plus name.',
    role: 'clerk',
    input: CustomerQuery,
    output: z.object({ customers: z.array(CustomerCard) }),
    errors: [],
    example: { by: 'phone', phone: '13800001234' },
  }),
  'customer.get': method({
    summary: "One customer's card with available points.",
    role: 'clerk',
    input: z.object({ customerId: CustomerId }).strict(),
    output: z.object({ customer: CustomerCard }),
    errors: ['NOT_FOUND'],
    example: { customerId: 1 },
  }),
  'customer.points': method({
    summary: "A customer's unexpired points lots, oldest expiry first (the order they are spent in).",
    role: 'clerk',
    input: z.object({ customerId: CustomerId }).strict(),
    output: z.object({ available: z.number().int(), pendingDebits: z.number().int(), lots: z.array(PointsLotView) }),
    errors: ['NOT_FOUND'],
    example: { customerId: 1 },
  }),
  'customer.registerWalkIn': method({
    summary:
      'Register a walk-in who is not in the cache as a new customer joining at this counter. The ID number is kept only as a salted hash and its last 4 characters.',
    role: 'clerk',
    input: z
      .object({
        phone: Phone,
        name: z.string().trim().min(1).max(40),
        idNumber: IdNumber,
        birthday: IsoDate.optional(),
        broadband: BroadbandLine.optional(),
      })
      .strict(),
    output: z.object({ customer: CustomerCard }),
    errors: ['CONFLICT'],
    example: { phone: '13900005678', name: '赵雷', idNumber: '520302199001011230' },
  }),
};

import { z } from 'zod';
import { method } from '../contract/define';
import { CustomerId } from '../customers/contract';
import { SlipData } from '../slips/slip';
import { Approval } from '../staff/contract';
import { CatalogueCategory, CatalogueItemView, CatalogueKind } from './catalogue';
import { CartLine, RedemptionNo, RedemptionView } from './redemption';

export const pointsMallMethods = {
  'catalogue.list': method({
    summary:
      'The points-mall items on offer today (Asia/Shanghai) with their price, per-customer limit and what can be redeemed now: a gift’s on-hand stock (display units excluded), the voucher codes left at this counter; services are always available. Optional search text, category and kind filters; with a customer, how many more of each this customer may take.',
    role: 'clerk',
    input: z
      .object({
        search: z.string().trim().max(40).optional(),
        category: CatalogueCategory.optional(),
        kind: CatalogueKind.optional(),
        customerId: CustomerId.optional(),
      })
      .strict(),
    output: z.object({ items: z.array(CatalogueItemView) }),
    errors: ['NOT_FOUND'],
    example: { search: '保温杯', category: 'daily', kind: 'gift', customerId: 1 },
  }),
  'redemption.create': method({
    summary:
      'Redeem points for a cart of catalogue items in one transaction: points taken from the oldest unexpired lots, gifts issued from stock, voucher codes drawn from this counter’s blocks, services queued for activation, a slip printed. When HQ has been out of reach for more than 3 sync intervals, the HQ-set offline limit applies and the slip says 待总部确认.',
    role: 'clerk',
    input: z
      .object({
        customerId: CustomerId,
        lines: z.array(CartLine).min(1, '请至少选择一件兑换商品').max(20),
      })
      .strict(),
    output: z.object({
      redemption: RedemptionView,
      slipNo: z.string(),
      slip: SlipData,
      pointsAfter: z.number().int(),
    }),
    errors: ['NOT_FOUND', 'NOT_ELIGIBLE', 'INSUFFICIENT_POINTS', 'INSUFFICIENT_STOCK', 'LIMIT_EXCEEDED', 'CONFLICT'],
    example: {
      customerId: 1,
      lines: [
        { catalogueCode: 'JF-THERMOS', quantity: 1 },
        { catalogueCode: 'V12580-C', quantity: 2 },
      ],
    },
  }),
  'redemption.get': method({
    summary: 'One redemption with its lines, issued voucher codes, the lots it was paid from and its void, if any.',
    role: 'clerk',
    input: z.object({ redemptionNo: RedemptionNo }).strict(),
    output: z.object({ redemption: RedemptionView }),
    errors: ['NOT_FOUND'],
    example: { redemptionNo: 'ZY-HC-001-01-RD20261121-0001' },
  }),
  'redemption.listForCustomer': method({
    summary: "A customer's redemptions at this counter, newest first.",
    role: 'clerk',
    input: z.object({ customerId: CustomerId, limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ redemptions: z.array(RedemptionView) }),
    errors: ['NOT_FOUND'],
    example: { customerId: 1, limit: 20 },
  }),
  'redemption.void': method({
    summary:
      'Void a redemption (manager, or a clerk with a manager’s approval): points back to the same lots they came from, gifts back to stock, voucher codes revoked, services cancelled, a VOID slip printed. Points returned to a lot that has expired since stay expired.',
    role: 'clerk',
    approval: 'manager',
    input: z
      .object({
        redemptionNo: RedemptionNo,
        reason: z.string().trim().min(2, '请填写作废原因').max(200),
        approval: Approval.optional(),
      })
      .strict(),
    output: z.object({
      redemption: RedemptionView,
      voidSlipNo: z.string(),
      slip: SlipData,
      pointsAfter: z.number().int(),
      /** Points given back to lots that expired since the redemption: restored but no longer spendable. */
      expiredPointsRestored: z.number().int().nonnegative(),
    }),
    errors: ['NOT_FOUND', 'CONFLICT', 'WRONG_PIN', 'ACCOUNT_LOCKED'],
    example: { redemptionNo: 'ZY-HC-001-01-RD20261121-0001', reason: '客户改选其他礼品', approval: { staffNo: '8001', pin: '800800' } },
  }),
};

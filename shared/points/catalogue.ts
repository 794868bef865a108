import { z } from 'zod';
import { IsoDate } from '../calendar/dates';

/** Seed 001's three kinds of reward: 实物礼品 / 商家联盟 (12580 e-vouchers) / 自有业务. */
export const CatalogueKind = z.enum(['gift', 'voucher', 'service']);
export type CatalogueKind = z.infer<typeof CatalogueKind>;

/** HQ's item code; upper case so a scanned or typed code matches whatever the keyboard's caps state. */
export const CatalogueCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, '商品编码为1-32位字母、数字或连字符');

/** A category slug from HQ (e.g. `daily`, `digital`, `voucher`, `data`); the UI translates known ones. */
export const CatalogueCategory = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, '分类编码为小写字母、数字');

/**
 * Why an item in the cart cannot be redeemed today: the NOT_ELIGIBLE reason codes of the
 * points mall (shared/contract/refusals.ts), with values {catalogueCode, validFrom, validTo}.
 */
export const CatalogueRefusalCode = z.enum(['CATALOGUE_WITHDRAWN', 'CATALOGUE_NOT_YET_VALID', 'CATALOGUE_EXPIRED']);
export type CatalogueRefusalCode = z.infer<typeof CatalogueRefusalCode>;

const ItemBase = z.object({
  code: CatalogueCode,
  name: z.string().min(1).max(60),
  nameEn: z.string().min(1).max(80).optional(),
  category: CatalogueCategory,
  pointsPrice: z.number().int().positive().max(10_000_000),
  /** Units one customer may take over the item's validity window; absent = no limit. */
  perCustomerLimit: z.number().int().positive().optional(),
  validFrom: IsoDate,
  validTo: IsoDate,
  active: z.boolean().default(true),
  version: z.number().int().positive(),
});

/** One catalogue item as HQ publishes it (and as resources/demo/catalogue.json holds it). */
export const CatalogueEntry = z
  .discriminatedUnion('kind', [
    ItemBase.extend({ kind: z.literal('gift'), stockSku: z.string().min(1) }).strict(),
    ItemBase.extend({
      kind: z.literal('voucher'),
      voucherTier: z.string().regex(/^[A-Z]$/),
      faceValueFen: z.number().int().positive(),
    }).strict(),
    ItemBase.extend({ kind: z.literal('service'), serviceCode: z.string().min(1).max(32) }).strict(),
  ])
  .refine((item) => item.validFrom <= item.validTo, { message: '兑换期的开始日不能晚于结束日', path: ['validTo'] });
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

/**
 * A block of voucher codes HQ reserves for one counter: the counter hands them out
 * offline without asking anyone, and no other counter holds the same codes.
 */
export const VoucherBlock = z
  .object({
    blockId: z.string().min(1).max(40),
    counterCode: z.string().min(1).max(8),
    catalogueCode: CatalogueCode,
    validUntil: IsoDate,
    codes: z
      .array(z.object({ code: z.string().regex(/^[A-Z0-9]{6,32}$/), qrPayload: z.string().min(1).max(512) }).strict())
      .min(1),
  })
  .strict();
export type VoucherBlock = z.infer<typeof VoucherBlock>;

export const CatalogueFile = z
  .object({
    items: z.array(CatalogueEntry).min(1),
    voucherBlocks: z.array(VoucherBlock),
  })
  .strict()
  .superRefine((file, issue) => {
    const codes = new Set(file.items.map((i) => i.code));
    if (codes.size !== file.items.length) issue.addIssue({ code: 'custom', message: 'duplicate catalogue code', path: ['items'] });
    const vouchers = new Set(file.items.filter((i) => i.kind === 'voucher').map((i) => i.code));
    file.voucherBlocks.forEach((b, i) => {
      if (!vouchers.has(b.catalogueCode)) issue.addIssue({ code: 'custom', message: `block for a non-voucher item ${b.catalogueCode}`, path: ['voucherBlocks', i] });
    });
    const all = file.voucherBlocks.flatMap((b) => b.codes.map((c) => c.code));
    if (new Set(all).size !== all.length) issue.addIssue({ code: 'custom', message: 'a voucher code appears twice', path: ['voucherBlocks'] });
  });
export type CatalogueFile = z.infer<typeof CatalogueFile>;

/** What the counter shows of an item on offer today. */
export const CatalogueItemView = z.object({
  code: z.string(),
  kind: CatalogueKind,
  name: z.string(),
  nameEn: z.string().nullable(),
  category: z.string(),
  pointsPrice: z.number().int().positive(),
  perCustomerLimit: z.number().int().positive().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate,
  stockSku: z.string().nullable(),
  voucherTier: z.string().nullable(),
  faceValueFen: z.number().int().nullable(),
  serviceCode: z.string().nullable(),
  /**
   * Units that can be redeemed now: a gift's on-hand stock (display units excluded), a
   * voucher's codes left in this counter's blocks; null for a service (always available).
   */
  available: z.number().int().nonnegative().nullable(),
  /** Units on show in the hall (展示样品): they cannot be redeemed. */
  onDisplay: z.number().int().nonnegative(),
  /** When a customer was named: how many more this customer may take (null = no limit). */
  customerLimitLeft: z.number().int().nonnegative().nullable(),
});
export type CatalogueItemView = z.infer<typeof CatalogueItemView>;

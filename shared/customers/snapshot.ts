import { z } from 'zod';

/** `YYYY-MM-DD`, an Asia/Shanghai calendar date. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const Fen = z.number().int();
export const Points = z.number().int();

/** Mainland mobile number, 11 digits. Shown masked everywhere but the field that needs it. */
export const Phone = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号码');

export const Brand = z.enum(['premium', 'standard']); // 全球通 vs the other brands
export const ValueSegment = z.enum(['high', 'valuable', 'low', 'negative']);
export const RetentionLight = z.enum(['green', 'yellow', 'red', 'black']);
export type RetentionLight = z.infer<typeof RetentionLight>;

export const Contract = z.object({
  kind: z.enum(['deposit_bonus', 'deposit_phone']), // 存费赠费 / 存费赠机
  start: IsoDate,
  end: IsoDate,
  amountFen: Fen.nonnegative(), // what the customer committed to spend
  spentFen: Fen.nonnegative(), // cumulative spend so far
  remainingFen: Fen.nonnegative(), // committed amount not yet spent
});
export type Contract = z.infer<typeof Contract>;

export const BroadbandLine = z.object({
  itvCapable: z.boolean(), // the line can carry iTV
  hasItv: z.boolean(),
  communityUpgraded: z.boolean(), // 宽带提速小区
  productKind: z.enum(['brand_bundle', 'yearly', 'single_monthly']), // 品牌套餐 / 包年 / 单产品包月
  planCode: z.string(), // e.g. e8-68, e9-139
  newInstall: z.boolean(), // 新装电信宽带
});
export type BroadbandLine = z.infer<typeof BroadbandLine>;

/**
 * The plan code of a walk-in registered at this counter who has signed no plan yet. The
 * snapshot keeps a code (HQ's schema and every stored snapshot have one); the customer
 * card turns it into `planCode: null`, so no screen has to know this string.
 */
export const NO_PLAN = 'NONE';

export const PointsLotSnapshot = z.object({
  lotId: z.string().min(1), // HQ's id of the lot
  remaining: Points.nonnegative(), // HQ's balance of this lot
  earnedOn: IsoDate,
  expiresOn: IsoDate,
});
export type PointsLotSnapshot = z.infer<typeof PointsLotSnapshot>;

/**
 * What the counter knows of a customer: HQ's snapshot (or, for a walk-in enrolled as a
 * new customer, what the counter collected). The ID number is never kept: only a
 * salted hash to check identity and its last four characters to find the customer.
 */
export const CustomerSnapshot = z.object({
  phone: Phone,
  name: z.string().min(1).max(40),
  idHash: z.string().regex(/^[0-9a-f]{64}$/),
  idLast4: z.string().regex(/^[0-9]{3}[0-9Xx]$/),
  kind: z.enum(['existing', 'new']), // 'new': a walk-in who joins the network at this counter
  brand: Brand,
  planCode: z.string().min(1), // NO_PLAN for a walk-in who has not signed one
  planTier: z.number().int().nonnegative(), // rank in the plan catalogue; higher is a bigger plan
  tenureStart: IsoDate,
  arpuFen: Fen.nonnegative(), // 3-month average
  monthlyMinutes: z.number().int().nonnegative(),
  contract: Contract.nullable(),
  broadband: BroadbandLine.nullable(),
  birthday: IsoDate.nullable(),
  valueSegment: ValueSegment,
  retentionBase: z.boolean(), // in the photographed base of high-value stable customers (亮灯管理)
  churned: z.boolean(),
  pointsLots: z.array(PointsLotSnapshot),
  snapshotVersion: z.number().int().nonnegative(),
  snapshotAt: z.iso.datetime({ offset: true }),
});
export type CustomerSnapshot = z.infer<typeof CustomerSnapshot>;

/** Seed 001: a high-value stable customer has ARPU ≥ ¥120 and ≥ 100 calling minutes a month. */
export const STABLE_ARPU_FEN = 12_000;
export const STABLE_MINUTES = 100;

/**
 * 亮灯管理: black = lost; green = still meets both thresholds; yellow = misses one;
 * red = misses both. Customers outside the photographed base carry no light.
 */
export function retentionLight(c: Pick<CustomerSnapshot, 'retentionBase' | 'churned' | 'arpuFen' | 'monthlyMinutes'>): RetentionLight | null {
  if (!c.retentionBase) return null;
  if (c.churned) return 'black';
  const misses = Number(c.arpuFen < STABLE_ARPU_FEN) + Number(c.monthlyMinutes < STABLE_MINUTES);
  return misses === 0 ? 'green' : misses === 1 ? 'yellow' : 'red';
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

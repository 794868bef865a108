import { z } from 'zod';

/**
 * Why a customer cannot join a campaign. Codes are stable (the UI and reports key on
 * them, tests assert them): never rename one, add a new one. The category tells the
 * counter where the fix lies: the campaign itself, a limit, something the clerk still
 * has to enter, the customer, or hall stock.
 */
export const reasonCategories = {
  CAMPAIGN_NOT_STARTED: 'campaign',
  CAMPAIGN_ENDED: 'campaign',
  HALL_NOT_TARGETED: 'campaign',
  BONUS_POINTS_EXPIRED: 'campaign',

  PER_CUSTOMER_LIMIT_REACHED: 'limit',
  PER_PERIOD_LIMIT_REACHED: 'limit',
  QUOTA_EXHAUSTED: 'limit',
  EXCLUSIVE_CAMPAIGN_ACTIVE: 'limit',

  OPTION_MISSING: 'option',
  OPTION_INVALID: 'option',
  PLAN_UNKNOWN: 'option',
  CHOSEN_PLAN_NOT_ALLOWED: 'option',
  CHOSEN_PLAN_NOT_HIGHER: 'option',
  CHOSEN_PLAN_NO_POINTS: 'option',
  PREPAY_TOO_LOW: 'option',
  PREPAY_BELOW_LOWEST_TIER: 'option',
  SPEND_TOO_LOW: 'option',
  SPEND_BELOW_LOWEST_TIER: 'option',
  LOTTERY_NO_CHANCE: 'option',

  CUSTOMER_KIND_MISMATCH: 'customer',
  CUSTOMER_CHURNED: 'customer',
  BRAND_NOT_ALLOWED: 'customer',
  TENURE_TOO_SHORT: 'customer',
  TENURE_TOO_LONG: 'customer',
  NO_TENURE_TIER: 'customer',
  ARPU_TOO_LOW: 'customer',
  MINUTES_TOO_LOW: 'customer',
  CURRENT_PLAN_NOT_ALLOWED: 'customer',
  CURRENT_PLAN_EXCLUDED: 'customer',
  VALUE_SEGMENT_NOT_ALLOWED: 'customer',
  RETENTION_LIGHT_NOT_ALLOWED: 'customer',
  NO_CONTRACT: 'customer',
  CONTRACT_KIND_NOT_ALLOWED: 'customer',
  CONTRACT_END_OUT_OF_RANGE: 'customer',
  CONTRACT_NOT_OVERSPENT: 'customer',
  NO_BONUS_BRANCH: 'customer',
  BONUS_ZERO: 'customer',
  NO_BROADBAND: 'customer',
  BROADBAND_NOT_ITV_CAPABLE: 'customer',
  BROADBAND_HAS_ITV: 'customer',
  BROADBAND_COMMUNITY_NOT_UPGRADED: 'customer',
  BROADBAND_INSTALL_MISMATCH: 'customer',
  BROADBAND_PRODUCT_NOT_ALLOWED: 'customer',
  BROADBAND_PLAN_TOO_LOW: 'customer',
  BROADBAND_PLAN_EXCLUDED: 'customer',
  BROADBAND_PLAN_UNKNOWN: 'customer',
  REFERRER_IS_CUSTOMER: 'customer',
  REFERRER_NOT_FOUND: 'customer',
  REFERRER_NOT_EXISTING: 'customer',
  REFERRER_CHURNED: 'customer',
  REFERRER_TENURE_TOO_SHORT: 'customer',
  NONE_OF_ALTERNATIVES: 'customer',

  GIFT_OUT_OF_STOCK: 'stock',
  EQUIPMENT_OUT_OF_STOCK: 'stock',
  SERIAL_NOT_ON_HAND: 'stock',
} as const;

export type ReasonCode = keyof typeof reasonCategories;
export const reasonCodes = Object.keys(reasonCategories) as [ReasonCode, ...ReasonCode[]];
export const ReasonCode = z.enum(reasonCodes);
export const ReasonCategory = z.enum(['campaign', 'limit', 'option', 'customer', 'stock']);
export type ReasonCategory = z.infer<typeof ReasonCategory>;

const JsonValue = z.json();
export type JsonValue = z.infer<typeof JsonValue>;

export interface Reason {
  code: ReasonCode;
  category: ReasonCategory;
  /** Plain Chinese for the clerk: what is wrong and, where possible, what to do. */
  text: string;
  /** Machine-readable: what the rule wanted and what it found (fen, dates, codes…). */
  values: { expected: JsonValue; actual: JsonValue };
  /** For NONE_OF_ALTERNATIVES and NO_BONUS_BRANCH: why each alternative failed. */
  alternatives?: Reason[][] | undefined;
}

export const Reason: z.ZodType<Reason> = z
  .object({
    code: ReasonCode,
    category: ReasonCategory,
    text: z.string().min(1),
    values: z.object({ expected: JsonValue, actual: JsonValue }).strict(),
    get alternatives(): z.ZodOptional<z.ZodArray<z.ZodArray<z.ZodType<Reason>>>> {
      return z.array(z.array(Reason)).optional();
    },
  })
  .strict();

export function reason(code: ReasonCode, text: string, expected: JsonValue, actual: JsonValue, hint?: string): Reason {
  return { code, category: reasonCategories[code], text: hint ? `${text}${hint}` : text, values: { expected, actual } };
}

/** Two refusals are the same when code and values are: the text may differ in wording. */
export const reasonKey = (r: Reason): string => `${r.code}|${JSON.stringify(r.values)}`;

/** The same refusal reached twice (two rules both need a broadband line) is said once. */
export function dedupeReasons(reasons: readonly Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = reasonKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

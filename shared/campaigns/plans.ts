import { z } from 'zod';
import { Brand } from '../customers/snapshot';
import { Fen } from '../money/fen';

export const PlanCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, '套餐编码为字母、数字和连字符');

/** Broadband plans are compared by family and level: "e8-68 / e9-79 and above". */
export const BroadbandFamily = z.string().regex(/^[a-z][a-z0-9]*$/, '宽带套餐系列如 e8、e9');
export const BroadbandLevel = z.object({ family: BroadbandFamily, level: z.number().int().positive() }).strict();
export type BroadbandLevel = z.infer<typeof BroadbandLevel>;

const PlanBase = {
  code: PlanCode,
  name: z.string().min(1), // zh, as printed on slips
  nameEn: z.string().min(1).optional(),
  tier: z.number().int().nonnegative(), // rank within its category; higher is a bigger plan
  monthlyFeeFen: Fen.nonnegative(),
};

export const MobilePlan = z.object({ category: z.literal('mobile'), ...PlanBase, brand: Brand }).strict();
export const BroadbandPlan = z
  .object({
    category: z.literal('broadband'),
    ...PlanBase,
    family: BroadbandFamily,
    level: z.number().int().positive(),
    includesItv: z.boolean(), // e9-139 and above bundle iTV: such lines cannot take the iTV trial
  })
  .strict();
export const Plan = z.discriminatedUnion('category', [MobilePlan, BroadbandPlan]);
export type Plan = z.infer<typeof Plan>;
export type MobilePlan = z.infer<typeof MobilePlan>;
export type BroadbandPlan = z.infer<typeof BroadbandPlan>;

/** The plan catalogue HQ publishes (resources/demo/plans.json in the demo). Codes are unique. */
export const PlanCatalogue = z
  .object({ version: z.number().int().positive(), plans: z.array(Plan).min(1) })
  .strict()
  .superRefine((cat, ctx) => {
    const seen = new Set<string>();
    cat.plans.forEach((p, i) => {
      if (seen.has(p.code)) ctx.addIssue({ code: 'custom', path: ['plans', i, 'code'], message: `plan ${p.code} is listed twice` });
      seen.add(p.code);
    });
  });
export type PlanCatalogue = z.infer<typeof PlanCatalogue>;

export function findPlan(plans: readonly Plan[], code: string | undefined): Plan | undefined {
  return code === undefined ? undefined : plans.find((p) => p.code === code);
}

/** Does a broadband plan reach any of the thresholds (same family, level at or above)? */
export function reachesLevel(plan: Pick<BroadbandPlan, 'family' | 'level'>, thresholds: readonly BroadbandLevel[]): BroadbandLevel | undefined {
  return thresholds.find((t) => t.family === plan.family && plan.level >= t.level);
}

export const levelLabel = (l: BroadbandLevel): string => `${l.family}-${l.level}`;

import { addMonths, addMonthsToMonth, fullYearsBetween, monthOf } from '../../calendar/dates';
import { percentOf } from '../../money/fen';
import type { BenefitSpecOf } from '../benefit-schema';
import { missingOption, planOf, yuan, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { BenefitOf } from '../result';

type Outcome<T> = { benefit?: T; reasons: Reason[] };

function discountPercent(spec: BenefitSpecOf<'discount'>, env: EvaluationEnv): number | Reason {
  if (spec.rate.by === 'fixed') return spec.rate.percent;
  const years = fullYearsBetween(env.customer.tenureStart, env.today);
  const tier = spec.rate.tiers.filter((t) => years >= t.minYears).at(-1);
  if (tier) return tier.percent;
  const lowest = spec.rate.tiers[0]?.minYears ?? 0;
  const from = addMonths(env.customer.tenureStart, lowest * 12);
  return reason('NO_TENURE_TIER', `网龄${years}年（${env.customer.tenureStart}入网），未达到最低折扣档：网龄满${lowest}年，${from}起可办理。`, lowest, years);
}

/**
 * A discount from the month `startOffsetMonths` after this one. `until: campaign_end`
 * runs to the campaign's last month, and never ends before it starts: a customer who
 * joins in the last month still gets the first discounted month.
 */
export function discount(spec: BenefitSpecOf<'discount'>, env: EvaluationEnv): Outcome<BenefitOf<'discount'>> {
  const percent = discountPercent(spec, env);
  if (typeof percent !== 'number') return { reasons: [percent] };
  const fromMonth = addMonthsToMonth(monthOf(env.today), spec.startOffsetMonths);
  let toMonth: string | null = null;
  if ('months' in spec.duration) toMonth = addMonthsToMonth(fromMonth, spec.duration.months - 1);
  else if (spec.duration.until === 'campaign_end') {
    const last = monthOf(env.campaign.validTo);
    toMonth = last < fromMonth ? fromMonth : last;
  }
  const base = { type: 'discount' as const, target: spec.target, percent, fromMonth, toMonth };
  if (spec.target === 'voice') return { reasons: [], benefit: { ...base, planCode: null, baseFeeFen: null, discountedFeeFen: null } };
  // The plan fee discounted is that of the plan the customer moves to, else the current one.
  const planCode = env.options.chosenPlanCode ?? env.customer.planCode;
  const plan = planOf(env, planCode);
  if (!plan) return { reasons: [reason('PLAN_UNKNOWN', `套餐目录中没有套餐 ${planCode}，无法计算折后月费，请同步套餐目录。`, 'known plan', planCode)] };
  return {
    reasons: [],
    benefit: { ...base, planCode, baseFeeFen: plan.monthlyFeeFen, discountedFeeFen: percentOf(plan.monthlyFeeFen, percent) },
  };
}

/** 满减: the highest tier the spend reaches. */
export function spendDeduction(spec: BenefitSpecOf<'spend_deduction'>, env: EvaluationEnv): Outcome<BenefitOf<'spend_deduction'>> {
  const spend = env.options.spendFen;
  if (spend === undefined) return { reasons: [missingOption(env, 'spendFen')] };
  const tier = spec.tiers.filter((t) => spend >= t.minSpendFen).at(-1);
  if (!tier) {
    const lowest = spec.tiers[0];
    const lowestFen = lowest?.minSpendFen ?? 0;
    return {
      reasons: [
        reason(
          'SPEND_BELOW_LOWEST_TIER',
          `消费${yuan(spend)}未达到最低档（满${yuan(lowestFen)}减${yuan(lowest?.deductionFen ?? 0)}），还差${yuan(lowestFen - spend)}。`,
          lowestFen,
          spend,
        ),
      ],
    };
  }
  return { reasons: [], benefit: { type: 'spend_deduction', spendFen: spend, tierThresholdFen: tier.minSpendFen, deductionFen: tier.deductionFen } };
}

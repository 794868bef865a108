import type { BenefitSpecOf } from '../benefit-schema';
import { missingOption, planLabel, yuan, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { BenefitOf } from '../result';

type Outcome<T> = { benefit?: T; reasons: Reason[] };

/** One-time bonus points (升舱计划), fixed or by the plan chosen, valid until a set date. */
export function bonusPoints(spec: BenefitSpecOf<'bonus_points'>, env: EvaluationEnv): Outcome<BenefitOf<'bonus_points'>> {
  const reasons: Reason[] = [];
  if (spec.expiresOn < env.today)
    reasons.push(reason('BONUS_POINTS_EXPIRED', `本活动奖励积分的有效期已于${spec.expiresOn}截止，不能再发放。`, spec.expiresOn, env.today));
  let points: number | undefined;
  if (spec.points.by === 'fixed') points = spec.points.points;
  else {
    const chosen = env.options.chosenPlanCode;
    if (chosen === undefined) reasons.push(missingOption(env, 'chosenPlanCode'));
    else {
      const table = spec.points.table;
      points = table.find((row) => row.planCode === chosen)?.points;
      if (points === undefined)
        reasons.push(
          reason(
            'CHOSEN_PLAN_NO_POINTS',
            `所选${planLabel(env, chosen)}没有积分奖励，可获积分的套餐为：${table.map((row) => `${planLabel(env, row.planCode)}（${row.points}分）`).join('、')}。`,
            table.map((row) => row.planCode),
            chosen,
          ),
        );
    }
  }
  if (reasons.length > 0 || points === undefined) return { reasons };
  return { reasons, benefit: { type: 'bonus_points', points, expiresOn: spec.expiresOn } };
}

/** Draw chances for business done at the counter; the draw itself happens at HQ. */
export function lotteryChances(spec: BenefitSpecOf<'lottery_chances'>, env: EvaluationEnv): Outcome<BenefitOf<'lottery_chances'>> {
  let count: number;
  if (spec.chances.by === 'fixed') count = spec.chances.count;
  else {
    const spend = env.options.spendFen;
    if (spend === undefined) return { reasons: [missingOption(env, 'spendFen')] };
    count = Math.min(spec.chances.max, Math.floor(spend / spec.chances.perFen));
    if (count === 0)
      return {
        reasons: [
          reason('LOTTERY_NO_CHANCE', `本次消费${yuan(spend)}，每满${yuan(spec.chances.perFen)}获得1次抽奖机会，尚未达到。`, spec.chances.perFen, spend),
        ],
      };
  }
  return { reasons: [], benefit: { type: 'lottery_chances', count, claimWithinWorkingDays: spec.claimWithinWorkingDays } };
}

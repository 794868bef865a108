import { missingOption, planLabel, planOf, yuan, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { RuleOf } from '../rule-schema';

export type OptionRule = RuleOf<'chosen_plan_in' | 'chosen_plan_tier_above_current' | 'prepay_at_least' | 'spend_at_least'>;

/** Rules on what the clerk chose or entered: a missing entry is asked for, never guessed. */
export function checkOptionRule(rule: OptionRule, env: EvaluationEnv): Reason[] {
  const { options, customer } = env;
  switch (rule.rule) {
    case 'chosen_plan_in': {
      const chosen = options.chosenPlanCode;
      if (chosen === undefined) return [missingOption(env, 'chosenPlanCode')];
      return rule.planCodes.includes(chosen)
        ? []
        : [
            reason(
              'CHOSEN_PLAN_NOT_ALLOWED',
              `${planLabel(env, chosen)}不是本活动的指定套餐，请从以下套餐中选择：${rule.planCodes.map((p) => planLabel(env, p)).join('、')}。`,
              rule.planCodes,
              chosen,
              rule.hint,
            ),
          ];
    }
    case 'chosen_plan_tier_above_current': {
      const chosen = options.chosenPlanCode;
      if (chosen === undefined) return [missingOption(env, 'chosenPlanCode')];
      const plan = planOf(env, chosen);
      if (!plan) return [reason('PLAN_UNKNOWN', `套餐目录中没有套餐 ${chosen}，请重新选择或同步套餐目录。`, 'known plan', chosen, rule.hint)];
      return plan.tier > customer.planTier
        ? []
        : [
            reason(
              'CHOSEN_PLAN_NOT_HIGHER',
              `所选${planLabel(env, chosen)}（第${plan.tier}档）不高于客户现用${planLabel(env, customer.planCode)}（第${customer.planTier}档），请选择更高档次的套餐。`,
              customer.planTier + 1,
              plan.tier,
              rule.hint,
            ),
          ];
    }
    case 'prepay_at_least': {
      const prepay = options.prepayFen;
      if (prepay === undefined) return [missingOption(env, 'prepayFen')];
      return prepay >= rule.fen
        ? []
        : [reason('PREPAY_TOO_LOW', `预存金额${yuan(prepay)}不足，本活动至少预存${yuan(rule.fen)}。`, rule.fen, prepay, rule.hint)];
    }
    case 'spend_at_least': {
      const spend = options.spendFen;
      if (spend === undefined) return [missingOption(env, 'spendFen')];
      return spend >= rule.fen
        ? []
        : [reason('SPEND_TOO_LOW', `消费金额${yuan(spend)}不足，本活动要求消费满${yuan(rule.fen)}。`, rule.fen, spend, rule.hint)];
    }
  }
}

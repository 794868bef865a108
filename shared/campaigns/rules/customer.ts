import { addMonths, fullMonthsBetween } from '../../calendar/dates';
import { retentionLight } from '../../customers/snapshot';
import { brandLabels, customerKindLabels, planLabel, yuan, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { RuleOf } from '../rule-schema';

type CustomerRuleName =
  | 'customer_kind'
  | 'not_churned'
  | 'brand_in'
  | 'tenure'
  | 'arpu_at_least'
  | 'minutes_at_least'
  | 'current_plan_in'
  | 'current_plan_not_in'
  | 'value_segment_in'
  | 'retention_light_in';
export type CustomerRule = RuleOf<CustomerRuleName>;

const segmentLabels = { high: '高价值', valuable: '有价值', low: '次价值', negative: '负价值' } as const;
const lightLabels = { green: '绿灯', yellow: '黄灯', red: '红灯', black: '黑灯' } as const;

/** Tenure in the rule's unit, and the day the customer reaches `amount` of it. */
function tenure(env: EvaluationEnv, unit: 'years' | 'months'): number {
  const months = fullMonthsBetween(env.customer.tenureStart, env.today);
  return unit === 'years' ? Math.floor(months / 12) : months;
}
const unitLabel = (n: number, unit: 'years' | 'months') => (unit === 'years' ? `${n}年` : `${n}个月`);
const reachedOn = (env: EvaluationEnv, n: number, unit: 'years' | 'months') =>
  addMonths(env.customer.tenureStart, unit === 'years' ? n * 12 : n);

export function checkCustomerRule(rule: CustomerRule, env: EvaluationEnv): Reason[] {
  const c = env.customer;
  switch (rule.rule) {
    case 'customer_kind':
      return c.kind === rule.kind
        ? []
        : [reason('CUSTOMER_KIND_MISMATCH', `本活动仅限${customerKindLabels[rule.kind]}办理，该客户是${customerKindLabels[c.kind]}。`, rule.kind, c.kind, rule.hint)];
    case 'not_churned':
      return c.churned ? [reason('CUSTOMER_CHURNED', '该号码已离网，不能办理本活动。', false, true, rule.hint)] : [];
    case 'brand_in':
      return rule.brands.includes(c.brand)
        ? []
        : [
            reason(
              'BRAND_NOT_ALLOWED',
              `本活动仅限${rule.brands.map((b) => brandLabels[b]).join('、')}客户，该客户为${brandLabels[c.brand]}。`,
              rule.brands,
              c.brand,
              rule.hint,
            ),
          ];
    case 'tenure': {
      const have = tenure(env, rule.unit);
      const out: Reason[] = [];
      if (rule.min !== undefined && have < rule.min)
        out.push(
          reason(
            'TENURE_TOO_SHORT',
            `网龄不足：本活动要求网龄满${unitLabel(rule.min, rule.unit)}，该客户${c.tenureStart}入网，网龄${unitLabel(have, rule.unit)}；${reachedOn(env, rule.min, rule.unit)}起满足。`,
            rule.min,
            have,
            rule.hint,
          ),
        );
      if (rule.below !== undefined && have >= rule.below)
        out.push(
          reason('TENURE_TOO_LONG', `本档要求网龄不满${unitLabel(rule.below, rule.unit)}，该客户网龄已${unitLabel(have, rule.unit)}。`, rule.below, have, rule.hint),
        );
      return out;
    }
    case 'arpu_at_least':
      return c.arpuFen >= rule.fen
        ? []
        : [reason('ARPU_TOO_LOW', `月均消费（ARPU）${yuan(c.arpuFen)}，低于本活动要求的${yuan(rule.fen)}。`, rule.fen, c.arpuFen, rule.hint)];
    case 'minutes_at_least':
      return c.monthlyMinutes >= rule.minutes
        ? []
        : [
            reason(
              'MINUTES_TOO_LOW',
              `月均主叫通话${c.monthlyMinutes}分钟，低于本活动要求的${rule.minutes}分钟。`,
              rule.minutes,
              c.monthlyMinutes,
              rule.hint,
            ),
          ];
    case 'current_plan_in':
      return rule.planCodes.includes(c.planCode)
        ? []
        : [
            reason(
              'CURRENT_PLAN_NOT_ALLOWED',
              `本活动仅限现用${rule.planCodes.map((p) => planLabel(env, p)).join('、')}的客户，该客户现用${planLabel(env, c.planCode)}。`,
              rule.planCodes,
              c.planCode,
              rule.hint,
            ),
          ];
    case 'current_plan_not_in':
      return rule.planCodes.includes(c.planCode)
        ? [reason('CURRENT_PLAN_EXCLUDED', `现用套餐${planLabel(env, c.planCode)}不能参加本活动。`, rule.planCodes, c.planCode, rule.hint)]
        : [];
    case 'value_segment_in':
      return rule.segments.includes(c.valueSegment)
        ? []
        : [
            reason(
              'VALUE_SEGMENT_NOT_ALLOWED',
              `本活动面向${rule.segments.map((s) => segmentLabels[s]).join('、')}客户，该客户为${segmentLabels[c.valueSegment]}客户。`,
              rule.segments,
              c.valueSegment,
              rule.hint,
            ),
          ];
    case 'retention_light_in': {
      const light = retentionLight(c);
      return light !== null && rule.lights.includes(light)
        ? []
        : [
            reason(
              'RETENTION_LIGHT_NOT_ALLOWED',
              `本活动面向亮灯状态为${rule.lights.map((l) => lightLabels[l]).join('、')}的客户，该客户${light ? `为${lightLabels[light]}` : '不在亮灯管理范围内'}。`,
              rule.lights,
              light,
              rule.hint,
            ),
          ];
    }
  }
}

import { planOf, type EvaluationEnv } from '../env';
import { levelLabel, reachesLevel } from '../plans';
import { reason, type Reason } from '../reasons';
import type { RuleOf } from '../rule-schema';

export type BroadbandRule = RuleOf<
  | 'broadband_present'
  | 'broadband_itv_capable'
  | 'broadband_without_itv'
  | 'broadband_community_upgraded'
  | 'broadband_install'
  | 'broadband_product_kind_in'
  | 'broadband_plan_at_least'
  | 'broadband_plan_below'
>;

const productKindLabels = { brand_bundle: '品牌套餐宽带', yearly: '包年宽带', single_monthly: '单产品包月宽带' } as const;

export function checkBroadbandRule(rule: BroadbandRule, env: EvaluationEnv): Reason[] {
  const line = env.customer.broadband;
  const { hint } = rule;
  if (!line) return [reason('NO_BROADBAND', '该客户没有电信宽带，本活动仅限宽带用户。', 'broadband', null, hint)];
  switch (rule.rule) {
    case 'broadband_present':
      return [];
    case 'broadband_itv_capable':
      return line.itvCapable ? [] : [reason('BROADBAND_NOT_ITV_CAPABLE', '该宽带线路暂不具备 iTV 安装条件。', true, false, hint)];
    case 'broadband_without_itv':
      return line.hasItv ? [reason('BROADBAND_HAS_ITV', '该客户已在使用 iTV，不属于体验对象。', false, true, hint)] : [];
    case 'broadband_community_upgraded':
      return line.communityUpgraded ? [] : [reason('BROADBAND_COMMUNITY_NOT_UPGRADED', '客户所在小区不是宽带提速小区。', true, false, hint)];
    case 'broadband_install': {
      const actual = line.newInstall ? 'new' : 'existing';
      if (actual === rule.install) return [];
      const text = rule.install === 'new' ? '本条件面向新装宽带用户，该客户是宽带老用户。' : '本条件面向宽带老用户，该宽带是本次新装。';
      return [reason('BROADBAND_INSTALL_MISMATCH', text, rule.install, actual, hint)];
    }
    case 'broadband_product_kind_in':
      return rule.kinds.includes(line.productKind)
        ? []
        : [
            reason(
              'BROADBAND_PRODUCT_NOT_ALLOWED',
              `本活动面向${rule.kinds.map((k) => productKindLabels[k]).join('、')}，该客户为${productKindLabels[line.productKind]}。`,
              rule.kinds,
              line.productKind,
              hint,
            ),
          ];
    case 'broadband_plan_at_least':
    case 'broadband_plan_below': {
      const plan = planOf(env, line.planCode);
      if (!plan || plan.category !== 'broadband')
        return [reason('BROADBAND_PLAN_UNKNOWN', `套餐目录中没有宽带套餐 ${line.planCode}，无法判断档次，请同步套餐目录。`, 'broadband plan', line.planCode, hint)];
      const labels = rule.levels.map(levelLabel);
      const reached = reachesLevel(plan, rule.levels);
      if (rule.rule === 'broadband_plan_at_least')
        return reached
          ? []
          : [reason('BROADBAND_PLAN_TOO_LOW', `宽带套餐 ${line.planCode} 未达到 ${labels.join(' / ')} 及以上档次。`, labels, line.planCode, hint)];
      return reached
        ? [
            reason(
              'BROADBAND_PLAN_EXCLUDED',
              `宽带套餐 ${line.planCode} 属于 ${levelLabel(reached)} 及以上档次${plan.includesItv ? '（套餐已含 iTV）' : ''}，不在本活动范围内。`,
              labels,
              line.planCode,
              hint,
            ),
          ]
        : [];
    }
  }
}

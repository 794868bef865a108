import type { EvaluationEnv } from '../env';
import { dedupeReasons, reason, reasonKey, type Reason } from '../reasons';
import type { Rule } from '../rule-schema';
import { checkBroadbandRule } from './broadband';
import { checkContractRule } from './contract';
import { checkCustomerRule } from './customer';
import { checkOptionRule } from './options';
import { checkReferralRule } from './referral';

const circled = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

/**
 * One refusal for a set of alternatives that all failed, carrying why each one did. When
 * every alternative failed for the same reasons (no broadband line at all), those reasons
 * are reported as they are: "none of these" would only repeat them.
 */
export function noAlternative(code: 'NONE_OF_ALTERNATIVES' | 'NO_BONUS_BRANCH', lead: string, failures: Reason[][], hint?: string): Reason[] {
  const alternatives = failures.map((alt) => dedupeReasons(alt));
  const keys = alternatives.map((alt) => alt.map(reasonKey).sort().join('\n'));
  if (alternatives[0] && keys.every((k) => k === keys[0])) return alternatives[0];
  const parts = alternatives.map((alt, i) => `${circled[i] ?? `(${i + 1})`}${alt.map((r) => r.text).join('')}`);
  return [
    {
      ...reason(code, `${lead}${parts.join(' ')}`, 'one alternative', alternatives.map((alt) => alt.map((r) => r.code)), hint),
      alternatives,
    },
  ];
}

/**
 * Every failed check of a rule tree, never only the first: all_of reports the failures
 * of all its members; any_of passes if one member passes, else reports each member's.
 */
export function checkRule(rule: Rule, env: EvaluationEnv): Reason[] {
  switch (rule.rule) {
    case 'all_of': {
      const failed = rule.rules.flatMap((r) => checkRule(r, env));
      const last = failed.at(-1);
      return last && rule.hint ? [...failed.slice(0, -1), withHint(last, rule.hint)] : failed;
    }
    case 'any_of': {
      const alternatives: Reason[][] = [];
      for (const r of rule.rules) {
        const failed = checkRule(r, env);
        if (failed.length === 0) return [];
        alternatives.push(failed);
      }
      return noAlternative('NONE_OF_ALTERNATIVES', '以下条件满足其一即可，目前均不满足：', alternatives, rule.hint);
    }
    case 'customer_kind':
    case 'not_churned':
    case 'brand_in':
    case 'tenure':
    case 'arpu_at_least':
    case 'minutes_at_least':
    case 'current_plan_in':
    case 'current_plan_not_in':
    case 'value_segment_in':
    case 'retention_light_in':
      return checkCustomerRule(rule, env);
    case 'chosen_plan_in':
    case 'chosen_plan_tier_above_current':
    case 'prepay_at_least':
    case 'spend_at_least':
      return checkOptionRule(rule, env);
    case 'contract_present':
    case 'contract_months_to_end':
    case 'contract_spent_over_amount':
      return checkContractRule(rule, env);
    case 'broadband_present':
    case 'broadband_itv_capable':
    case 'broadband_without_itv':
    case 'broadband_community_upgraded':
    case 'broadband_install':
    case 'broadband_product_kind_in':
    case 'broadband_plan_at_least':
    case 'broadband_plan_below':
      return checkBroadbandRule(rule, env);
    case 'referrer_valid':
      return checkReferralRule(rule, env);
  }
}

function withHint(r: Reason, hint: string): Reason {
  return { ...r, text: `${r.text}${hint}` };
}

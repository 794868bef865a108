import { fullMonthsBetween } from '../../calendar/dates';
import { maskPhone } from '../../customers/snapshot';
import { missingOption, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { RuleOf } from '../rule-schema';

export type ReferralRule = RuleOf<'referrer_valid'>;

/**
 * 老带新: the referrer must be a real, current customer other than the one enrolling.
 * The caller looks the phone up and passes the snapshot as context.referrer.
 */
export function checkReferralRule(rule: ReferralRule, env: EvaluationEnv): Reason[] {
  const phone = env.options.referrerPhone;
  if (phone === undefined) return [missingOption(env, 'referrerPhone')];
  const masked = maskPhone(phone);
  if (phone === env.customer.phone) return [reason('REFERRER_IS_CUSTOMER', '推荐人不能是客户本人，请核对推荐人手机号码。', 'another customer', masked, rule.hint)];
  const referrer = env.context.referrer;
  if (!referrer || referrer.phone !== phone)
    return [reason('REFERRER_NOT_FOUND', `查不到推荐人 ${masked}，请核对号码；推荐人须为本网在网客户。`, 'existing customer', masked, rule.hint)];
  const out: Reason[] = [];
  if (referrer.kind !== 'existing')
    out.push(reason('REFERRER_NOT_EXISTING', `推荐人 ${masked} 是新入网客户，推荐人须为老客户。`, 'existing', referrer.kind, rule.hint));
  if (referrer.churned) out.push(reason('REFERRER_CHURNED', `推荐人 ${masked} 已离网，不能作为推荐人。`, false, true, rule.hint));
  if (rule.minTenureMonths !== undefined) {
    const months = fullMonthsBetween(referrer.tenureStart, env.today);
    if (months < rule.minTenureMonths)
      out.push(
        reason('REFERRER_TENURE_TOO_SHORT', `推荐人网龄${months}个月，须满${rule.minTenureMonths}个月。`, rule.minTenureMonths, months, rule.hint),
      );
  }
  return out;
}

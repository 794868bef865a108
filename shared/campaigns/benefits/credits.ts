import { addMonthsToMonth, monthOf } from '../../calendar/dates';
import { addWorkingDays } from '../../calendar/working-days';
import { splitInstalments } from '../../money/fen';
import type { BenefitSpecOf } from '../benefit-schema';
import { missingOption, type EvaluationEnv } from '../env';
import type { Reason } from '../reasons';
import type { BenefitOf } from '../result';

/**
 * Bonus credit returned month by month: N equal instalments (the odd fen first) from the
 * month `startOffsetMonths` after this one. Months that would get 0 fen (a total smaller
 * than N fen) are left out, so every stored instalment credits something.
 */
export function creditSchedule(spec: BenefitSpecOf<'credit_schedule'>, totalFen: number, label: string | null, today: string): BenefitOf<'credit_schedule'> | null {
  if (totalFen <= 0) return null;
  const first = addMonthsToMonth(monthOf(today), spec.startOffsetMonths);
  const instalments = splitInstalments(totalFen, spec.months)
    .map((amountFen, i) => ({ month: addMonthsToMonth(first, i), amountFen }))
    .filter((i) => i.amountFen > 0);
  return { type: 'credit_schedule', purpose: spec.purpose, label: label ?? spec.label ?? null, totalFen, instalments };
}

/**
 * 老带新: the referrer's credit is due within X working days of the new line's activation
 * (today); the new customer's comes with next month's bill.
 */
export function referralCredit(spec: BenefitSpecOf<'referral_credit'>, env: EvaluationEnv): { benefit?: BenefitOf<'referral_credit'>; reasons: Reason[] } {
  const phone = env.options.referrerPhone;
  if (phone === undefined) return { reasons: [missingOption(env, 'referrerPhone')] };
  return {
    reasons: [],
    benefit: {
      type: 'referral_credit',
      referrerPhone: phone,
      referrerFen: spec.referrerFen,
      referrerDueBy: addWorkingDays(env.today, spec.referrerWithinWorkingDays, env.context.calendar),
      refereeFen: spec.refereeFen,
      refereeBillMonth: addMonthsToMonth(monthOf(env.today), 1),
    },
  };
}

import type { BenefitSpec, BenefitSpecOf } from '../benefit-schema';
import type { EvaluationEnv } from '../env';
import type { Reason } from '../reasons';
import type { Benefit, BenefitOf } from '../result';
import { computeAmount } from './amounts';
import { creditSchedule, referralCredit } from './credits';
import { discount, spendDeduction } from './discounts';
import { gift, purchasedGift } from './gifts';
import { bonusPoints, lotteryChances } from './points';
import { trial } from './trial';

export interface ComputedBenefits {
  benefits: Benefit[];
  reasons: Reason[];
}

interface PendingCredit {
  spec: BenefitSpecOf<'credit_schedule'>;
  totalFen: number;
  label: string | null;
}

/**
 * Every benefit of the campaign, in its order, plus a payment summary when money changes
 * hands. A gift bought with the bonus (预存赠费) or the deduction (满减) takes its offset
 * out of that pool first: the bonus still owed is what is left, spread over the months.
 */
export function computeBenefits(env: EvaluationEnv): ComputedBenefits {
  const reasons: Reason[] = [];
  const out: (Benefit | PendingCredit)[] = [];
  let deduction: BenefitOf<'spend_deduction'> | undefined;
  let purchase: { spec: BenefitSpecOf<'gift_purchase'>; benefit: BenefitOf<'gift'> } | undefined;

  const take = <T extends Benefit>(result: { benefit?: T | undefined; reasons: Reason[] }): T | undefined => {
    reasons.push(...result.reasons);
    if (result.benefit) out.push(result.benefit);
    return result.benefit;
  };

  for (const spec of env.campaign.benefits) {
    switch (spec.type) {
      case 'gift':
        take(gift(spec, env));
        break;
      case 'gift_purchase':
        if (env.options.useBonusForGift === true) {
          const bought = take(purchasedGift(spec, env));
          if (bought) purchase = { spec, benefit: bought };
        }
        break;
      case 'credit_schedule': {
        const amount = computeAmount(spec.amount, env, spec.label ?? null);
        if (amount.ok) out.push({ spec, totalFen: amount.fen, label: amount.label });
        else reasons.push(...amount.reasons);
        break;
      }
      case 'referral_credit':
        take(referralCredit(spec, env));
        break;
      case 'discount':
        take(discount(spec, env));
        break;
      case 'spend_deduction':
        deduction = take(spendDeduction(spec, env));
        break;
      case 'bonus_points':
        take(bonusPoints(spec, env));
        break;
      case 'lottery_chances':
        take(lotteryChances(spec, env));
        break;
      case 'trial':
        take(trial(spec, env));
        break;
    }
  }

  // The offset comes out of the first bonus credit, or out of the spend deduction.
  const firstCredit = out.find((b): b is PendingCredit => 'spec' in b);
  const giftPriceFen = purchase?.benefit.valueFen ?? 0;
  let giftOffsetFen = 0;
  if (purchase?.spec.offsetFrom === 'bonus' && firstCredit) {
    giftOffsetFen = Math.min(firstCredit.totalFen, giftPriceFen);
    firstCredit.totalFen -= giftOffsetFen;
  } else if (purchase?.spec.offsetFrom === 'deduction' && deduction) {
    giftOffsetFen = Math.min(deduction.deductionFen, giftPriceFen);
  }

  const benefits: Benefit[] = out.flatMap((b) => {
    if (!('spec' in b)) return [b];
    const schedule = creditSchedule(b.spec, b.totalFen, b.label, env.today);
    return schedule ? [schedule] : [];
  });

  if (movesMoney(env)) {
    const prepayFen = env.options.prepayFen ?? 0;
    const spendFen = deduction ? deduction.spendFen : 0;
    const deductionFen = deduction ? deduction.deductionFen - (purchase?.spec.offsetFrom === 'deduction' ? giftOffsetFen : 0) : 0;
    benefits.push({
      type: 'payment',
      prepayFen,
      spendFen,
      deductionFen,
      giftPriceFen,
      giftOffsetFen,
      customerPaysFen: prepayFen + spendFen - deductionFen + giftPriceFen - giftOffsetFen,
    });
  }
  return { benefits, reasons };
}

/** A payment summary is printed when the campaign takes a prepayment, a spend or sells a gift. */
function movesMoney(env: EvaluationEnv): boolean {
  const has = (type: BenefitSpec['type']) => env.campaign.benefits.some((b) => b.type === type);
  return env.campaign.options.some((o) => o.option === 'prepayFen') || has('spend_deduction') || has('gift_purchase');
}

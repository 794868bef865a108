import type { BenefitSpecOf } from '../benefit-schema';
import type { EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { BenefitOf } from '../result';

/** A gift leaves hall stock: refuse while the hall has fewer on hand than it gives. */
export function stockShortfall(sku: string, name: string, quantity: number, env: EvaluationEnv): Reason[] {
  const onHand = env.context.stockOnHand[sku] ?? 0;
  return onHand >= quantity
    ? []
    : [
        reason(
          'GIFT_OUT_OF_STOCK',
          `赠品${name}（${sku}）库存不足：需要${quantity}件，本厅现有${Math.max(onHand, 0)}件。请联系店长调拨，或为客户改办其他活动。`,
          quantity,
          onHand,
        ),
      ];
}

export function gift(spec: BenefitSpecOf<'gift'>, env: EvaluationEnv): { benefit: BenefitOf<'gift'>; reasons: Reason[] } {
  return {
    reasons: stockShortfall(spec.sku, spec.name, spec.quantity, env),
    benefit: {
      type: 'gift',
      sku: spec.sku,
      name: spec.name,
      quantity: spec.quantity,
      unitValueFen: spec.unitValueFen,
      valueFen: spec.unitValueFen * spec.quantity,
      purchased: false,
    },
  };
}

/** The gift bought with the bonus or deduction as offset; the price is its value. */
export function purchasedGift(spec: BenefitSpecOf<'gift_purchase'>, env: EvaluationEnv): { benefit: BenefitOf<'gift'>; reasons: Reason[] } {
  return {
    reasons: stockShortfall(spec.sku, spec.name, spec.quantity, env),
    benefit: {
      type: 'gift',
      sku: spec.sku,
      name: spec.name,
      quantity: spec.quantity,
      unitValueFen: spec.unitPriceFen,
      valueFen: spec.unitPriceFen * spec.quantity,
      purchased: true,
    },
  };
}

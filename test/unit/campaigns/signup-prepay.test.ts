import { describe, expect, it } from 'vitest';
import { codes, evaluate, existing, only, variant, walkIn } from './fixtures';

describe('signup gift 入网有礼', () => {
  it('gives a walk-in on a designated plan the TV from stock', () => {
    const e = evaluate('signup_gift', { customer: walkIn(), options: { chosenPlanCode: 'STD-129' } });
    expect(e.eligible).toBe(true);
    expect(e.reasons).toEqual([]);
    expect(e.benefits).toEqual([{ type: 'gift', sku: 'TV-32', name: '32英寸彩电', quantity: 1, unitValueFen: 129900, valueFen: 129900, purchased: false }]);
    expect(e).toMatchObject({ campaignId: 'ZY2026-SIGNUP-TV', campaignVersion: 1, snapshotVersion: 7, evaluatedOn: '2026-11-21', hallCode: 'ZY-HC-001' });
  });

  it('refuses an existing customer who chose no plan, and says both', () => {
    const e = evaluate('signup_gift', { customer: existing(), options: {} });
    expect(e.eligible).toBe(false);
    expect(e.benefits).toEqual([]);
    expect(codes(e)).toEqual(['OPTION_MISSING', 'CUSTOMER_KIND_MISMATCH']);
    expect(e.reasons[1]?.text).toContain('老客户可改办');
  });

  it('refuses a plan that is not designated and lists the ones that are', () => {
    const e = evaluate('signup_gift', { customer: walkIn(), options: { chosenPlanCode: 'STD-59' } });
    expect(codes(e)).toEqual(['CHOSEN_PLAN_NOT_ALLOWED']);
    expect(e.reasons[0]?.text).toContain('畅享129元套餐（STD-129）');
    expect(e.reasons[0]?.values).toEqual({ expected: expect.arrayContaining(['STD-129', 'GOTONE-128']) as unknown, actual: 'STD-59' });
  });

  it('refuses when the hall has no TV left', () => {
    const e = evaluate('signup_gift', { customer: walkIn(), options: { chosenPlanCode: 'STD-129' }, context: { stockOnHand: { 'TV-32': 0 } } });
    expect(codes(e)).toEqual(['GIFT_OUT_OF_STOCK']);
    expect(e.reasons[0]).toMatchObject({ category: 'stock', values: { expected: 1, actual: 0 } });
    expect(e.reasons[0]?.text).toContain('请联系店长调拨');
  });
});

describe('prepay bonus 预存赠费', () => {
  it('returns the bonus of the tier reached in 12 equal instalments from next month', () => {
    const e = evaluate('prepay_bonus', { customer: walkIn(), options: { prepayFen: 120000 } });
    expect(e.eligible).toBe(true);
    const [schedule] = only(e, 'credit_schedule');
    expect(schedule?.purpose).toBe('prepay_bonus');
    expect(schedule?.totalFen).toBe(60000);
    expect(schedule?.instalments).toHaveLength(12);
    expect(schedule?.instalments[0]).toEqual({ month: '2026-12', amountFen: 5000 });
    expect(schedule?.instalments[11]).toEqual({ month: '2027-11', amountFen: 5000 });
    expect(only(e, 'payment')).toEqual([
      { type: 'payment', prepayFen: 120000, spendFen: 0, deductionFen: 0, giftPriceFen: 0, giftOffsetFen: 0, customerPaysFen: 120000 },
    ]);
    expect(only(e, 'gift')).toEqual([]);
  });

  it('uses the highest tier the prepayment reaches', () => {
    const e = evaluate('prepay_bonus', { customer: walkIn(), options: { prepayFen: 100000 } });
    expect(only(e, 'credit_schedule')[0]?.totalFen).toBe(30000);
  });

  it('lets the bonus pay part of the TV: the customer pays the difference', () => {
    const e = evaluate('prepay_bonus', { customer: walkIn(), options: { prepayFen: 120000, useBonusForGift: true } });
    expect(e.eligible).toBe(true);
    expect(only(e, 'gift')).toEqual([{ type: 'gift', sku: 'TV-32', name: '32英寸彩电', quantity: 1, unitValueFen: 129900, valueFen: 129900, purchased: true }]);
    // The whole bonus went into the TV: nothing is left to return monthly.
    expect(only(e, 'credit_schedule')).toEqual([]);
    expect(only(e, 'payment')[0]).toMatchObject({ prepayFen: 120000, giftPriceFen: 129900, giftOffsetFen: 60000, customerPaysFen: 120000 + 69900 });
  });

  it('returns what is left of a bonus larger than the gift price', () => {
    const campaign = variant('prepay_bonus', {
      benefits: [
        { type: 'credit_schedule', purpose: 'prepay_bonus', amount: { from: 'fixed', fen: 30000 }, months: 3 },
        { type: 'gift_purchase', sku: 'SPK-01', name: '智能音箱', quantity: 1, unitPriceFen: 19900, offsetFrom: 'bonus' },
      ],
    });
    const e = evaluate('prepay_bonus', { campaign, customer: walkIn(), options: { prepayFen: 50000, useBonusForGift: true } });
    expect(only(e, 'credit_schedule')[0]).toMatchObject({
      totalFen: 10100,
      instalments: [
        { month: '2026-12', amountFen: 3367 },
        { month: '2027-01', amountFen: 3367 },
        { month: '2027-02', amountFen: 3366 },
      ],
    });
    expect(only(e, 'payment')[0]).toMatchObject({ giftOffsetFen: 19900, customerPaysFen: 50000 });
  });

  it('splits 100 yuan over 3 months as 33.34 + 33.33 + 33.33', () => {
    const campaign = variant('prepay_bonus', {
      benefits: [{ type: 'credit_schedule', purpose: 'prepay_bonus', amount: { from: 'fixed', fen: 10000 }, months: 3 }],
    });
    const e = evaluate('prepay_bonus', { campaign, customer: walkIn(), options: { prepayFen: 10000 } });
    expect(only(e, 'credit_schedule')[0]?.instalments).toEqual([
      { month: '2026-12', amountFen: 3334 },
      { month: '2027-01', amountFen: 3333 },
      { month: '2027-02', amountFen: 3333 },
    ]);
  });

  it('leaves out months that would get nothing when the bonus is a few fen', () => {
    const campaign = variant('prepay_bonus', {
      benefits: [{ type: 'credit_schedule', purpose: 'bill_credit', amount: { from: 'fixed', fen: 1 }, months: 12, startOffsetMonths: 0 }],
    });
    const e = evaluate('prepay_bonus', { campaign, customer: walkIn(), options: { prepayFen: 1 } });
    expect(only(e, 'credit_schedule')[0]?.instalments).toEqual([{ month: '2026-11', amountFen: 1 }]);
  });

  it('refuses a prepayment below the lowest tier, and a missing one once', () => {
    const low = evaluate('prepay_bonus', { customer: walkIn(), options: { prepayFen: 59999 } });
    expect(codes(low)).toEqual(['PREPAY_BELOW_LOWEST_TIER']);
    expect(low.reasons[0]?.text).toContain('¥600.00');
    const missing = evaluate('prepay_bonus', { customer: walkIn(), options: {} });
    expect(codes(missing)).toEqual(['OPTION_MISSING']);
  });

  it('needs the TV in stock only when the customer takes it', () => {
    const noTv = { stockOnHand: { 'TV-32': 0 } };
    expect(evaluate('prepay_bonus', { customer: walkIn(), options: { prepayFen: 120000 }, context: noTv }).eligible).toBe(true);
    const e = evaluate('prepay_bonus', { customer: walkIn(), options: { prepayFen: 120000, useBonusForGift: true }, context: noTv });
    expect(codes(e)).toEqual(['GIFT_OUT_OF_STOCK']);
  });

  it('is for new customers only', () => {
    expect(codes(evaluate('prepay_bonus', { customer: existing(), options: { prepayFen: 120000 } }))).toEqual(['CUSTOMER_KIND_MISMATCH']);
  });
});

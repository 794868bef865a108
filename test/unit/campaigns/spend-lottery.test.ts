import { describe, expect, it } from 'vitest';
import { codes, evaluate, existing, only, walkIn } from './fixtures';

describe('spend threshold 满减', () => {
  it.each([
    [30000, 30000, 3000],
    [49999, 30000, 3000],
    [50000, 50000, 6000],
    [99999, 50000, 6000],
    [100000, 100000, 15000],
    [250000, 100000, 15000],
  ])('spend %i fen reaches the %i tier: minus %i', (spend, tier, deduction) => {
    const e = evaluate('spend_threshold', { options: { spendFen: spend } });
    expect(e.eligible).toBe(true);
    expect(only(e, 'spend_deduction')).toEqual([{ type: 'spend_deduction', spendFen: spend, tierThresholdFen: tier, deductionFen: deduction }]);
    expect(only(e, 'payment')[0]).toMatchObject({ spendFen: spend, deductionFen: deduction, customerPaysFen: spend - deduction });
  });

  it('refuses a spend below the lowest tier and says how much is missing', () => {
    const e = evaluate('spend_threshold', { options: { spendFen: 29999 } });
    expect(codes(e)).toEqual(['SPEND_BELOW_LOWEST_TIER']);
    expect(e.reasons[0]?.text).toContain('还差¥0.01');
  });

  it('lets the deduction pay towards the TV instead', () => {
    const e = evaluate('spend_threshold', { options: { spendFen: 100000, useBonusForGift: true } });
    expect(only(e, 'gift')[0]).toMatchObject({ sku: 'TV-32', purchased: true });
    expect(only(e, 'payment')[0]).toEqual({
      type: 'payment',
      prepayFen: 0,
      spendFen: 100000,
      deductionFen: 0,
      giftPriceFen: 129900,
      giftOffsetFen: 15000,
      customerPaysFen: 100000 + 129900 - 15000,
    });
  });

  it('is once per calendar month', () => {
    const inNovember = { pastEnrolments: [{ campaignId: 'ZY2026-SPEND-TIERS', enrolledOn: '2026-11-03' }] };
    const e = evaluate('spend_threshold', { options: { spendFen: 50000 }, context: inNovember });
    expect(codes(e)).toEqual(['PER_PERIOD_LIMIT_REACHED']);
    expect(e.reasons[0]?.text).toContain('2026-12起可再办理');
    const inOctober = { pastEnrolments: [{ campaignId: 'ZY2026-SPEND-TIERS', enrolledOn: '2026-10-30' }] };
    expect(evaluate('spend_threshold', { options: { spendFen: 50000 }, context: inOctober }).eligible).toBe(true);
  });

  it('is for existing customers', () => {
    expect(codes(evaluate('spend_threshold', { customer: walkIn(), options: { spendFen: 50000 } }))).toEqual(['CUSTOMER_KIND_MISMATCH']);
  });
});

describe('lottery chances 抽奖机会', () => {
  it('grants one chance per 50 yuan of business, at most 5', () => {
    expect(only(evaluate('lottery', { options: { spendFen: 12000 } }), 'lottery_chances')).toEqual([
      { type: 'lottery_chances', count: 2, claimWithinWorkingDays: 7 },
    ]);
    expect(only(evaluate('lottery', { options: { spendFen: 5000 } }), 'lottery_chances')[0]?.count).toBe(1);
    expect(only(evaluate('lottery', { options: { spendFen: 99999 } }), 'lottery_chances')[0]?.count).toBe(5);
  });

  it('is open to new and existing customers alike', () => {
    expect(evaluate('lottery', { customer: walkIn(), options: { spendFen: 5000 } }).eligible).toBe(true);
  });

  it('refuses a business below 50 yuan, a missing amount and a churned number', () => {
    expect(codes(evaluate('lottery', { options: { spendFen: 4999 } }))).toEqual(['LOTTERY_NO_CHANCE']);
    expect(codes(evaluate('lottery', { options: {} }))).toEqual(['OPTION_MISSING']);
    expect(codes(evaluate('lottery', { customer: existing({ churned: true }), options: { spendFen: 5000 } }))).toEqual(['CUSTOMER_CHURNED']);
  });

  it('allows two enrolments a month', () => {
    const once = { pastEnrolments: [{ campaignId: 'ZY2026-LOTTERY', enrolledOn: '2026-11-01' }] };
    expect(evaluate('lottery', { options: { spendFen: 5000 }, context: once }).eligible).toBe(true);
    const twice = { pastEnrolments: [...once.pastEnrolments, { campaignId: 'ZY2026-LOTTERY', enrolledOn: '2026-11-20' }] };
    const e = evaluate('lottery', { options: { spendFen: 5000 }, context: twice });
    expect(codes(e)).toEqual(['PER_PERIOD_LIMIT_REACHED']);
    expect(e.reasons[0]?.values).toEqual({ expected: { count: 2, period: 'calendar_month' }, actual: 2 });
  });
});

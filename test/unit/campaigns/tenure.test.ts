import { describe, expect, it } from 'vitest';
import { codes, evaluate, existing, only, walkIn } from './fixtures';

const premium = (tenureStart: string) => existing({ brand: 'premium', planCode: 'GOTONE-128', planTier: 5, tenureStart });

describe('tenure discount 网龄关怀 (today 2026-11-21)', () => {
  it.each([
    ['2025-11-21', 95], // exactly 1 year
    ['2024-11-22', 95], // a day short of 2
    ['2024-11-21', 92], // exactly 2
    ['2023-11-22', 92],
    ['2023-11-21', 90], // exactly 3
    ['2022-11-21', 90], // 4 years: [3,5)
    ['2021-11-22', 90],
    ['2021-11-21', 85], // exactly 5
    ['2018-11-22', 85],
    ['2018-11-21', 80], // exactly 8
    ['2016-11-22', 80], // a day short of 10
    ['2016-11-21', 70], // exactly 10
    ['2001-03-01', 70],
  ])('joined %s: pays %i% of voice charges', (tenureStart, percent) => {
    const e = evaluate('tenure_discount', { customer: premium(tenureStart) });
    expect(e.eligible).toBe(true);
    expect(only(e, 'discount')).toEqual([
      { type: 'discount', target: 'voice', percent, fromMonth: '2026-12', toMonth: '2027-11', planCode: null, baseFeeFen: null, discountedFeeFen: null },
    ]);
  });

  it('refuses under one year and says from when', () => {
    const e = evaluate('tenure_discount', { customer: premium('2025-11-22') });
    expect(codes(e)).toEqual(['NO_TENURE_TIER']);
    expect(e.reasons[0]?.values).toEqual({ expected: 1, actual: 0 });
    expect(e.reasons[0]?.text).toContain('2026-11-22起可办理');
  });

  it('counts a 29 February start as a full year on 28 February', () => {
    // 3 full years on 2027-02-28 ([3,5) → 90%), only 2 the day before ([2,3) → 92%).
    expect(only(evaluate('tenure_discount', { today: '2027-02-28', customer: premium('2024-02-29') }), 'discount')[0]?.percent).toBe(90);
    expect(only(evaluate('tenure_discount', { today: '2027-02-27', customer: premium('2024-02-29') }), 'discount')[0]?.percent).toBe(92);
  });

  it('is for the premium brand only, and says how to get there', () => {
    const e = evaluate('tenure_discount', { customer: existing({ tenureStart: '2010-01-01' }) });
    expect(codes(e)).toEqual(['BRAND_NOT_ALLOWED']);
    expect(e.reasons[0]?.text).toContain('升舱计划');
  });

  it('reports brand and tenure together for a brand-new standard customer', () => {
    expect(codes(evaluate('tenure_discount', { customer: walkIn() }))).toEqual(['BRAND_NOT_ALLOWED', 'NO_TENURE_TIER']);
  });

  it('is once per calendar year', () => {
    const thisYear = { pastEnrolments: [{ campaignId: 'ZY2026-TENURE-CARE', enrolledOn: '2026-10-02' }] };
    const e = evaluate('tenure_discount', { customer: premium('2020-01-01'), context: thisYear });
    expect(codes(e)).toEqual(['PER_PERIOD_LIMIT_REACHED']);
    expect(e.reasons[0]?.text).toContain('2027年起可再办理');
    expect(evaluate('tenure_discount', { today: '2027-01-04', customer: premium('2020-01-01'), context: thisYear }).eligible).toBe(true);
  });
});

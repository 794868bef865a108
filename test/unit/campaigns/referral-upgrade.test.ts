import { describe, expect, it } from 'vitest';
import { codes, evaluate, existing, only, variant, walkIn } from './fixtures';

const referrer = existing({ phone: '13700009999', name: '赵强' });

describe('referral 老带新', () => {
  it('credits both: the referrer within 5 working days, the new customer with next month’s bill', () => {
    const e = evaluate('referral', { customer: walkIn(), options: { referrerPhone: '13700009999' }, context: { referrer } });
    expect(e.eligible).toBe(true);
    // Activated on Saturday 2026-11-21: Mon 23 … Fri 27 are the five working days.
    expect(e.benefits).toEqual([
      { type: 'referral_credit', referrerPhone: '13700009999', referrerFen: 5000, referrerDueBy: '2026-11-27', refereeFen: 5000, refereeBillMonth: '2026-12' },
    ]);
  });

  it('counts working days across the National Day break and its make-up Saturday', () => {
    const campaign = variant('referral', { validFrom: '2026-09-01' });
    const e = evaluate('referral', { campaign, today: '2026-09-29', customer: walkIn(), options: { referrerPhone: '13700009999' }, context: { referrer } });
    // 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12.
    expect(only(e, 'referral_credit')[0]?.referrerDueBy).toBe('2026-10-12');
    expect(only(e, 'referral_credit')[0]?.refereeBillMonth).toBe('2026-10');
  });

  it('puts the new customer’s credit on January’s bill when joining in December', () => {
    const e = evaluate('referral', { today: '2026-12-31', customer: walkIn(), options: { referrerPhone: '13700009999' }, context: { referrer } });
    expect(only(e, 'referral_credit')[0]).toMatchObject({ refereeBillMonth: '2027-01', referrerDueBy: '2027-01-08' });
  });

  it('asks for the referrer, and refuses the customer as their own referrer', () => {
    expect(codes(evaluate('referral', { customer: walkIn(), options: {} }))).toEqual(['OPTION_MISSING']);
    const self = evaluate('referral', { customer: walkIn(), options: { referrerPhone: '13900005678' } });
    expect(codes(self)).toEqual(['REFERRER_IS_CUSTOMER']);
  });

  it('refuses a referrer who cannot be found', () => {
    const e = evaluate('referral', { customer: walkIn(), options: { referrerPhone: '13700009999' }, context: { referrer: null } });
    expect(codes(e)).toEqual(['REFERRER_NOT_FOUND']);
    expect(e.reasons[0]?.text).toContain('137****9999');
  });

  it('reports every fault of the referrer and of the referee together', () => {
    const bad = existing({ phone: '13700009999', kind: 'new', churned: true });
    const e = evaluate('referral', { customer: existing(), options: { referrerPhone: '13700009999' }, context: { referrer: bad } });
    expect(codes(e)).toEqual(['CUSTOMER_KIND_MISMATCH', 'REFERRER_NOT_EXISTING', 'REFERRER_CHURNED']);
  });
});

describe('upgrade discount + gift 套餐升级', () => {
  const upgrade = { chosenPlanCode: 'STD-129' };

  it('discounts the new plan’s fee by 20% for 12 months from next month and gives the TV', () => {
    const e = evaluate('upgrade_gift', { customer: existing(), options: upgrade });
    expect(e.eligible).toBe(true);
    expect(only(e, 'discount')).toEqual([
      { type: 'discount', target: 'plan_fee', percent: 80, fromMonth: '2026-12', toMonth: '2027-11', planCode: 'STD-129', baseFeeFen: 12900, discountedFeeFen: 10320 },
    ]);
    expect(only(e, 'gift')[0]).toMatchObject({ sku: 'TV-43', quantity: 1, valueFen: 199900 });
    expect(only(e, 'payment')).toEqual([]);
  });

  it('refuses a plan that is not higher than the current one', () => {
    const e = evaluate('upgrade_gift', { customer: existing({ planCode: 'STD-169', planTier: 6 }), options: upgrade });
    expect(codes(e)).toEqual(['CHOSEN_PLAN_NOT_HIGHER']);
    expect(e.reasons[0]?.values).toEqual({ expected: 7, actual: 5 });
  });

  it('refuses a plan outside the designated list', () => {
    expect(codes(evaluate('upgrade_gift', { customer: existing(), options: { chosenPlanCode: 'STD-89' } }))).toEqual(['CHOSEN_PLAN_NOT_ALLOWED']);
  });

  it('needs 6 months of tenure: exactly 6 is enough, a day less is not', () => {
    expect(evaluate('upgrade_gift', { customer: existing({ tenureStart: '2026-05-21' }), options: upgrade }).eligible).toBe(true);
    const e = evaluate('upgrade_gift', { customer: existing({ tenureStart: '2026-05-22' }), options: upgrade });
    expect(codes(e)).toEqual(['TENURE_TOO_SHORT']);
    expect(e.reasons[0]?.text).toContain('2026-11-22起满足');
  });

  it('runs only in the halls it names', () => {
    const e = evaluate('upgrade_gift', { customer: existing(), options: upgrade, hallCode: 'ZY-HC-002' });
    expect(codes(e)).toEqual(['HALL_NOT_TARGETED']);
  });

  it('refuses a walk-in, a churned number and an empty stock at once', () => {
    const e = evaluate('upgrade_gift', { customer: walkIn({ churned: true }), options: upgrade, context: { stockOnHand: {} } });
    expect(codes(e)).toEqual(['CUSTOMER_KIND_MISMATCH', 'CUSTOMER_CHURNED', 'TENURE_TOO_SHORT', 'GIFT_OUT_OF_STOCK']);
  });
});

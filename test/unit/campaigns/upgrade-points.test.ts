import { describe, expect, it } from 'vitest';
import { codes, evaluate, existing, only } from './fixtures';

const standard = (arpuFen: number) => existing({ brand: 'standard', planCode: 'STD-59', planTier: 3, arpuFen });
const premium = existing({ brand: 'premium', planCode: 'GOTONE-128', planTier: 5 });

describe('upgrade points 升舱计划', () => {
  it('gives a standard customer with ARPU ≥ ¥120 moving up the points of the plan chosen, valid to 12-31', () => {
    const e = evaluate('upgrade_points', { customer: standard(12000), options: { chosenPlanCode: 'GOTONE-128' } });
    expect(e.eligible).toBe(true);
    expect(e.benefits).toEqual([{ type: 'bonus_points', points: 2000, expiresOn: '2026-12-31' }]);
  });

  it('lets a premium customer choosing a higher plan in', () => {
    expect(only(evaluate('upgrade_points', { customer: premium, options: { chosenPlanCode: 'GOTONE-188' } }), 'bonus_points')[0]?.points).toBe(5000);
  });

  it('explains both ways in when a standard customer’s ARPU is short', () => {
    const e = evaluate('upgrade_points', { customer: standard(11999), options: { chosenPlanCode: 'GOTONE-128' } });
    expect(codes(e)).toEqual(['NONE_OF_ALTERNATIVES']);
    expect(e.reasons[0]?.values.actual).toEqual([['ARPU_TOO_LOW'], ['BRAND_NOT_ALLOWED']]);
    expect(e.reasons[0]?.text).toContain('¥119.99');
  });

  it('refuses a plan that is not higher', () => {
    const e = evaluate('upgrade_points', { customer: premium, options: { chosenPlanCode: 'GOTONE-88' } });
    expect(codes(e)).toEqual(['CHOSEN_PLAN_NOT_HIGHER']);
  });

  it('refuses a plan without points, saying which plans have them', () => {
    const e = evaluate('upgrade_points', { customer: standard(15000), options: { chosenPlanCode: 'STD-169' } });
    expect(codes(e)).toEqual(['CHOSEN_PLAN_NOT_ALLOWED', 'CHOSEN_PLAN_NO_POINTS']);
    expect(e.reasons[1]?.text).toContain('全球通188元套餐（GOTONE-188）（5000分）');
  });

  it('is once per campaign period', () => {
    const done = { pastEnrolments: [{ campaignId: 'ZY2026-UPGRADE-POINTS', enrolledOn: '2026-10-15' }] };
    const e = evaluate('upgrade_points', { customer: premium, options: { chosenPlanCode: 'GOTONE-188' }, context: done });
    expect(codes(e)).toEqual(['PER_PERIOD_LIMIT_REACHED']);
    expect(e.reasons[0]?.text).toContain('本活动期内已办理本活动1次');
  });

  it('cannot be joined alongside the upgrade gift', () => {
    const e = evaluate('upgrade_points', { customer: premium, options: { chosenPlanCode: 'GOTONE-188' }, context: { activeCampaignIds: ['ZY2026-UPGRADE-GIFT'] } });
    expect(codes(e)).toEqual(['EXCLUSIVE_CAMPAIGN_ACTIVE']);
  });

  it('closes with its points on 12-31', () => {
    const e = evaluate('upgrade_points', { today: '2027-01-04', customer: premium, options: { chosenPlanCode: 'GOTONE-188' } });
    expect(codes(e)).toEqual(['CAMPAIGN_ENDED', 'BONUS_POINTS_EXPIRED']);
    expect(evaluate('upgrade_points', { today: '2026-12-31', customer: premium, options: { chosenPlanCode: 'GOTONE-188' } }).eligible).toBe(true);
  });
});

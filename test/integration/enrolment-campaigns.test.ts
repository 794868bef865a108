import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentCampaigns, loadPlans, storeCampaign, storeReferenceData } from '../../electron/core/enrolment/reference';
import plans from '../../resources/demo/plans.json';
import lottery from '../../resources/demo/campaigns/lottery.json';
import { expectOk } from '../support/core';
import { demo, expectError, openEnrolmentCounter, walkIn, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
beforeEach(async () => {
  e = await openEnrolmentCounter();
});
afterEach(() => e.counter.close());

const SERIALS = { equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000201'] } };

/**
 * docs/demo.md in a table: for every campaign, a demo customer who may join on 2026-11-21
 * with the options the clerk would enter, and one who may not, with the reasons why.
 */
const cases: { campaignId: string; eligible: [string, Record<string, unknown>]; ineligible: [string, Record<string, unknown>, string[]] }[] = [
  { campaignId: 'ZY2026-SIGNUP-TV', eligible: ['高峰', { chosenPlanCode: 'STD-129' }], ineligible: ['李明', { chosenPlanCode: 'STD-129' }, ['CUSTOMER_KIND_MISMATCH']] },
  { campaignId: 'ZY2026-PREPAY-BONUS', eligible: ['林婷', { prepayFen: 120000 }], ineligible: ['陈静', { prepayFen: 120000 }, ['CUSTOMER_KIND_MISMATCH']] },
  {
    campaignId: 'ZY2026-REFERRAL',
    eligible: ['罗斌', { referrerPhone: '13985210101' }],
    ineligible: ['罗斌', { referrerPhone: '13985211616' }, ['REFERRER_CHURNED']],
  },
  { campaignId: 'ZY2026-UPGRADE-GIFT', eligible: ['李明', { chosenPlanCode: 'STD-129' }], ineligible: ['何平', { chosenPlanCode: 'STD-129' }, ['TENURE_TOO_SHORT']] },
  { campaignId: 'ZY2026-SPEND-TIERS', eligible: ['王秀英', { spendFen: 55000 }], ineligible: ['郭亮', { spendFen: 55000 }, ['CUSTOMER_CHURNED']] },
  { campaignId: 'ZY2026-LOTTERY', eligible: ['唐宁', { spendFen: 26000 }], ineligible: ['郭亮', { spendFen: 26000 }, ['CUSTOMER_CHURNED']] },
  { campaignId: 'ZY2026-ITV-TRIAL', eligible: ['徐敏', SERIALS], ineligible: ['马超', SERIALS, ['BROADBAND_PLAN_EXCLUDED']] },
  { campaignId: 'ZY2026-REBINDING', eligible: ['周涛', {}], ineligible: ['吴刚', {}, ['NO_BONUS_BRANCH']] },
  { campaignId: 'ZY2026-TENURE-CARE', eligible: ['宋佳', {}], ineligible: ['赵丽娟', {}, ['NO_TENURE_TIER']] },
  { campaignId: 'ZY2026-UPGRADE-POINTS', eligible: ['王秀英', { chosenPlanCode: 'GOTONE-188' }], ineligible: ['梁燕', { chosenPlanCode: 'GOTONE-388' }, ['CHOSEN_PLAN_NOT_HIGHER']] },
];

describe('the campaigns on offer', () => {
  it('lists the ten demo campaigns in kind order with what to ask for, plan names and the equipment to scan', async () => {
    const list = expectOk(await e.clerk.call['campaign.list']({}));
    expect(list.today).toBe('2026-11-21');
    expect(list.campaigns.map((c) => c.kind)).toEqual([
      'signup_gift', 'prepay_bonus', 'referral', 'upgrade_gift', 'spend_threshold', 'lottery', 'trial', 'rebinding', 'tenure_discount', 'upgrade_points',
    ]);
    const signup = list.campaigns[0];
    expect(signup?.options).toEqual([{ option: 'chosenPlanCode', required: true, label: '办理套餐' }]);
    expect(signup?.planChoices?.[0]).toEqual({ code: 'STD-129', name: '畅享129元套餐', monthlyFeeFen: 12900, brand: 'standard' });
    expect(signup?.planChoices).toHaveLength(7);
    const trial = list.campaigns.find((c) => c.kind === 'trial');
    expect(trial?.equipment).toEqual([
      { sku: 'STB-ITV', name: 'iTV机顶盒', quantity: 1 },
      { sku: 'MODEM-E8B', name: 'e8-b光猫', quantity: 1 },
    ]);
    expect(trial?.options[0]).toEqual({ option: 'equipmentSerials', required: true, label: '借用设备串号' });
    expect(trial?.planChoices).toBeNull();
    // Re-binding asks for "the plan after renewal" with no designated list: every mobile plan is offered.
    expect(list.campaigns.find((c) => c.kind === 'rebinding')?.planChoices).toHaveLength(12);
  });

  it('drops a campaign once its window has passed (升舱计划 ends 2026-12-31)', async () => {
    await e.setDay('2027-01-04');
    const list = expectOk(await e.clerk.call['campaign.list']({}));
    expect(list.campaigns.map((c) => c.id)).not.toContain('ZY2026-UPGRADE-POINTS');
    expect(list.campaigns).toHaveLength(9);
  });
});

describe('evaluating the demo customers', () => {
  it.each(cases)('$campaignId has an eligible and an ineligible demo customer', async ({ campaignId, eligible, ineligible }) => {
    const yes = expectOk(await e.clerk.call['campaign.evaluate']({ customerId: e.id(eligible[0]), campaignId, options: eligible[1] }));
    expect(yes.evaluation.reasons).toEqual([]);
    expect(yes.status).toBe('eligible');
    expect(yes.evaluation.benefits.length).toBeGreaterThan(0);
    const no = expectOk(await e.clerk.call['campaign.evaluate']({ customerId: e.id(ineligible[0]), campaignId, options: ineligible[1] }));
    expect(no.status).toBe('ineligible');
    expect(no.evaluation.reasons.map((r) => r.code)).toEqual(ineligible[2]);
    expect(no.evaluation.benefits).toEqual([]);
  });

  it('shows the customer panel: eligible first, then what only needs options, then the rest with all their reasons', async () => {
    const panel = expectOk(
      await e.clerk.call['campaign.evaluateForCustomer']({ customerId: e.id('王秀英'), options: { 'ZY2026-UPGRADE-POINTS': { chosenPlanCode: 'GOTONE-188' } } }),
    );
    expect(panel.evaluations).toHaveLength(10);
    const order = panel.evaluations.map((x) => x.status);
    expect(order).toEqual([...order].sort((a, b) => ['eligible', 'needs_options', 'ineligible'].indexOf(a) - ['eligible', 'needs_options', 'ineligible'].indexOf(b)));
    expect(panel.evaluations.slice(0, 2).map((x) => [x.campaign.kind, x.status])).toEqual([
      ['tenure_discount', 'eligible'],
      ['upgrade_points', 'eligible'],
    ]);
    expect(panel.evaluations[1]?.evaluation.benefits).toEqual([{ type: 'bonus_points', points: 5000, expiresOn: '2026-12-31' }]);
    const spend = panel.evaluations.find((x) => x.campaign.kind === 'spend_threshold');
    expect(spend?.status).toBe('needs_options');
    expect(spend?.evaluation.reasons).toEqual([
      { code: 'OPTION_MISSING', category: 'option', text: '请录入消费金额。', values: { expected: 'spendFen', actual: null } },
    ]);
    const trial = panel.evaluations.find((x) => x.campaign.kind === 'trial');
    expect(trial?.status).toBe('ineligible');
    expect(trial?.evaluation.reasons.map((r) => r.code)).toEqual(['NO_BROADBAND', 'OPTION_MISSING', 'OPTION_MISSING']);
  });

  it('gives the exact summary before confirming: ¥1,200 prepaid with the TV costs ¥1,899 today', async () => {
    const summary = expectOk(
      await e.clerk.call['campaign.evaluate']({ customerId: e.id('林婷'), campaignId: 'ZY2026-PREPAY-BONUS', options: { prepayFen: 120000, useBonusForGift: true } }),
    );
    expect(summary.evaluation.benefits).toEqual([
      { type: 'gift', sku: 'TV-32', name: '32英寸彩电', quantity: 1, unitValueFen: 129900, valueFen: 129900, purchased: true },
      { type: 'payment', prepayFen: 120000, spendFen: 0, deductionFen: 0, giftPriceFen: 129900, giftOffsetFen: 60000, customerPaysFen: 189900 },
    ]);
    expect(summary.evaluation).toMatchObject({ campaignId: 'ZY2026-PREPAY-BONUS', campaignVersion: 1, evaluatedOn: '2026-11-21', hallCode: 'ZY-HC-001' });
  });

  it('shows the referrer masked even on the summary', async () => {
    const summary = expectOk(
      await e.clerk.call['campaign.evaluate']({ customerId: e.id('罗斌'), campaignId: 'ZY2026-REFERRAL', options: { referrerPhone: demo['李明']!.phone } }),
    );
    expect(summary.evaluation.benefits).toEqual([
      { type: 'referral_credit', referrerPhoneMasked: '139****0101', referrerFen: 5000, referrerDueBy: '2026-11-27', refereeFen: 5000, refereeBillMonth: '2026-12' },
    ]);
    expect(JSON.stringify(summary)).not.toContain(demo['李明']!.phone);
  });

  it('finds no one for the walk-in’s phone: the counter registers them as a new customer', async () => {
    expect(expectOk(await e.clerk.call['customer.find']({ by: 'phone', phone: walkIn.phone })).customers).toEqual([]);
    expectError(await e.clerk.call['campaign.evaluate']({ customerId: 99999, campaignId: 'ZY2026-LOTTERY', options: {} }), 'NOT_FOUND');
  });
});

describe('reference data and campaigns in the database', () => {
  it('keeps every campaign version, one current per id, and never lets a replay roll it back', () => {
    const ctx = e.ctx;
    ctx.store.tx(() => storeCampaign(ctx, { ...lottery, version: 3, name: '办业务抽大奖（第三版）' }));
    expect(ctx.store.tx(() => storeCampaign(ctx, { ...lottery, version: 2 })).current).toBe(false);
    const versions = ctx.store.db.prepare(`SELECT version, current FROM campaign WHERE id = 'ZY2026-LOTTERY' ORDER BY version`).all();
    expect(versions).toEqual([
      { version: 1, current: 0 },
      { version: 2, current: 0 },
      { version: 3, current: 1 },
    ]);
    expect(currentCampaigns(ctx).find((c) => c.id === 'ZY2026-LOTTERY')?.name).toBe('办业务抽大奖（第三版）');
  });

  it('refuses a malformed campaign or catalogue and stores nothing', () => {
    const ctx = e.ctx;
    const before = e.digest();
    expect(() => ctx.store.tx(() => storeCampaign(ctx, { ...lottery, version: 4, validTo: '2026-01-01' }))).toThrow(/结束日期早于开始日期/);
    expect(() => ctx.store.tx(() => storeReferenceData(ctx, 'plans', 2, { version: 2, plans: [] }))).toThrow();
    expect(e.digest()).toBe(before);
  });

  it('replaces the plan catalogue with a newer version only', () => {
    const ctx = e.ctx;
    const renamed = { ...plans, version: 2, plans: plans.plans.map((p) => (p.code === 'STD-19' ? { ...p, name: '畅聊19元套餐（新）' } : p)) };
    expect(ctx.store.tx(() => storeReferenceData(ctx, 'plans', 2, renamed))).toBe(true);
    expect(ctx.store.tx(() => storeReferenceData(ctx, 'plans', 1, plans))).toBe(false);
    expect(loadPlans(ctx).plans.find((p) => p.code === 'STD-19')?.name).toBe('畅聊19元套餐（新）');
  });
});

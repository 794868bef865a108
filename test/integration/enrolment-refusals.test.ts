import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeCampaign } from '../../electron/core/enrolment/reference';
import { moveStock } from '../../electron/core/stock/ledger';
import signupGift from '../../resources/demo/campaigns/signup_gift.json';
import { NotEligibleDetails } from '../../shared/contract/refusals';
import { alternativesOf } from '../../shared/enrolment/refusals';
import { expectOk } from '../support/core';
import { counts, enrol, expectError, onHand, openEnrolmentCounter, reasonCodes, walkIn, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
beforeEach(async () => {
  e = await openEnrolmentCounter();
});
afterEach(() => e.counter.close());

const TRIAL_SERIALS = { equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000201'] } };

describe('a refused enrolment writes nothing', () => {
  it('answers NOT_ELIGIBLE with every reason, and leaves the database byte-identical', async () => {
    const before = e.digest();
    // 陈静: not 全球通 and ARPU ¥80 (neither way into 升舱计划); GOTONE-88 is above her STD-39, so that rule passes.
    const result = await e.clerk.call['enrolment.create']({ customerId: e.id('陈静'), campaignId: 'ZY2026-UPGRADE-POINTS', options: { chosenPlanCode: 'GOTONE-88' } });
    const { message, details } = expectError(result, 'NOT_ELIGIBLE');
    expect(details).toMatchObject({ campaignId: 'ZY2026-UPGRADE-POINTS', campaignVersion: 1 });
    // The one reason shape of every NOT_ELIGIBLE answer; the alternatives travel in its values.
    const { reasons } = NotEligibleDetails.parse(details);
    expect(reasons.map((r) => r.code)).toEqual(['NONE_OF_ALTERNATIVES']);
    expect(alternativesOf(reasons[0]!).map((alt) => alt.map((r) => r.code))).toEqual([['ARPU_TOO_LOW'], ['BRAND_NOT_ALLOWED']]);
    expect(reasons[0]?.text).toContain('全球通');
    expect(message).toContain('不能办理“全球通升舱计划：升级套餐一次性奖励积分”');
    expect(e.digest()).toBe(before);
  });

  it('lists every failure at once: an existing customer without a plan asking for the signup gift while the TVs are gone', async () => {
    const left = onHand(e.ctx, 'TV-32');
    moveStock(e.ctx, { sku: 'TV-32', reason: 'transfer_out', qty: left, note: '调拨至二厅', staffNo: '8001' });
    const before = e.digest();
    const result = await e.clerk.call['enrolment.create']({ customerId: e.id('李明'), campaignId: 'ZY2026-SIGNUP-TV', options: {} });
    expect(reasonCodes(result)).toEqual(['OPTION_MISSING', 'CUSTOMER_KIND_MISMATCH', 'GIFT_OUT_OF_STOCK']);
    expect(e.digest()).toBe(before);
  });

  it('refuses a second enrolment over the per-customer limit', async () => {
    await enrol(e, '杨帆', 'ZY2026-REBINDING', { prepayFen: 60000 });
    const before = e.digest();
    const again = await e.clerk.call['enrolment.create']({ customerId: e.id('杨帆'), campaignId: 'ZY2026-REBINDING', options: { prepayFen: 60000 } });
    expect(reasonCodes(again)).toEqual(['PER_CUSTOMER_LIMIT_REACHED']);
    expect(e.digest()).toBe(before);
  });

  it('refuses the gift when stock is exhausted, naming what is on hand', async () => {
    const left = onHand(e.ctx, 'TV-32');
    moveStock(e.ctx, { sku: 'TV-32', reason: 'damaged', qty: left, note: '运输破损', staffNo: '8001' });
    const before = e.digest();
    const result = await e.clerk.call['enrolment.create']({ customerId: e.id('高峰'), campaignId: 'ZY2026-SIGNUP-TV', options: { chosenPlanCode: 'STD-129' } });
    expect(reasonCodes(result)).toEqual(['GIFT_OUT_OF_STOCK']);
    expect(expectError(result, 'NOT_ELIGIBLE').message).toContain('本厅现有0件');
    expect(e.digest()).toBe(before);
  });

  it('refuses once the quota of a newer campaign version is used up; the enrolment records the version it used', async () => {
    e.ctx.store.tx(() => storeCampaign(e.ctx, { ...signupGift, version: 2, limits: { ...signupGift.limits, totalQuota: 1 } }));
    const first = await enrol(e, '高峰', 'ZY2026-SIGNUP-TV', { chosenPlanCode: 'STD-169' });
    expect(first.events[0]?.payload).toMatchObject({ campaignVersion: 2 });
    const walker = expectOk(
      await e.clerk.call['customer.registerWalkIn']({ phone: walkIn.phone, name: walkIn.name, idNumber: walkIn.idNumber }),
    ).customer.customerId;
    const before = e.digest();
    const result = await e.clerk.call['enrolment.create']({ customerId: walker, campaignId: 'ZY2026-SIGNUP-TV', options: { chosenPlanCode: 'STD-129' } });
    expect(reasonCodes(result)).toEqual(['QUOTA_EXHAUSTED']);
    expect(e.digest()).toBe(before);
    // The summary the clerk confirmed was for version 1: the counter says the campaign changed.
    const stale = await e.clerk.call['enrolment.create']({ customerId: walker, campaignId: 'ZY2026-SIGNUP-TV', campaignVersion: 1, options: { chosenPlanCode: 'STD-129' } });
    expect(expectError(stale, 'CONFLICT').details).toMatchObject({ expected: 1, current: 2 });
    expect(e.digest()).toBe(before);
  });

  it('refuses a campaign excluded by one the customer is in (套餐升级 vs 升舱计划)', async () => {
    await enrol(e, '李明', 'ZY2026-UPGRADE-GIFT', { chosenPlanCode: 'STD-129' });
    const before = e.digest();
    const result = await e.clerk.call['enrolment.create']({ customerId: e.id('李明'), campaignId: 'ZY2026-UPGRADE-POINTS', options: { chosenPlanCode: 'GOTONE-128' } });
    expect(reasonCodes(result)).toEqual(['EXCLUSIVE_CAMPAIGN_ACTIVE']);
    expect(e.digest()).toBe(before);
  });

  it('refuses a serial that is no longer on hand (lent to someone else)', async () => {
    await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', TRIAL_SERIALS);
    const before = e.digest();
    const result = await e.clerk.call['enrolment.create']({
      customerId: e.id('孙强'),
      campaignId: 'ZY2026-ITV-TRIAL',
      options: { equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000202'] } },
    });
    expect(reasonCodes(result)).toEqual(['SERIAL_NOT_ON_HAND']);
    expect(e.digest()).toBe(before);
  });

  it('takes everything back when the last step of the transaction fails', async () => {
    // The outbox insert is the very last write of commitAction: by then the enrolment, the
    // stock moves, the loans, the tasks, the slip and the audit entry are all written.
    e.ctx.store.db.exec(`CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const before = e.digest();
    const rowsBefore = counts(e.ctx);
    const boxesBefore = onHand(e.ctx, 'STB-ITV');
    const result = await e.clerk.call['enrolment.create']({ customerId: e.id('徐敏'), campaignId: 'ZY2026-ITV-TRIAL', options: TRIAL_SERIALS });
    expectError(result, 'INTERNAL');
    e.ctx.store.db.exec('DROP TRIGGER temp.fail_outbox');
    expect(counts(e.ctx)).toEqual(rowsBefore);
    expect(onHand(e.ctx, 'STB-ITV')).toBe(boxesBefore);
    expect(e.ctx.store.db.prepare(`SELECT state FROM serial_unit WHERE serial = 'STB2026000101'`).get()).toEqual({ state: 'on_hand' });
    expect(e.digest()).toBe(before);
    // Nothing was consumed either: the same enrolment goes through now, with the first numbers of the day.
    const done = await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', TRIAL_SERIALS);
    expect(done.enrolmentNo).toBe('ZY-HC-001-01-EN20261121-0001');
  });

  it('refuses unknown customers and campaigns with NOT_FOUND', async () => {
    expectError(await e.clerk.call['enrolment.create']({ customerId: 99999, campaignId: 'ZY2026-LOTTERY', options: { spendFen: 5000 } }), 'NOT_FOUND');
    expectError(await e.clerk.call['enrolment.create']({ customerId: e.id('李明'), campaignId: 'ZY2099-NONE', options: {} }), 'NOT_FOUND');
    expectError(await e.clerk.call['enrolment.get']({ enrolmentNo: 'ZY-HC-001-01-EN20261121-9999' }), 'NOT_FOUND');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeCampaign } from '../../electron/core/enrolment/reference';
import lottery from '../../resources/demo/campaigns/lottery.json';
import { CustomerSnapshot, NO_PLAN } from '../../shared/customers/snapshot';
import { expectOk, loginAs } from '../support/core';
import { addHqCustomer } from '../support/customers';
import { DEMO_TRIAL, demo, enrol, openEnrolmentCounter, walkIn, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
beforeEach(async () => {
  e = await openEnrolmentCounter(); // 2026-11-21, Shanghai
});
afterEach(() => e.counter.close());

async function card(name: string) {
  return expectOk(await e.clerk.call['customer.get']({ customerId: e.id(name) })).customer;
}

describe('the customer card', () => {
  it('names the plan from the plan catalogue, in both languages', async () => {
    expect(await card('王秀英')).toMatchObject({ planCode: 'GOTONE-128', planName: '全球通128元套餐', planNameEn: 'GoTone 128', churned: false });
    const found = expectOk(await e.clerk.call['customer.find']({ by: 'phone', phone: demo['陈静']!.phone })).customers;
    expect(found).toMatchObject([{ planCode: 'STD-39', planName: '畅聊39元套餐', planNameEn: 'Chat 39' }]);
    // A code the catalogue does not know is shown as it is, without a name.
    const odd = addHqCustomer(e.ctx, { phone: '13600007777', planCode: 'LEGACY-8' });
    expect(expectOk(await e.clerk.call['customer.get']({ customerId: odd })).customer).toMatchObject({ planCode: 'LEGACY-8', planName: null, planNameEn: null });
    // A counter that has not received the catalogue yet still shows the card.
    e.ctx.store.db.prepare(`DELETE FROM reference_data WHERE key = 'plans'`).run();
    expect(await card('王秀英')).toMatchObject({ planCode: 'GOTONE-128', planName: null });
  });

  it('counts tenure in completed years on today’s Shanghai date, the anniversary included', async () => {
    expect(await card('王秀英')).toMatchObject({ tenureYears: 12 });
    // 张伟 joined on 2025-11-21: one year today, none yet the day before.
    expect(await card('张伟')).toMatchObject({ tenureStart: '2025-11-21', tenureYears: 1, tenureMonths: 12 });
    expect(await card('宋佳')).toMatchObject({ tenureStart: '2016-11-21', tenureYears: 10 });
    // 何平 joined on 2026-08-10: three completed months.
    expect(await card('何平')).toMatchObject({ tenureYears: 0, tenureMonths: 3 });
    // The day before, 张伟's year is not complete yet...
    await e.setDay('2026-11-20');
    expect(await card('张伟')).toMatchObject({ tenureYears: 0, tenureMonths: 11 });
    expect(await card('宋佳')).toMatchObject({ tenureYears: 9 });
    // ...and it is at midnight in Shanghai, while it is still the 20th in UTC.
    e.counter.clock.set('2026-11-20T16:00:00.000Z');
    await loginAs(e.clerk, '1001');
    expect(await card('张伟')).toMatchObject({ tenureYears: 1 });
  });

  it('says whether the customer has left the network', async () => {
    expect(await card('郭亮')).toMatchObject({ churned: true, retentionLight: null });
    expect(await card('李明')).toMatchObject({ churned: false });
  });

  it('a walk-in has no plan until one is signed: null on the card, NO_PLAN in the stored snapshot', async () => {
    const registered = expectOk(
      await e.clerk.call['customer.registerWalkIn']({ phone: walkIn.phone, name: walkIn.name, idNumber: walkIn.idNumber, birthday: walkIn.birthday }),
    ).customer;
    expect(registered).toMatchObject({ kind: 'new', planCode: null, planName: null, planNameEn: null, tenureYears: 0, tenureMonths: 0, churned: false });
    const stored = e.ctx.store.db.prepare('SELECT snapshot FROM customer WHERE id = ?').get(registered.customerId) as { snapshot: string };
    // The snapshot keeps a code, so every snapshot stored before (and HQ's copy) still parses.
    const snapshot: unknown = JSON.parse(stored.snapshot);
    expect(CustomerSnapshot.omit({ pointsLots: true }).parse(snapshot)).toMatchObject({ planCode: NO_PLAN });

    // 高峰 too (registered the day before, in the demo): he signs STD-129 with the signup gift.
    expect(await card('高峰')).toMatchObject({ planCode: null, planName: null });
    await enrol(e, '高峰', 'ZY2026-SIGNUP-TV', { chosenPlanCode: 'STD-129' });
    expect(await card('高峰')).toMatchObject({ planCode: 'STD-129', planName: '畅享129元套餐', planNameEn: 'Enjoy 129' });
  });
});

describe('the enrolment history', () => {
  it('carries the campaign’s English name when HQ published one, else null', async () => {
    const { enrolments } = expectOk(await e.clerk.call['enrolment.listForCustomer']({ customerId: e.id(DEMO_TRIAL.customer) }));
    expect(enrolments).toMatchObject([
      {
        enrolmentNo: DEMO_TRIAL.enrolmentNo,
        campaignName: 'iTV体验营销：全能包免费体验3个月',
        campaignNameEn: 'iTV free trial: the full package free for 3 months',
      },
    ]);
    const { nameEn: _english, ...chineseOnly } = lottery;
    e.ctx.store.tx(() => storeCampaign(e.ctx, { ...chineseOnly, version: 2 }));
    const done = await enrol(e, '唐宁', 'ZY2026-LOTTERY', { spendFen: 26000 });
    const view = expectOk(await e.clerk.call['enrolment.get']({ enrolmentNo: done.enrolmentNo })).enrolment;
    expect(view).toMatchObject({ campaignName: lottery.name, campaignNameEn: null });
  });
});

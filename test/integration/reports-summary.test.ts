import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractClient } from '../../shared/contract/client';
import { expectOk, loginAs } from '../support/core';
import { demo, enrol, expectError, openEnrolmentCounter, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
let clerk2: ContractClient;
beforeEach(async () => {
  e = await openEnrolmentCounter();
  clerk2 = await loginAs(e.counter.client(), '1002');
});
afterEach(() => e.counter.close());

const lend = { equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000201'] } };

/** What the customer paid at the counter, as the enrolment stored it. */
async function paid(enrolmentNo: string): Promise<number> {
  const { enrolment } = expectOk(await e.clerk.call['enrolment.get']({ enrolmentNo }));
  const payment = enrolment.benefits.find((b) => b.type === 'payment');
  return payment?.type === 'payment' ? payment.customerPaysFen : 0;
}

/** A day of business at the demo hall on 2026-11-21: five enrolments, a trial installed, three redemptions, a void, a prize. */
async function businessOfTheDay(): Promise<{ pays: number; points: number; voided: number }> {
  const signup = await enrol(e, '高峰', 'ZY2026-SIGNUP-TV', { chosenPlanCode: 'STD-129' });
  const prepay = await enrol(e, '林婷', 'ZY2026-PREPAY-BONUS', { prepayFen: 120000 });
  await enrol(e, '罗斌', 'ZY2026-REFERRAL', { referrerPhone: demo['李明']!.phone });
  const spend = await enrol(e, '王秀英', 'ZY2026-SPEND-TIERS', { spendFen: 55000 });
  const trial = await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', lend);
  expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: trial.enrolmentNo, completionOn: '2026-11-21' }));

  const wang = expectOk(
    await e.clerk.call['redemption.create']({
      customerId: e.id('王秀英'),
      lines: [
        { catalogueCode: 'JF-THERMOS', quantity: 1 },
        { catalogueCode: 'V12580-C', quantity: 1 },
      ],
    }),
  );
  const xie = expectOk(await clerk2.call['redemption.create']({ customerId: e.id('谢雨'), lines: [{ catalogueCode: 'JF-UMBRELLA', quantity: 1 }] }));
  expectOk(await e.manager.call['redemption.void']({ redemptionNo: xie.redemption.redemptionNo, reason: '客户改选其他礼品' }));
  expectOk(await e.clerk.call['prize.claim']({ winId: 'ZY2026-LOTTERY-W0003', idNumber: demo['唐宁']!.idNumber }));

  const pays = (await Promise.all([signup, prepay, spend, trial].map((x) => paid(x.enrolmentNo)))).reduce((a, b) => a + b, 0);
  return { pays, points: wang.redemption.totalPoints + xie.redemption.totalPoints, voided: xie.redemption.totalPoints };
}

describe('the business summary', () => {
  it("counts today's enrolments, money, gifts, redemptions, voids, prizes and trials as they were done", async () => {
    const done = await businessOfTheDay();
    expect(done.pays).toBeGreaterThan(0);
    const day = expectOk(await e.manager.call['report.summary']({ period: 'day' }));
    expect(day).toMatchObject({ period: 'day', from: '2026-11-21', to: '2026-11-21', today: '2026-11-21' });
    expect(day.totals).toEqual({
      enrolments: 5,
      customerPaysFen: done.pays,
      // the 32" TV, the thermos, the umbrella (voided later: handed over, then back) and the speaker prize
      giftsIssued: 4,
      redemptions: 2,
      pointsSpent: done.points,
      voids: 1,
      pointsReturned: done.voided,
      prizesClaimed: 1,
      equipmentLent: 2,
      equipmentRecovered: 0,
      trialsEnrolled: 1,
      trialsInstalled: 1,
      trialCancellations: 0,
    });

    const byCampaign = Object.fromEntries(day.byCampaign.map((c) => [c.campaignId, c.enrolments]));
    expect(byCampaign).toMatchObject({
      'ZY2026-SIGNUP-TV': 1,
      'ZY2026-PREPAY-BONUS': 1,
      'ZY2026-REFERRAL': 1,
      'ZY2026-SPEND-TIERS': 1,
      'ZY2026-ITV-TRIAL': 1,
      // offered today and nobody joined: listed with 0, after the ones that were joined
      'ZY2026-LOTTERY': 0,
    });
    expect(day.byCampaign.slice(0, 5).every((c) => c.enrolments === 1)).toBe(true);
    expect(day.byCampaign.find((c) => c.campaignId === 'ZY2026-PREPAY-BONUS')?.customerPaysFen).toBeGreaterThanOrEqual(120000);

    const items = Object.fromEntries(day.byItem.map((i) => [i.sku, i]));
    expect(items['TV-32']).toMatchObject({ issuedEnrolment: 1, issued: 1 });
    expect(items['GIFT-THERMOS']).toMatchObject({ issuedRedemption: 1, issued: 1, returned: 0 });
    expect(items['GIFT-UMBRELLA']).toMatchObject({ issuedRedemption: 1, issued: 1, returned: 1 });
    expect(items['SPK-01']).toMatchObject({ issuedPrize: 1, issued: 1 });
    expect(items['STB-ITV']).toMatchObject({ lent: 1, issued: 0 });
    expect(items['MODEM-E8B']).toMatchObject({ lent: 1 });

    // What the points bought, the voided umbrella left out.
    expect(day.redeemed.map((r) => [r.catalogueCode, r.quantity, r.points])).toEqual([
      ['JF-THERMOS', 1, 4800],
      ['V12580-C', 1, 2000],
    ]);
    expect(day.byStaff).toEqual([
      { staffNo: '1001', name: '张敏', enrolments: 5, redemptions: 1, points: 6800 },
      { staffNo: '1002', name: '刘洋', enrolments: 0, redemptions: 1, points: done.voided },
    ]);
    expect(day.byDay).toEqual([{ date: '2026-11-21', enrolments: 5, redemptions: 2, points: done.points, giftsIssued: 4 }]);
    // The referral's credit, the trial's two calls and the two prizes still waiting are open; the install task is done.
    const loads = Object.fromEntries(day.followUps.map((f) => [f.kind, f]));
    expect(loads.referral_credit_due).toMatchObject({ open: 1, overdue: 0, dueSoon: 1 });
    expect(loads.trial_usage_call).toMatchObject({ open: 1 });
    expect(loads.install_due).toBeUndefined();
    expect(day.lowStock.map((i) => i.sku)).toContain('GIFT-EARBUDS');
  });

  it('a week adds up its days; a day stays what it was; the figures are the manager’s', async () => {
    const done = await businessOfTheDay();
    await e.setDay('2026-11-22');
    const li = expectOk(await e.clerk.call['redemption.create']({ customerId: e.id('李明'), lines: [{ catalogueCode: 'JF-UMBRELLA', quantity: 1 }] }));

    const saturday = expectOk(await e.manager.call['report.summary']({ period: 'day', date: '2026-11-21' }));
    expect(saturday.totals).toMatchObject({ redemptions: 2, pointsSpent: done.points, giftsIssued: 4 });
    const sunday = expectOk(await e.manager.call['report.summary']({}));
    expect(sunday).toMatchObject({ from: '2026-11-22', to: '2026-11-22' });
    expect(sunday.totals).toMatchObject({ enrolments: 0, redemptions: 1, pointsSpent: li.redemption.totalPoints, giftsIssued: 1, voids: 0 });

    const week = expectOk(await e.manager.call['report.summary']({ period: 'week', date: '2026-11-18' }));
    expect(week).toMatchObject({ from: '2026-11-16', to: '2026-11-22', today: '2026-11-22' });
    expect(week.byDay.map((d) => d.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(week.byDay.slice(5).map((d) => [d.enrolments, d.redemptions, d.giftsIssued])).toEqual([
      [5, 2, 4],
      [0, 1, 1],
    ]);
    expect(week.totals).toMatchObject({ enrolments: 5, redemptions: 3, pointsSpent: done.points + li.redemption.totalPoints, giftsIssued: 5, voids: 1 });
    // The week after: nothing yet, every campaign still on offer listed with 0.
    const next = expectOk(await e.manager.call['report.summary']({ period: 'week', date: '2026-11-23' }));
    expect(next.totals.enrolments).toBe(0);
    expect(next.byCampaign.length).toBeGreaterThan(0);

    expectError(await e.clerk.call['report.summary']({ period: 'day' }), 'FORBIDDEN');
  });
});

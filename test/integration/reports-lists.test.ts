import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../support/core';
import { DEMO_TRIAL, demo, enrol, expectError, openEnrolmentCounter, secrets, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
afterEach(() => e.counter.close());

const lend = (n: number) => ({ equipmentSerials: { 'STB-ITV': [`STB202600010${n}`], 'MODEM-E8B': [`E8B202600020${n}`] } });

function expectMasked(answer: unknown): void {
  const text = JSON.stringify(answer);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('the trial call lists', () => {
  it('month 1 and month 3: soonest due first with the trial’s dates; a call marked done leaves the open list', async () => {
    e = await openEnrolmentCounter('2026-11-16T01:30:00.000Z');
    const sun = (await enrol(e, '孙强', 'ZY2026-ITV-TRIAL', lend(1))).enrolmentNo;
    await e.setDay('2026-11-21');
    const xu = (await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', lend(2))).enrolmentNo;
    // 徐敏 installed first (today), 孙强 later: her calls now come before his.
    expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: xu, completionOn: '2026-11-21' }));
    await e.setDay('2026-11-23');
    expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: sun, completionOn: '2026-11-23' }));

    const usage = expectOk(await e.clerk.call['lists.trialCalls']({ kind: 'trial_usage_call' }));
    expect(usage.today).toBe('2026-11-23');
    expect(usage.calls.map((c) => [c.enrolmentNo, c.dueOn, c.customer.nameMasked, c.customer.phoneMasked, c.overdue])).toEqual([
      [xu, '2026-12-05', '徐*', '158****1010', false],
      [sun, '2026-12-07', '孙*', '158****1212', false],
    ]);
    expect(usage.calls[0]).toMatchObject({
      kind: 'trial_usage_call',
      status: 'open',
      packageName: 'iTV全能包',
      broadbandPlan: 'e9-99',
      trialStatus: 'active',
      completionOn: '2026-11-21',
      freeUntil: '2027-01-31',
      conversionOn: '2027-02-01',
      monthlyFeeFen: 3500,
    });
    const expiry = expectOk(await e.clerk.call['lists.trialCalls']({ kind: 'trial_expiry_notice', status: 'open', limit: 50 }));
    // Both free to the end of January: due the same day, then the older task first.
    expect(expiry.calls.map((c) => [c.enrolmentNo, c.dueOn])).toEqual([
      [sun, '2027-01-17'],
      [xu, '2027-01-17'],
    ]);
    expect(expectOk(await e.clerk.call['lists.trialCalls']({ kind: 'trial_usage_call', dueTo: '2026-12-06' })).calls).toHaveLength(1);

    const first = usage.calls[0];
    if (!first) throw new Error('the list has a first call');
    expectOk(await e.clerk.call['followup.complete']({ id: first.followUpId, outcome: '月使用不足10小时，已提醒客户使用' }));
    const after = expectOk(await e.clerk.call['lists.trialCalls']({ kind: 'trial_usage_call' }));
    expect(after.calls.map((c) => c.enrolmentNo)).toEqual([sun]);
    const all = expectOk(await e.clerk.call['lists.trialCalls']({ kind: 'trial_usage_call', status: 'all' }));
    // Open calls first, then the ones done.
    expect(all.calls.map((c) => [c.enrolmentNo, c.status, c.outcome, c.doneBy])).toEqual([
      [sun, 'open', null, null],
      // The demo hall's trial cancelled on 2026-11-12 (docs/demo.md): its call was cancelled with it.
      [DEMO_TRIAL.enrolmentNo, 'cancelled', '客户已申请注销', '1001'],
      [xu, 'done', '月使用不足10小时，已提醒客户使用', '1001'],
    ]);
    await e.setDay('2026-12-06');
    expect(expectOk(await e.clerk.call['lists.trialCalls']({ kind: 'trial_usage_call' })).calls[0]).toMatchObject({ enrolmentNo: sun, overdue: false });
    await e.setDay('2026-12-08');
    expect(expectOk(await e.clerk.call['lists.trialCalls']({ kind: 'trial_usage_call' })).calls[0]).toMatchObject({ enrolmentNo: sun, overdue: true });
    expectMasked(all);
    expectMasked(expiry);
  });
});

describe('the equipment recoveries', () => {
  it('open orders soonest due first with the serials to bring back, overdue flagged, gone once the units are scanned back', async () => {
    e = await openEnrolmentCounter('2026-11-21T01:30:00.000Z');
    const xu = (await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', lend(2))).enrolmentNo;
    const sun = (await enrol(e, '孙强', 'ZY2026-ITV-TRIAL', lend(1))).enrolmentNo;
    expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: xu, completionOn: '2026-11-21' }));
    await e.setDay('2027-01-10');
    const xuOrder = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo: xu })).recovery;
    await e.setDay('2027-01-12');
    const sunOrder = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo: sun })).recovery;
    if (!xuOrder || !sunOrder) throw new Error('both cancellations open a recovery order');

    await e.setDay('2027-01-18');
    const open = expectOk(await e.clerk.call['lists.recoveries']({}));
    // The demo hall opens with one overdue recovery (docs/demo.md), due soonest of all.
    expect(open.summary).toEqual({ open: 3, overdue: 2 });
    expect(open.orders.map((o) => [o.enrolmentNo, o.dueOn, o.overdue, o.daysOverdue])[0]).toEqual([DEMO_TRIAL.enrolmentNo, DEMO_TRIAL.recoveryDueOn, true, 60]);
    const ours = open.orders.filter((o) => o.enrolmentNo !== DEMO_TRIAL.enrolmentNo);
    expect(ours.map((o) => [o.orderId, o.enrolmentNo, o.dueOn, o.overdue, o.daysOverdue])).toEqual([
      [xuOrder.orderId, xu, '2027-01-17', true, 1],
      [sunOrder.orderId, sun, '2027-01-19', false, 0],
    ]);
    expect(ours[0]).toMatchObject({
      status: 'open',
      customer: { nameMasked: '徐*', phoneMasked: '158****1010' },
      openedOn: '2027-01-10',
      freeUntil: '2027-01-31',
      // asked for before the last free day: units back after it waive February
      waiverMonthIfLate: '2027-02',
      units: [
        { sku: 'STB-ITV', name: 'iTV机顶盒', serial: 'STB2026000102', status: 'recovery_open' },
        { sku: 'MODEM-E8B', name: 'e8-b光猫', serial: 'E8B2026000202', status: 'recovery_open' },
      ],
      returnSerial: null,
    });
    expect(ours[0]?.followUpId).toEqual(expect.any(Number));

    expectOk(
      await e.clerk.call['recovery.complete']({ orderId: xuOrder.orderId, serials: ['STB2026000102', 'E8B2026000202'], ordinaryModemSerial: 'STD2026000301' }),
    );
    const later = expectOk(await e.clerk.call['lists.recoveries']({ status: 'open' }));
    expect(later.orders.map((o) => o.enrolmentNo)).toEqual([DEMO_TRIAL.enrolmentNo, sun]);
    expect(later.summary).toEqual({ open: 2, overdue: 1 });
    const all = expectOk(await e.clerk.call['lists.recoveries']({ status: 'all', limit: 10 }));
    expect(all.orders.map((o) => [o.orderId, o.status, o.closedOn, o.returnSerial]).slice(1)).toEqual([
      [sunOrder.orderId, 'open', null, null],
      [xuOrder.orderId, 'done', '2027-01-18', 'STD2026000301'],
    ]);
    expectMasked(all);
  });
});

describe('the referral credits', () => {
  it('what each referrer is owed and by when, overdue flagged; confirming the credit through its task marks it credited', async () => {
    e = await openEnrolmentCounter();
    const referral = await enrol(e, '罗斌', 'ZY2026-REFERRAL', { referrerPhone: demo['李明']!.phone });
    const due = expectOk(await e.clerk.call['lists.referralCredits']({}));
    expect(due.totals).toEqual({ due: 1, dueFen: 5000 });
    expect(due.credits).toHaveLength(1);
    expect(due.credits[0]).toMatchObject({
      status: 'due',
      enrolmentNo: referral.enrolmentNo,
      enrolledOn: '2026-11-21',
      referrer: { nameMasked: '李*', phoneMasked: '139****0101' },
      referee: { nameMasked: '罗*', phoneMasked: '158****2020' },
      referrerFen: 5000,
      referrerDueBy: '2026-11-27',
      overdue: false,
      refereeFen: 5000,
      refereeBillMonth: '2026-12',
      followUp: { status: 'open', outcome: null },
      staffNo: '1001',
    });
    await e.setDay('2026-11-30');
    const late = expectOk(await e.clerk.call['lists.referralCredits']({ status: 'due' }));
    expect(late.credits[0]?.overdue).toBe(true);

    const task = late.credits[0]?.followUp?.id ?? 0;
    expectOk(await e.clerk.call['followup.complete']({ id: task, outcome: '已查到推荐奖励到账' }));
    expect(expectOk(await e.clerk.call['lists.referralCredits']({})).credits).toEqual([]);
    const credited = expectOk(await e.clerk.call['lists.referralCredits']({ status: 'credited' }));
    expect(credited.totals).toEqual({ due: 0, dueFen: 0 });
    expect(credited.credits[0]).toMatchObject({ status: 'credited', overdue: false, followUp: { id: task, status: 'done', outcome: '已查到推荐奖励到账', doneBy: '1001' } });
    expectMasked(credited);
    expectError(await e.clerk.call['lists.referralCredits']({ status: 'paid' as 'due' }), 'VALIDATION');
  });
});

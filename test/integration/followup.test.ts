import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk } from '../support/core';
import { auditSince, demo, enrol, eventsSince, expectError, lastSeq, openEnrolmentCounter, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
beforeEach(async () => {
  e = await openEnrolmentCounter();
});
afterEach(() => e.counter.close());

describe('the follow-up lists', () => {
  it('lists tasks by kind and due window, soonest first (then oldest), customers masked, with what each is about', async () => {
    await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', { equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000201'] } });
    await enrol(e, '罗斌', 'ZY2026-REFERRAL', { referrerPhone: demo['李明']!.phone });

    const december = expectOk(await e.clerk.call['followup.list']({ status: 'open', dueFrom: '2026-11-22', dueTo: '2026-12-31', limit: 200 })).followUps;
    expect(december.map((f) => [f.kind, f.dueOn, f.phoneMasked, f.nameMasked])).toEqual([
      ['prize_claim_deadline', '2026-11-27', '158****2525', '谢*'],
      ['referral_credit_due', '2026-11-27', '139****0101', '李*'],
      ['install_due', '2026-11-28', '158****1010', '徐*'],
      ['prize_claim_deadline', '2026-12-01', '187****2727', '唐*'],
      ['trial_usage_call', '2026-12-05', '158****1010', '徐*'],
    ]);
    expect(december[1]).toMatchObject({ kindLabel: '推荐奖励到账', detail: '推荐奖励¥50.00应于2026-11-27前到账', overdue: false, status: 'open' });
    expect(december[2]?.detail).toMatch(/^iTV全能包 ZY-HC-001-01-EN20261121-0001：2026-11-28前上门安装$/);

    const calls = expectOk(await e.clerk.call['followup.list']({ kind: 'trial_expiry_notice', status: 'open', limit: 200 })).followUps;
    expect(calls.map((f) => [f.dueOn, f.customerId])).toEqual([['2027-01-17', e.id('徐敏')]]);
    const all = JSON.stringify(expectOk(await e.clerk.call['followup.list']({ status: 'all', limit: 500 })));
    for (const c of Object.values(demo)) expect(all).not.toContain(c.phone);
  });

  it('closes a task with its outcome (audited, not sent to HQ); a referral credit seen on the account is marked credited', async () => {
    await enrol(e, '罗斌', 'ZY2026-REFERRAL', { referrerPhone: demo['李明']!.phone });
    const task = expectOk(await e.clerk.call['followup.list']({ kind: 'referral_credit_due', status: 'open', limit: 200 })).followUps[0];
    const outboxSeq = lastSeq(e.ctx, 'outbox');
    const auditSeq = lastSeq(e.ctx, 'audit_log');
    await e.setDay('2026-11-26');
    const done = expectOk(await e.clerk.call['followup.complete']({ id: task?.id ?? 0, outcome: '已查到推荐奖励到账' })).followUp;
    expect(done).toMatchObject({ status: 'done', outcome: '已查到推荐奖励到账', doneBy: '1001', overdue: false });
    expect(e.ctx.store.db.prepare('SELECT status FROM referral_credit').all()).toEqual([{ status: 'credited' }]);
    expect(eventsSince(e.ctx, outboxSeq)).toEqual([]);
    expect(auditSince(e.ctx, auditSeq).filter((a) => a.action === 'followup.complete')).toEqual([
      {
        action: 'followup.complete',
        subject: `follow_up:${task?.id ?? 0}`,
        details: { kind: 'referral_credit_due', customerId: e.id('李明'), phone: '139****0101', ref: task?.ref, outcome: '已查到推荐奖励到账' },
      },
    ]);
    expectError(await e.clerk.call['followup.complete']({ id: task?.id ?? 0, outcome: '再次处理' }), 'CONFLICT');
    expectError(await e.clerk.call['followup.complete']({ id: 99999, outcome: '不存在' }), 'NOT_FOUND');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSlip } from '../../electron/core/slips/slips';
import { moveStock } from '../../electron/core/stock/ledger';
import { expectOk } from '../support/core';
import {
  auditSince,
  demo,
  eventsSince,
  expectError,
  expectNoSecretsInSlipsAndAudit,
  lastSeq,
  onHand,
  openEnrolmentCounter,
  type EnrolmentCounter,
} from '../support/enrolment';
import { NotEligibleDetails } from '../../shared/contract/refusals';

let e: EnrolmentCounter;
beforeEach(async () => {
  e = await openEnrolmentCounter(); // 2026-11-21
});
afterEach(() => e.counter.close());

const TV_WIN = 'ZY2026-LOTTERY-W0001'; // 谢雨, 43-inch TV, drawn 2026-11-18, collect by 2026-11-27
const LATE_WIN = 'ZY2026-LOTTERY-W0002'; // 韩梅, speaker, drawn 2026-11-02, collect by 2026-11-11
const SPEAKER_WIN = 'ZY2026-LOTTERY-W0003'; // 唐宁, speaker, drawn 2026-11-20, collect by 2026-12-01

describe('the prize desk', () => {
  it('lists a winner’s prizes with the claim window counted in working days and the stock on hand', async () => {
    const wins = expectOk(await e.clerk.call['prize.listWins']({ customerId: e.id('谢雨') }));
    expect(wins).toEqual({
      today: '2026-11-21',
      wins: [
        {
          winId: TV_WIN,
          customerId: e.id('谢雨'),
          prizeSku: 'TV-43',
          prizeName: '43英寸彩电',
          wonOn: '2026-11-18',
          claimBy: '2026-11-27',
          status: 'unclaimed',
          claimable: true,
          onHand: 6,
          claimedAt: null,
          slipNo: null,
        },
      ],
    });
    const late = expectOk(await e.clerk.call['prize.listWins']({ customerId: e.id('韩梅') })).wins[0];
    expect(late).toMatchObject({ winId: LATE_WIN, claimBy: '2026-11-11', status: 'expired', claimable: false });
    // Each unclaimed win is on the call list until its deadline.
    const calls = expectOk(await e.clerk.call['followup.list']({ kind: 'prize_claim_deadline', status: 'open', limit: 200 })).followUps;
    expect(calls.map((f) => [f.ref.id, f.dueOn, f.overdue])).toEqual([
      [LATE_WIN, '2026-11-11', true],
      [TV_WIN, '2026-11-27', false],
      [SPEAKER_WIN, '2026-12-01', false],
    ]);
  });

  it('hands the prize over to the winner with the right ID: stock down, win claimed, prize slip, one event, one audit entry', async () => {
    const before = onHand(e.ctx, 'TV-43');
    const outboxSeq = lastSeq(e.ctx, 'outbox');
    const auditSeq = lastSeq(e.ctx, 'audit_log');
    const claimed = expectOk(await e.clerk.call['prize.claim']({ winId: TV_WIN, idNumber: demo['谢雨']!.idNumber }));
    expect(onHand(e.ctx, 'TV-43')).toBe(before - 1);
    expect(claimed.win).toMatchObject({ status: 'claimed', claimable: false, slipNo: claimed.slipNo, onHand: before - 1 });
    expect(e.ctx.store.db.prepare('SELECT status, slip_no FROM prize_win WHERE win_id = ?').get(TV_WIN)).toEqual({ status: 'claimed', slip_no: claimed.slipNo });
    expect(
      e.ctx.store.db.prepare(`SELECT sku, qty, reason, ref_type, ref_id, customer_id FROM stock_movement WHERE ref_id = ?`).all(TV_WIN),
    ).toEqual([{ sku: 'TV-43', qty: -1, reason: 'issued_prize', ref_type: 'prize', ref_id: TV_WIN, customer_id: e.id('谢雨') }]);
    expect(claimed.slip).toMatchObject({
      kind: 'prize',
      title: '中奖领奖单',
      customer: { phoneMasked: '158****2525', nameMasked: '谢*' },
      given: [{ label: '43英寸彩电', labelEn: '43-inch colour TV', quantity: 1, valueFen: 199900 }],
    });
    expect(claimed.slip.terms).toContain('开奖日期 2026-11-18，领奖截止 2026-11-27');
    expect(readSlip(e.ctx, claimed.slipNo).data).toEqual(claimed.slip);
    expect(eventsSince(e.ctx, outboxSeq)).toEqual([
      { type: 'prize.claimed', payload: { winId: TV_WIN, slipNo: claimed.slipNo, customerPhone: demo['谢雨']!.phone, prizeSku: 'TV-43', staffNo: '1001' } },
    ]);
    expect(auditSince(e.ctx, auditSeq).map((a) => a.action)).toEqual(['prize.claim']);
    const task = e.ctx.store.db.prepare(`SELECT status FROM follow_up WHERE ref_type = 'prize_win' AND ref_id = ?`).get(TV_WIN);
    expect(task).toEqual({ status: 'done' });
    // A prize is handed over once.
    expectError(await e.clerk.call['prize.claim']({ winId: TV_WIN, idNumber: demo['谢雨']!.idNumber }), 'CONFLICT');
    expectNoSecretsInSlipsAndAudit(e.ctx);
  });

  it('refuses a wrong ID number and writes nothing; a repeated wrong try is audited without the number', async () => {
    const before = e.digest();
    const first = expectError(await e.clerk.call['prize.claim']({ winId: TV_WIN, idNumber: demo['韩梅']!.idNumber }), 'NOT_ELIGIBLE');
    expect(first.details).toEqual({ winId: TV_WIN, reasons: [{ code: 'IDENTITY_MISMATCH', text: first.message, values: { attempts: 1 } }] });
    expect(NotEligibleDetails.safeParse(first.details).success).toBe(true);
    expect(first.message).toContain('身份证号码与中奖客户谢*登记的证件不符');
    expect(e.digest()).toBe(before);

    const auditSeq = lastSeq(e.ctx, 'audit_log');
    const outboxSeq = lastSeq(e.ctx, 'outbox');
    expect(expectError(await e.clerk.call['prize.claim']({ winId: TV_WIN, idNumber: demo['唐宁']!.idNumber }), 'NOT_ELIGIBLE').details).toMatchObject({
      reasons: [{ code: 'IDENTITY_MISMATCH', values: { attempts: 2 } }],
    });
    const audits = auditSince(e.ctx, auditSeq);
    expect(audits).toEqual([
      { action: 'prize.identity_mismatch', subject: `prize:${TV_WIN}`, details: { customerId: e.id('谢雨'), phone: '158****2525', attempts: 2 } },
    ]);
    expect(eventsSince(e.ctx, outboxSeq)).toEqual([]);
    expect(onHand(e.ctx, 'TV-43')).toBe(6);
    expect(e.ctx.store.db.prepare('SELECT status FROM prize_win WHERE win_id = ?').get(TV_WIN)).toEqual({ status: 'unclaimed' });
    // The right ID still works afterwards.
    expectOk(await e.clerk.call['prize.claim']({ winId: TV_WIN, idNumber: demo['谢雨']!.idNumber }));
    expectNoSecretsInSlipsAndAudit(e.ctx);
  });

  it('refuses a claim past the window, saying by when it was due, and writes nothing', async () => {
    const before = e.digest();
    const late = expectError(await e.clerk.call['prize.claim']({ winId: LATE_WIN, idNumber: demo['韩梅']!.idNumber }), 'NOT_ELIGIBLE');
    expect(late.message).toContain('须在2026-11-11前领取');
    expect(late.details).toEqual({
      winId: LATE_WIN,
      reasons: [{ code: 'CLAIM_WINDOW_PASSED', text: late.message, values: { wonOn: '2026-11-02', claimBy: '2026-11-11' } }],
    });
    expect(e.digest()).toBe(before);
    // The last claim day itself is still in time.
    await e.setDay('2026-12-01');
    expectOk(await e.clerk.call['prize.claim']({ winId: SPEAKER_WIN, idNumber: demo['唐宁']!.idNumber }));
  });

  it('refuses when the prize is out of stock, and writes nothing', async () => {
    moveStock(e.ctx, { sku: 'SPK-01', reason: 'transfer_out', qty: onHand(e.ctx, 'SPK-01'), note: '调拨至二厅', staffNo: '8001' });
    const before = e.digest();
    const result = expectError(await e.clerk.call['prize.claim']({ winId: SPEAKER_WIN, idNumber: demo['唐宁']!.idNumber }), 'INSUFFICIENT_STOCK');
    expect(result.message).toContain('智能音箱');
    expect(e.digest()).toBe(before);
    expectError(await e.clerk.call['prize.claim']({ winId: 'ZY2026-LOTTERY-W9999', idNumber: demo['唐宁']!.idNumber }), 'NOT_FOUND');
  });
});

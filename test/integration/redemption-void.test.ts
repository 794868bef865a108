import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSlip } from '../../electron/core/slips/slips';
import { eventPayloads } from '../../shared/sync/events';
import { demoPin, expectOk, loginAs } from '../support/core';
import { addHqCustomer } from '../support/customers';
import { count, lotBalances, onHand, openPointsMall, type PointsMall } from '../support/points';

let mall: PointsMall;
beforeEach(async () => {
  mall = await openPointsMall();
});
afterEach(() => mall.counter.close());

const PHONE = '13900002468';
const MANAGER_APPROVAL = { staffNo: '8001', pin: demoPin('8001') };

function customer(): number {
  return addHqCustomer(mall.ctx, {
    phone: PHONE,
    name: '李国强',
    lots: [
      { lotId: 'LOT-A', remaining: 4000, expiresOn: '2026-11-30' },
      { lotId: 'LOT-B', remaining: 30000, expiresOn: '2027-12-31' },
    ],
  });
}

/** Thermos 4800 + voucher C 2000 + 1GB data pack 1000 = 7800: 4000 from LOT-A, 3800 from LOT-B. */
async function redeemCart(customerId: number) {
  return expectOk(
    await mall.clerk.call['redemption.create']({
      customerId,
      lines: [
        { catalogueCode: 'JF-THERMOS', quantity: 1 },
        { catalogueCode: 'V12580-C', quantity: 1 },
        { catalogueCode: 'SVC-DATA-1G', quantity: 1 },
      ],
    }),
  );
}

function voucherStatus(code: string): string {
  return (mall.ctx.store.stmt('SELECT status FROM voucher_code WHERE code = ?').get(code) as { status: string }).status;
}

describe('voiding a redemption', () => {
  it('needs a manager: a clerk without approval is refused and nothing changes', async () => {
    const id = customer();
    const done = await redeemCart(id);
    const before = mall.digest();
    const result = await mall.clerk.call['redemption.void']({ redemptionNo: done.redemption.redemptionNo, reason: '客户改选' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { needApproval: 'manager' } } });
    expect(mall.digest()).toBe(before);
    // A clerk's PIN is no manager's approval either.
    const byClerk = await mall.clerk.call['redemption.void']({
      redemptionNo: done.redemption.redemptionNo,
      reason: '客户改选',
      approval: { staffNo: '1002', pin: demoPin('1002') },
    });
    expect(byClerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(mall.digest()).toBe(before);
  });

  it('with a manager’s approval gives the same points back to the same lots, the gift back to stock, and revokes the code', async () => {
    const id = customer();
    const lotsBefore = lotBalances(mall.ctx, id);
    const availableBefore = expectOk(await mall.clerk.call['customer.points']({ customerId: id })).available;
    const thermosBefore = onHand(mall.ctx, 'GIFT-THERMOS');
    const done = await redeemCart(id);
    expect(done.redemption.lots).toEqual([
      { lotKey: 'LOT-A', points: 4000, expiresOn: '2026-11-30' },
      { lotKey: 'LOT-B', points: 3800, expiresOn: '2027-12-31' },
    ]);
    const code = done.slip.vouchers[0]?.code ?? '';
    expect(voucherStatus(code)).toBe('issued');
    expect(onHand(mall.ctx, 'GIFT-THERMOS')).toBe(thermosBefore - 1);

    const outbox = count(mall.ctx, 'outbox');
    const audit = count(mall.ctx, 'audit_log');
    mall.counter.clock.advance(10 * 60_000);
    const voided = expectOk(
      await mall.clerk.call['redemption.void']({
        redemptionNo: done.redemption.redemptionNo,
        reason: '客户改选其他礼品',
        approval: MANAGER_APPROVAL,
      }),
    );

    expect(lotBalances(mall.ctx, id)).toEqual(lotsBefore);
    expect(voided.pointsAfter).toBe(availableBefore);
    expect(voided.expiredPointsRestored).toBe(0);
    expect(expectOk(await mall.clerk.call['customer.points']({ customerId: id })).available).toBe(availableBefore);
    const entries = mall.ctx.store
      .stmt(`SELECT l.lot_key AS lot, e.delta FROM points_entry e JOIN points_lot l ON l.id = e.lot_id WHERE e.reason = 'void' ORDER BY e.id`)
      .all();
    expect(entries).toEqual([
      { lot: 'LOT-A', delta: 4000 },
      { lot: 'LOT-B', delta: 3800 },
    ]);
    expect(onHand(mall.ctx, 'GIFT-THERMOS')).toBe(thermosBefore);
    expect(voucherStatus(code)).toBe('revoked');

    const r = voided.redemption;
    expect(r.status).toBe('voided');
    expect(r.void).toMatchObject({ slipNo: voided.voidSlipNo, by: '1001', approvedBy: '8001', reason: '客户改选其他礼品' });
    expect(r.lines.find((l) => l.kind === 'service')?.serviceStatus).toBe('cancelled');
    expect(r.lines.find((l) => l.kind === 'voucher')?.vouchers[0]?.status).toBe('revoked');

    // The VOID slip, linked from the original one.
    expect(voided.slip).toMatchObject({
      kind: 'void',
      slipNo: voided.voidSlipNo,
      customer: { phoneMasked: '139****2468', nameMasked: '李**' },
      given: [{ label: '退还积分', points: 7800 }],
      vouchers: [],
      voids: { slipNo: done.slipNo, reason: '客户改选其他礼品', approvedBy: '王建国（8001）' },
    });
    expect(voided.slip.terms.join('\n')).toContain(code);
    expect(readSlip(mall.ctx, done.slipNo).voidedBySlip).toBe(voided.voidSlipNo);
    expect(readSlip(mall.ctx, voided.voidSlipNo).data).toEqual(voided.slip);

    // One audit entry naming the approver, one event for HQ.
    expect(count(mall.ctx, 'audit_log')).toBe(audit + 1);
    expect(count(mall.ctx, 'outbox')).toBe(outbox + 1);
    const entry = mall.ctx.store.stmt('SELECT actor, action, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      actor: string;
      action: string;
      details: string;
    };
    expect(entry).toMatchObject({ actor: 'staff:1001', action: 'redemption.void' });
    expect(JSON.parse(entry.details)).toMatchObject({ approvedBy: { staffNo: '8001', name: '王建国' }, reason: '客户改选其他礼品', phone: '139****2468' });
    expect(entry.details).not.toContain(PHONE);
    const event = mall.ctx.store.stmt('SELECT type, payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as { type: string; payload: string };
    expect(event.type).toBe('redemption.voided');
    expect(eventPayloads['redemption.voided'].parse(JSON.parse(event.payload))).toEqual({
      redemptionNo: done.redemption.redemptionNo,
      voidSlipNo: voided.voidSlipNo,
      customerPhone: PHONE,
      lots: [
        { lotKey: 'LOT-A', points: 4000 },
        { lotKey: 'LOT-B', points: 3800 },
      ],
      revokedCodes: [code],
      returnedStock: [{ sku: 'GIFT-THERMOS', quantity: 1 }],
      reason: '客户改选其他礼品',
      approvedBy: '8001',
      staffNo: '1001',
    });
    expect(JSON.stringify(voided.slip)).not.toContain(PHONE);
  });

  it('refuses a second void with CONFLICT and changes nothing', async () => {
    const id = customer();
    const done = await redeemCart(id);
    expectOk(await mall.manager.call['redemption.void']({ redemptionNo: done.redemption.redemptionNo, reason: '重复兑换' }));
    const before = mall.digest();
    const again = await mall.manager.call['redemption.void']({ redemptionNo: done.redemption.redemptionNo, reason: '重复兑换' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const byClerk = await mall.clerk.call['redemption.void']({
      redemptionNo: done.redemption.redemptionNo,
      reason: '重复兑换',
      approval: MANAGER_APPROVAL,
    });
    expect(byClerk).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(mall.digest()).toBe(before);
  });

  it('refuses an unknown redemption with NOT_FOUND', async () => {
    const before = mall.digest();
    const result = await mall.manager.call['redemption.void']({ redemptionNo: 'ZY-HC-001-01-RD20261121-0042', reason: '测试作废' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(mall.digest()).toBe(before);
  });

  it('gives the allowance back: a voided item no longer counts towards the per-customer limit', async () => {
    const id = customer();
    const first = expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'JF-POWERBANK', quantity: 1 }] }));
    expect(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'JF-POWERBANK', quantity: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED' },
    });
    expectOk(await mall.manager.call['redemption.void']({ redemptionNo: first.redemption.redemptionNo, reason: '礼品有瑕疵' }));
    expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'JF-POWERBANK', quantity: 1 }] }));
  });

  it('returns points to a lot that has expired since; they stay expired and the slip says so', async () => {
    const id = customer();
    const done = await redeemCart(id); // 4000 from LOT-A, which expires on 30 November
    mall.counter.clock.set('2026-12-02T02:00:00.000Z');
    const manager = await loginAs(mall.counter.client(), '8001');
    const availableBefore = expectOk(await manager.call['customer.points']({ customerId: id })).available;
    const voided = expectOk(await manager.call['redemption.void']({ redemptionNo: done.redemption.redemptionNo, reason: '客户退回礼品' }));
    expect(voided.expiredPointsRestored).toBe(4000);
    expect(voided.pointsAfter).toBe(availableBefore + 3800);
    expect(lotBalances(mall.ctx, id)).toEqual({ 'LOT-A': 4000, 'LOT-B': 30000 });
    expect(voided.slip.points).toEqual({ before: availableBefore, after: availableBefore + 3800 });
    expect(voided.slip.terms.join('\n')).toContain('4000 积分所属批次已过期');
    expect(voided.redemption.void?.approvedBy).toBe('8001');
  });
});

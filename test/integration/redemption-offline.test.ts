import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PENDING_HQ_TERM } from '../../electron/core/points/slip';
import { expectOk } from '../support/core';
import { addHqCustomer } from '../support/customers';
import { count, openPointsMall, registerWithHq, type PointsMall } from '../support/points';

let mall: PointsMall;
let customerId: number;
beforeEach(async () => {
  mall = await openPointsMall();
  customerId = addHqCustomer(mall.ctx, { phone: '13700001111', lots: [{ remaining: 50_000, expiresOn: '2027-06-30' }] });
});
afterEach(() => mall.counter.close());

const minutesAgo = (m: number) => new Date(mall.counter.clock.now().getTime() - m * 60_000).toISOString();

/** Voucher C (2000) + 100-minute voice pack (800) = 2800, over the default offline limit of 2000. */
const CART_2800 = [
  { catalogueCode: 'V12580-C', quantity: 1 },
  { catalogueCode: 'SVC-VOICE-100', quantity: 1 },
];

function pendingFlag(redemptionNo: string): number {
  return (mall.ctx.store.stmt('SELECT pending_hq FROM redemption WHERE redemption_no = ?').get(redemptionNo) as { pending_hq: number }).pending_hq;
}

describe('redeeming while HQ is out of reach', () => {
  it('in a demo hall with no HQ the offline limit does not apply and nothing is pending', async () => {
    const done = expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 }));
    expect(done.slip.pendingHq).toBe(false);
    expect(done.redemption.pendingHq).toBe(false);
  });

  it('online (last sync a minute ago) redeems beyond 2,000 points', async () => {
    registerWithHq(mall.ctx, { lastContactAt: minutesAgo(1) });
    const done = expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 }));
    expect(done.redemption.totalPoints).toBe(2800);
    expect(done.slip.pendingHq).toBe(false);
    expect(pendingFlag(done.redemption.redemptionNo)).toBe(0);
    expect(done.slip.terms).not.toContain(PENDING_HQ_TERM);
  });

  it('exactly 3 intervals of silence is still online; a moment more is offline', async () => {
    registerWithHq(mall.ctx, { lastContactAt: minutesAgo(3) });
    expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 }));
    registerWithHq(mall.ctx, { lastContactAt: new Date(mall.counter.clock.now().getTime() - 180_001).toISOString() });
    expect(await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED' },
    });
  });

  it('offline: over the limit is refused with LIMIT_EXCEEDED and nothing is written', async () => {
    registerWithHq(mall.ctx, { lastContactAt: minutesAgo(4) });
    const before = mall.digest();
    const result = await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED', details: { limit: 'offline', max: 2000, used: 0, needed: 2800, left: 2000 } },
    });
    expect(mall.digest()).toBe(before);
  });

  it('offline: within the limit is accepted, marked pending HQ on the slip and the row, and counted against the limit', async () => {
    registerWithHq(mall.ctx, { lastContactAt: minutesAgo(30) });
    const outbox = count(mall.ctx, 'outbox');
    const done = expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: [{ catalogueCode: 'V12580-C', quantity: 1 }] }));
    expect(done.slip.pendingHq).toBe(true);
    expect(done.slip.terms).toContain(PENDING_HQ_TERM);
    expect(done.redemption.pendingHq).toBe(true);
    expect(pendingFlag(done.redemption.redemptionNo)).toBe(1);
    expect(count(mall.ctx, 'outbox')).toBe(outbox + 1);
    const event = mall.ctx.store.stmt('SELECT payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as { payload: string };
    expect(JSON.parse(event.payload)).toMatchObject({ pendingHq: true });

    // 2000 of 2000 used: even 300 more must wait for HQ.
    const before = mall.digest();
    const more = await mall.clerk.call['redemption.create']({ customerId, lines: [{ catalogueCode: 'SVC-CRBT-1M', quantity: 1 }] });
    expect(more).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED', details: { limit: 'offline', used: 2000, needed: 300, left: 0 } } });
    expect(mall.digest()).toBe(before);

    // Voiding the offline redemption gives its allowance back.
    expectOk(await mall.manager.call['redemption.void']({ redemptionNo: done.redemption.redemptionNo, reason: '客户取消' }));
    expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: [{ catalogueCode: 'SVC-CRBT-1M', quantity: 1 }] }));
  });

  it('counts only what HQ has not acknowledged yet', async () => {
    registerWithHq(mall.ctx, { lastContactAt: minutesAgo(10) });
    const done = expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: [{ catalogueCode: 'V12580-C', quantity: 1 }] }));
    // HQ's answer arrives (as the sync work will record it): the lot balance now includes the debit.
    mall.ctx.store.tx(() => {
      mall.ctx.store.stmt('UPDATE points_entry SET acked = 1 WHERE ref = ?').run(done.redemption.redemptionNo);
      mall.ctx.store.stmt('UPDATE points_lot SET hq_remaining = hq_remaining - 2000 WHERE customer_id = ?').run(customerId);
    });
    expect(expectOk(await mall.clerk.call['customer.points']({ customerId })).available).toBe(48_000);
    const next = expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: [{ catalogueCode: 'V12580-C', quantity: 1 }] }));
    expect(next.slip.pendingHq).toBe(true);
  });

  it('applies the limit HQ set, and treats an HQ never reached as offline', async () => {
    registerWithHq(mall.ctx, { lastContactAt: null, offlineLimit: 5000 });
    const done = expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 }));
    expect(done.slip.pendingHq).toBe(true);
    expect(await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED', details: { limit: 'offline', max: 5000, used: 2800, needed: 2800 } },
    });
  });

  it('follows the sync interval HQ set', async () => {
    registerWithHq(mall.ctx, { lastContactAt: minutesAgo(10), intervalMs: 5 * 60_000 });
    const done = expectOk(await mall.clerk.call['redemption.create']({ customerId, lines: CART_2800 }));
    expect(done.slip.pendingHq).toBe(false);
  });
});

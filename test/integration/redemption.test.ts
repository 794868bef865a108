import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSlip } from '../../electron/core/slips/slips';
import { moveStock } from '../../electron/core/stock/ledger';
import { eventPayloads } from '../../shared/sync/events';
import { expectOk, loginAs } from '../support/core';
import { addHqCustomer } from '../support/customers';
import { count, lotBalances, onHand, openPointsMall, type PointsMall } from '../support/points';
import { NotEligibleDetails } from '../../shared/contract/refusals';

let mall: PointsMall;
beforeEach(async () => {
  mall = await openPointsMall();
});
afterEach(() => mall.counter.close());

const PHONE = '13800001234';
/** Available today: 3000 + 20000; the 5000 lot expired on 10-31. */
const LOTS = [
  { lotId: 'LOT-OLD-EXPIRED', remaining: 5000, earnedOn: '2024-10-01', expiresOn: '2026-10-31' },
  { lotId: 'LOT-DEC', remaining: 3000, earnedOn: '2025-12-01', expiresOn: '2026-12-31' },
  { lotId: 'LOT-JUN', remaining: 20000, earnedOn: '2026-06-01', expiresOn: '2027-06-30' },
];

function customer(lots: Parameters<typeof addHqCustomer>[1]['lots'] = LOTS, phone = PHONE): number {
  return addHqCustomer(mall.ctx, { phone, name: '陈晓梅', lots });
}

function lastOutbox(): { type: string; payload: unknown } {
  const row = mall.ctx.store.stmt('SELECT type, payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as { type: string; payload: string };
  return { type: row.type, payload: JSON.parse(row.payload) };
}

function lastAudit(): { action: string; subject: string; details: Record<string, unknown> } {
  const row = mall.ctx.store.stmt('SELECT action, subject, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    action: string;
    subject: string;
    details: string;
  };
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

describe('redeeming points for a gift and a voucher', () => {
  it('issues both, takes the exact price from the oldest unexpired lot first, prints the slip and tells HQ once', async () => {
    const id = customer();
    const thermosBefore = onHand(mall.ctx, 'GIFT-THERMOS');
    const outboxBefore = count(mall.ctx, 'outbox');
    const auditBefore = count(mall.ctx, 'audit_log');

    const done = expectOk(
      await mall.clerk.call['redemption.create']({
        customerId: id,
        lines: [
          { catalogueCode: 'JF-THERMOS', quantity: 1 },
          { catalogueCode: 'V12580-C', quantity: 1 },
        ],
      }),
    );

    // 4800 + 2000 = 6800: all 3000 of the December lot, then 3800 of the June one; the expired lot is untouched.
    expect(done.redemption.totalPoints).toBe(6800);
    expect(done.redemption.pointsBefore).toBe(23000);
    expect(done.pointsAfter).toBe(16200);
    expect(lotBalances(mall.ctx, id)).toEqual({ 'LOT-OLD-EXPIRED': 5000, 'LOT-DEC': 0, 'LOT-JUN': 16200 });
    expect(done.redemption.lots).toEqual([
      { lotKey: 'LOT-DEC', points: 3000, expiresOn: '2026-12-31' },
      { lotKey: 'LOT-JUN', points: 3800, expiresOn: '2027-06-30' },
    ]);
    expect(expectOk(await mall.clerk.call['customer.points']({ customerId: id })).available).toBe(16200);

    expect(onHand(mall.ctx, 'GIFT-THERMOS')).toBe(thermosBefore - 1);

    // The oldest block of tier C (0007, valid to 2027-01-31) gives its first code.
    const voucherLine = done.redemption.lines.find((l) => l.kind === 'voucher');
    expect(voucherLine?.vouchers).toEqual([
      { code: 'CE12090301', qrPayload: '12580GV|CE12090301|C|2000|20270131', validUntil: '2027-01-31', status: 'issued' },
    ]);
    const code = mall.ctx.store.stmt("SELECT status, redemption_line_id FROM voucher_code WHERE code = 'CE12090301'").get() as {
      status: string;
      redemption_line_id: number | null;
    };
    expect(code.status).toBe('issued');
    expect(code.redemption_line_id).not.toBeNull();
    expect(mall.ctx.store.stmt("SELECT COUNT(*) AS n FROM voucher_code WHERE status = 'issued'").get()).toEqual({ n: 1 });

    // The slip: frozen in the slip table, as returned.
    const slip = done.slip;
    expect(readSlip(mall.ctx, done.slipNo).data).toEqual(slip);
    expect(slip).toMatchObject({
      kind: 'redemption',
      slipNo: done.slipNo,
      customer: { phoneMasked: '138****1234', nameMasked: '陈**' },
      points: { before: 23000, after: 16200 },
      taken: [{ label: '积分', points: 6800 }],
      pendingHq: false,
      vouchers: [{ name: '12580电子礼品券 C档 ¥20', code: 'CE12090301', qrPayload: '12580GV|CE12090301|C|2000|20270131', validUntil: '2027-01-31' }],
      clerk: { staffNo: '1001', name: '张敏' },
    });
    expect(slip.given).toEqual([
      { label: '保温杯', labelEn: 'Thermos cup', quantity: 1, points: 4800 },
      { label: '12580电子礼品券 C档 ¥20', labelEn: '12580 e-gift voucher C ¥20', quantity: 1, points: 2000, valueFen: 2000 },
    ]);
    expect(slip.terms.join('\n')).toContain(done.redemption.redemptionNo);
    expect(slip.terms.join('\n')).toContain('12580');

    // One outbox event, matching the schema HQ validates, with the full phone HQ needs.
    expect(count(mall.ctx, 'outbox')).toBe(outboxBefore + 1);
    const event = lastOutbox();
    expect(event.type).toBe('redemption.created');
    const payload = eventPayloads['redemption.created'].parse(event.payload);
    expect(payload).toMatchObject({
      redemptionNo: done.redemption.redemptionNo,
      slipNo: done.slipNo,
      customerPhone: PHONE,
      totalPoints: 6800,
      pendingHq: false,
      staffNo: '1001',
      lots: [
        { lotKey: 'LOT-DEC', points: 3000 },
        { lotKey: 'LOT-JUN', points: 3800 },
      ],
    });
    expect(payload.lines).toEqual([
      { catalogueCode: 'JF-THERMOS', kind: 'gift', quantity: 1, pointsEach: 4800, voucherCodes: [], stockSku: 'GIFT-THERMOS' },
      { catalogueCode: 'V12580-C', kind: 'voucher', quantity: 1, pointsEach: 2000, voucherCodes: ['CE12090301'], stockSku: null },
    ]);

    // One audit entry, phone masked.
    expect(count(mall.ctx, 'audit_log')).toBe(auditBefore + 1);
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'redemption.create', subject: `redemption:${done.redemption.redemptionNo}` });
    expect(audit.details.phone).toBe('138****1234');
    expect(JSON.stringify(audit)).not.toContain(PHONE);
    expect(JSON.stringify(slip)).not.toContain(PHONE);

    // The customer now shows among this hall's recently served.
    const served = mall.ctx.store.stmt('SELECT last_served_at FROM customer WHERE id = ?').get(id) as { last_served_at: string };
    expect(served.last_served_at).toBe(mall.counter.clock.now().toISOString());
  });

  it('hands out each voucher code once, oldest block first, then the next block', async () => {
    const id = customer([{ remaining: 100_000, expiresOn: '2027-12-31' }]);
    const first = expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'V12580-C', quantity: 4 }] }));
    const second = expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'V12580-C', quantity: 2 }] }));
    const codes = [first, second].flatMap((r) => r.slip.vouchers.map((v) => v.code));
    expect(codes).toEqual(['CE12090301', 'CE12090302', 'CE12090303', 'CE12090401', 'CE12090402', 'CE12090403']);
    expect(new Set(codes).size).toBe(codes.length);
    expect(second.redemption.redemptionNo).not.toBe(first.redemption.redemptionNo);
  });

  it('queues a service add-on for activation and can spend exactly every available point', async () => {
    const id = customer([
      { remaining: 2000, expiresOn: '2026-11-21' }, // expires today: still good today
      { remaining: 800, expiresOn: '2027-01-31' },
      { remaining: 900, expiresOn: '2026-11-20' }, // expired yesterday
    ]);
    expect(expectOk(await mall.clerk.call['customer.points']({ customerId: id })).available).toBe(2800);
    const done = expectOk(
      await mall.clerk.call['redemption.create']({
        customerId: id,
        lines: [
          { catalogueCode: 'V12580-C', quantity: 1 },
          { catalogueCode: 'SVC-VOICE-100', quantity: 1 },
        ],
      }),
    );
    expect(done.pointsAfter).toBe(0);
    expect(done.redemption.lines.find((l) => l.kind === 'service')?.serviceStatus).toBe('pending_activation');
    expect(done.slip.terms.join('\n')).toContain('100分钟国内语音包');
    expect(expectOk(await mall.clerk.call['customer.points']({ customerId: id })).available).toBe(0);
  });

  it('merges the same item scanned twice into one line', async () => {
    const id = customer();
    const done = expectOk(
      await mall.clerk.call['redemption.create']({
        customerId: id,
        lines: [
          { catalogueCode: 'jf-umbrella', quantity: 1 },
          { catalogueCode: 'JF-UMBRELLA', quantity: 2 },
        ],
      }),
    );
    expect(done.redemption.lines).toHaveLength(1);
    expect(done.redemption.lines[0]).toMatchObject({ catalogueCode: 'JF-UMBRELLA', quantity: 3, points: 9000 });
  });

  it('is found again by number and in the customer’s list, newest first', async () => {
    const id = customer();
    const a = expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'SVC-CRBT-1M', quantity: 1 }] }));
    mall.counter.clock.advance(60_000);
    const b = expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'SVC-DATA-1G', quantity: 1 }] }));
    const got = expectOk(await mall.clerk.call['redemption.get']({ redemptionNo: a.redemption.redemptionNo }));
    expect(got.redemption).toEqual(a.redemption);
    const list = expectOk(await mall.clerk.call['redemption.listForCustomer']({ customerId: id, limit: 10 }));
    expect(list.redemptions.map((r) => r.redemptionNo)).toEqual([b.redemption.redemptionNo, a.redemption.redemptionNo]);
    expect(await mall.clerk.call['redemption.get']({ redemptionNo: 'ZY-HC-001-01-RD20261121-0099' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('a refused redemption says why and leaves the database byte-identical', () => {
  async function refused(input: Parameters<PointsMall['clerk']['call']['redemption.create']>[0]) {
    const before = mall.digest();
    const outbox = count(mall.ctx, 'outbox');
    const result = await mall.clerk.call['redemption.create'](input);
    expect(mall.digest()).toBe(before);
    expect(count(mall.ctx, 'outbox')).toBe(outbox);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  }

  it('refuses more points than are available, never counting expired lots', async () => {
    const id = customer([
      { remaining: 50_000, expiresOn: '2026-11-20' },
      { remaining: 1500, expiresOn: '2027-06-30' },
    ]);
    const error = await refused({ customerId: id, lines: [{ catalogueCode: 'V12580-C', quantity: 1 }] });
    expect(error).toMatchObject({ code: 'INSUFFICIENT_POINTS', details: { available: 1500, needed: 2000 } });
  });

  it('refuses one point short of the whole cart', async () => {
    const id = customer([{ remaining: 6799, expiresOn: '2027-06-30' }]);
    const error = await refused({
      customerId: id,
      lines: [
        { catalogueCode: 'JF-THERMOS', quantity: 1 },
        { catalogueCode: 'V12580-C', quantity: 1 },
      ],
    });
    expect(error).toMatchObject({ code: 'INSUFFICIENT_POINTS', details: { available: 6799, needed: 6800 } });
  });

  it('refuses more than the per-customer limit over the item’s window, counting earlier redemptions', async () => {
    const id = customer();
    const error = await refused({ customerId: id, lines: [{ catalogueCode: 'JF-THERMOS', quantity: 3 }] });
    expect(error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 'per_customer', catalogueCode: 'JF-THERMOS', max: 2, already: 0, requested: 3, left: 2 },
    });
    expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'JF-THERMOS', quantity: 2 }] }));
    const again = await refused({ customerId: id, lines: [{ catalogueCode: 'JF-THERMOS', quantity: 1 }] });
    expect(again).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { max: 2, already: 2, requested: 1, left: 0 } });
    const list = expectOk(await mall.clerk.call['catalogue.list']({ search: 'JF-THERMOS', customerId: id }));
    expect(list.items[0]?.customerLimitLeft).toBe(0);
  });

  it('refuses a gift beyond its on-hand stock', async () => {
    const id = customer([{ remaining: 1_000_000, expiresOn: '2027-06-30' }]);
    const have = onHand(mall.ctx, 'GIFT-UMBRELLA');
    const error = await refused({ customerId: id, lines: [{ catalogueCode: 'JF-UMBRELLA', quantity: have + 1 }] });
    expect(error).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { catalogueCode: 'JF-UMBRELLA', have, need: have + 1 } });
  });

  it('never gives away a display unit', async () => {
    const id = customer();
    // The hall puts every remaining rice cooker on show: only display units are left.
    const left = onHand(mall.ctx, 'GIFT-RICECOOKER');
    if (left > 0) mall.ctx.store.tx(() => moveStock(mall.ctx, { sku: 'GIFT-RICECOOKER', reason: 'to_display', qty: left, staffNo: '8001' }));
    const listed = expectOk(await mall.clerk.call['catalogue.list']({ search: '电饭煲' })).items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ code: 'JF-RICECOOKER', available: 0 });
    expect(listed[0]?.onDisplay).toBeGreaterThan(0);
    const error = await refused({ customerId: id, lines: [{ catalogueCode: 'JF-RICECOOKER', quantity: 1 }] });
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toContain('展示样品');
    expect(error.details).toMatchObject({ have: 0, need: 1 });
  });

  it('refuses a voucher when this counter has no codes left for it', async () => {
    const id = customer([{ remaining: 1_000_000, expiresOn: '2027-06-30' }]);
    const tooMany = await refused({ customerId: id, lines: [{ catalogueCode: 'V12580-B', quantity: 7 }] });
    expect(tooMany).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { catalogueCode: 'V12580-B', have: 6, need: 7 } });
    expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'V12580-B', quantity: 6 }] }));
    const none = await refused({ customerId: id, lines: [{ catalogueCode: 'V12580-B', quantity: 1 }] });
    expect(none).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { have: 0, need: 1 } });
    const listed = expectOk(await mall.clerk.call['catalogue.list']({ kind: 'voucher' })).items;
    expect(listed.find((i) => i.code === 'V12580-B')?.available).toBe(0);
  });

  it('refuses an item outside its validity window, before it opens and after it closes', async () => {
    const id = customer();
    const early = await refused({ customerId: id, lines: [{ catalogueCode: 'SVC-DATA-CNY', quantity: 1 }] });
    expect(early).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reasons: [{ code: 'CATALOGUE_NOT_YET_VALID', values: { catalogueCode: 'SVC-DATA-CNY' } }] } });
    // The same reason shape as an enrolment's or a prize's refusal, with the window it was decided on.
    const [reason] = NotEligibleDetails.parse(early.details).reasons;
    expect(Object.keys(reason?.values ?? {}).sort()).toEqual(['catalogueCode', 'validFrom', 'validTo']);
    // The earbuds are a November offer: on 1 December they are gone.
    mall.counter.clock.set('2026-11-30T15:59:00.000Z'); // 23:59 on 30 November in Shanghai
    mall.clerk = await loginAs(mall.counter.client(), '1001'); // the morning's session has expired
    const lastMinute = expectOk(await mall.clerk.call['catalogue.list']({ search: '耳机' })).items;
    expect(lastMinute.map((i) => i.code)).toEqual(['JF-EARBUDS']);
    mall.counter.clock.set('2026-11-30T16:00:00.000Z'); // 00:00 on 1 December
    expect(expectOk(await mall.clerk.call['catalogue.list']({ search: '耳机' })).items).toEqual([]);
    const late = await refused({ customerId: id, lines: [{ catalogueCode: 'JF-EARBUDS', quantity: 1 }] });
    expect(late).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reasons: [{ code: 'CATALOGUE_EXPIRED', values: { catalogueCode: 'JF-EARBUDS' } }] } });
    expect(NotEligibleDetails.parse(late.details).reasons[0]?.text).toContain('今天不能兑换');
  });

  it('refuses an unknown item or customer', async () => {
    const id = customer();
    expect(await refused({ customerId: id, lines: [{ catalogueCode: 'NO-SUCH-ITEM', quantity: 1 }] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused({ customerId: 9999, lines: [{ catalogueCode: 'JF-THERMOS', quantity: 1 }] })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

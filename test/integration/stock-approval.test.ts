import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertSnapshot } from '../../electron/core/customers/repository';
import { moveStock } from '../../electron/core/stock/ledger';
import type { ContractClient } from '../../shared/contract/client';
import type { CustomerSnapshot } from '../../shared/customers/snapshot';
import { eventPayloads } from '../../shared/sync/events';
import { databaseDigest, demoPin, expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';

let counter: TestCounter;
let clerk: ContractClient;
beforeEach(async () => {
  counter = openTestCounter();
  clerk = await loginAs(counter.client(), '1001');
});
afterEach(() => counter.close());

const MANAGER = { staffNo: '8001', pin: demoPin('8001') };

function rows(table: 'stock_movement' | 'outbox' | 'audit_log'): number {
  return (counter.core.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function lastAudit(): { action: string; actor: string; details: Record<string, unknown> } {
  const row = counter.core.ctx.store.db.prepare('SELECT action, actor, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    action: string;
    actor: string;
    details: string;
  };
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

function addCustomer(phone: string): number {
  const snapshot: CustomerSnapshot = {
    phone,
    name: '陈晓',
    idHash: 'a'.repeat(64),
    idLast4: '1234',
    kind: 'existing',
    brand: 'standard',
    planCode: 'P-58',
    planTier: 2,
    tenureStart: '2020-01-01',
    arpuFen: 5800,
    monthlyMinutes: 200,
    contract: null,
    broadband: null,
    birthday: null,
    valueSegment: 'valuable',
    retentionBase: false,
    churned: false,
    pointsLots: [],
    snapshotVersion: 1,
    snapshotAt: '2026-11-01T00:00:00.000Z',
  };
  const ctx = counter.core.ctx;
  return ctx.store.tx(() => upsertSnapshot(ctx, snapshot, 'hq'));
}

/** A redemption slip that handed out `qty` umbrellas, as the points mall writes it. */
function umbrellaSlip(customerId: number, qty: number): string {
  const ctx = counter.core.ctx;
  const slipNo = 'ZY-HC-001-20261121-01-0001';
  ctx.store.tx(() => {
    ctx.store
      .stmt(
        `INSERT INTO slip (slip_no, kind, ref_type, ref_id, customer_id, data, staff_no, created_at)
         VALUES (?, 'redemption', 'redemption', 'R-0001', ?, '{}', '1001', ?)`,
      )
      .run(slipNo, customerId, ctx.clock.now().toISOString());
    const ref = { type: 'redemption', id: 'R-0001' };
    moveStock(ctx, { sku: 'GIFT-UMBRELLA', reason: 'issued_redemption', qty, ref, customerId, staffNo: '1001' });
  });
  return slipNo;
}

describe("a clerk's stock correction needs a manager at the counter", () => {
  it('refuses damage without approval (FORBIDDEN) and changes nothing', async () => {
    const before = databaseDigest(counter.core.dbFile);
    const result = await clerk.call['stock.damage']({ sku: 'TV-32', qty: 1, from: 'on_hand', note: '外箱破损' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { needApproval: 'manager' } } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });

  it('refuses a wrong manager PIN (WRONG_PIN) and moves no stock', async () => {
    const movements = rows('stock_movement');
    const outbox = rows('outbox');
    const result = await clerk.call['stock.damage']({
      sku: 'TV-32',
      qty: 1,
      from: 'on_hand',
      note: '外箱破损',
      approval: { staffNo: '8001', pin: '000000' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(rows('stock_movement')).toBe(movements);
    expect(rows('outbox')).toBe(outbox);
    // The failed PIN itself is on record against the manager's account.
    expect(lastAudit()).toMatchObject({ action: 'staff.wrong_pin', actor: 'staff:8001', details: { purpose: 'approval' } });
  });

  it("refuses a clerk's own PIN as approval", async () => {
    const result = await clerk.call['stock.damage']({
      sku: 'TV-32',
      qty: 1,
      from: 'on_hand',
      note: '外箱破损',
      approval: { staffNo: '1001', pin: demoPin('1001') },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('books the damage with the right PIN; the audit entry and the event name the approving manager', async () => {
    const audit = rows('audit_log');
    const outbox = rows('outbox');
    const done = expectOk(
      await clerk.call['stock.damage']({ sku: 'TV-32', qty: 1, from: 'on_hand', note: '外箱破损', approval: MANAGER }),
    );
    expect(done.balance).toEqual({ onHand: 11, display: 0, lent: 0 });
    expect(rows('audit_log')).toBe(audit + 1);
    expect(rows('outbox')).toBe(outbox + 1);
    expect(lastAudit()).toMatchObject({
      action: 'stock.damage',
      actor: 'staff:1001',
      details: { approvedBy: '8001', note: '外箱破损', from: 'on_hand' },
    });
    const event = counter.core.ctx.store.db.prepare('SELECT payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as { payload: string };
    expect(JSON.parse(event.payload)).toMatchObject({ staffNo: '1001', approvedBy: '8001', reason: 'damaged' });
  });

  it('keeps receiving, transfers and display moves for managers only', async () => {
    for (const result of [
      await clerk.call['stock.receive']({ sku: 'TV-32', qty: 1, deliveryRef: 'HQ-DN-9' }),
      await clerk.call['stock.transferOut']({ sku: 'TV-32', qty: 1, toHall: 'ZY-HC-002' }),
      await clerk.call['stock.toDisplay']({ sku: 'TV-32', qty: 1 }),
      await clerk.call['stocktake.start']({}),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('a customer brings a gift back', () => {
  it('takes it back against the slip, up to what the slip handed out, for the customer on the slip', async () => {
    const customerId = addCustomer('13900001111');
    const slipNo = umbrellaSlip(customerId, 2);
    const done = expectOk(await clerk.call['stock.return']({ sku: 'GIFT-UMBRELLA', qty: 1, slipNo, approval: MANAGER }));
    expect(done.balance.onHand).toBe(24);
    expect(lastAudit()).toMatchObject({ action: 'stock.return', details: { slipNo, approvedBy: '8001' } });
    // HQ knows customers by phone: the event carries it in full (screens only ever show it masked).
    const event = counter.core.ctx.store.db.prepare('SELECT type, payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
      type: string;
      payload: string;
    };
    expect(event.type).toBe('stock.moved');
    expect(eventPayloads['stock.moved'].parse(JSON.parse(event.payload))).toMatchObject({
      reason: 'returned',
      deltas: { on_hand: 1 },
      ref: { type: 'redemption', id: 'R-0001' },
      customerPhone: '13900001111',
      staffNo: '1001',
      approvedBy: '8001',
    });
    const history = expectOk(await clerk.call['stock.item']({ sku: 'GIFT-UMBRELLA', limit: 1 }));
    expect(history.movements[0]).toMatchObject({
      reason: 'returned',
      ref: { type: 'redemption', id: 'R-0001' },
      customer: { customerId, phoneMasked: '139****1111' },
      staffNo: '1001',
      staffName: '张敏',
    });

    const before = databaseDigest(counter.core.dbFile);
    const tooMany = await clerk.call['stock.return']({ sku: 'GIFT-UMBRELLA', qty: 2, slipNo, approval: MANAGER });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { issued: 2, returned: 1 } } });
    const otherGift = await clerk.call['stock.return']({ sku: 'TV-32', qty: 1, slipNo, approval: MANAGER });
    expect(otherGift).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const noSlip = await clerk.call['stock.return']({ sku: 'TV-32', qty: 1, slipNo: 'ZY-HC-001-20261121-01-0999', approval: MANAGER });
    expect(noSlip).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });

  it('without a slip, needs a note saying why', async () => {
    const missing = await clerk.call['stock.return']({ sku: 'TV-32', qty: 1, approval: MANAGER });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const note = '客户小票遗失，店长核实';
    const done = expectOk(await clerk.call['stock.return']({ sku: 'TV-32', qty: 1, note, approval: MANAGER }));
    expect(done.balance.onHand).toBe(13);
  });

  it('takes a serial-numbered unit back only if it was issued, and only from its holder', async () => {
    const customerId = addCustomer('13900002222');
    const other = addCustomer('13900003333');
    const ctx = counter.core.ctx;
    ctx.store.tx(() =>
      moveStock(ctx, { sku: 'MODEM-STD', reason: 'issued_enrolment', qty: 1, serials: ['STD2026000301'], customerId, staffNo: '1001' }),
    );
    const notIssued = await clerk.call['stock.return']({
      sku: 'MODEM-STD',
      qty: 1,
      serials: ['STD2026000302'],
      note: '客户退回',
      approval: MANAGER,
    });
    expect(notIssued).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { state: 'on_hand' } } });
    expect(() =>
      ctx.store.tx(() =>
        moveStock(ctx, { sku: 'MODEM-STD', reason: 'returned', qty: 1, serials: ['STD2026000301'], customerId: other, staffNo: '1001' }),
      ),
    ).toThrow(/不在这位客户名下/);
    const done = expectOk(
      await clerk.call['stock.return']({ sku: 'MODEM-STD', qty: 1, serials: ['STD2026000301'], note: '客户退回', approval: MANAGER }),
    );
    expect(done.balance.onHand).toBe(4);
  });
});

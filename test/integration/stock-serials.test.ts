import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertSnapshot } from '../../electron/core/customers/repository';
import { moveStock, stockBalance } from '../../electron/core/stock/ledger';
import type { ContractClient } from '../../shared/contract/client';
import type { CustomerSnapshot } from '../../shared/customers/snapshot';
import { expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';
import { DEMO_TRIAL } from '../support/enrolment';

let counter: TestCounter;
let clerk: ContractClient;
beforeEach(async () => {
  counter = openTestCounter(); // 2026-11-21 09:30 in Shanghai
  clerk = await loginAs(counter.client(), '1001');
});
afterEach(() => counter.close());

function addCustomer(phone: string, name: string): number {
  const snapshot: CustomerSnapshot = {
    phone,
    name,
    idHash: 'b'.repeat(64),
    idLast4: '5678',
    kind: 'existing',
    brand: 'standard',
    planCode: 'E8-68',
    planTier: 1,
    tenureStart: '2019-05-01',
    arpuFen: 6800,
    monthlyMinutes: 150,
    contract: null,
    broadband: {
      itvCapable: true,
      hasItv: false,
      communityUpgraded: false,
      productKind: 'brand_bundle',
      planCode: 'e8-68',
      newInstall: false,
    },
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

function lend(serial: string, customerId: number): string {
  const ctx = counter.core.ctx;
  const ref = { type: 'enrolment', id: 'E-1' };
  return moveStock(ctx, { sku: 'STB-ITV', reason: 'lent', qty: 1, serials: [serial], customerId, ref, staffNo: '1001' });
}

/**
 * An iTV trial's loan and, optionally, its recovery order, written the way the enrolment
 * work records them (equipment_loan + recovery_order over the lent serial).
 */
function recordLoan(customerId: number, serial: string, lentOn: string, recovery?: { openedOn: string; dueOn: string }): void {
  const db = counter.core.ctx.store.db;
  db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO campaign (id, version, kind, name, definition, valid_from, valid_to, received_at)
       VALUES ('ITV-TRIAL', 1, 'itv_trial', 'iTV体验', '{}', '2026-01-01', '2026-12-31', '2026-01-01T00:00:00.000Z')`,
    ).run();
    const slipNo = `ZY-HC-001-${serial}`;
    db.prepare(
      `INSERT INTO slip (slip_no, kind, ref_type, ref_id, customer_id, data, staff_no, created_at)
       VALUES (?, 'enrolment', 'enrolment', ?, ?, '{}', '1001', '2026-09-01T02:00:00.000Z')`,
    ).run(slipNo, `E-${serial}`, customerId);
    const enrolment = db
      .prepare(
        `INSERT INTO enrolment (enrolment_no, customer_id, campaign_id, campaign_version, enrolled_on, options, snapshot, benefits,
                                status, slip_no, staff_no, created_at)
         VALUES (?, ?, 'ITV-TRIAL', 1, ?, '{}', '{}', '[]', 'active', ?, '1001', '2026-09-01T02:00:00.000Z')`,
      )
      .run(`E-${serial}`, customerId, lentOn, slipNo);
    const order = recovery
      ? Number(
          db
            .prepare(`INSERT INTO recovery_order (customer_id, status, opened_on, due_on) VALUES (?, 'open', ?, ?)`)
            .run(customerId, recovery.openedOn, recovery.dueOn).lastInsertRowid,
        )
      : null;
    db.prepare(
      `INSERT INTO equipment_loan (enrolment_id, customer_id, sku, serial, lent_on, status, recovery_order_id)
       VALUES (?, ?, 'STB-ITV', ?, ?, ?, ?)`,
    ).run(enrolment.lastInsertRowid, customerId, serial, lentOn, order ? 'recovery_open' : 'lent', order);
  })();
}

describe('lent equipment in the ledger', () => {
  it('lends a unit on hand to a customer and takes it back only from that customer', () => {
    const ctx = counter.core.ctx;
    const wang = addCustomer('13800001111', '王芳');
    const li = addCustomer('13800002222', '李强');
    // The demo hall opens with 7 boxes on the shelf and one lent (docs/demo.md).
    expect(stockBalance(ctx, 'STB-ITV')).toEqual({ onHand: 7, display: 0, lent: 1 });
    lend('STB2026000101', wang);
    expect(stockBalance(ctx, 'STB-ITV')).toEqual({ onHand: 6, display: 0, lent: 2 });

    // Already out: cannot be lent again, nor damaged off the shelf.
    expect(() => lend('STB2026000101', li)).toThrow(/已借出/);
    const damage = { sku: 'STB-ITV', reason: 'damaged', qty: 1, serials: ['STB2026000101'], note: 'x', staffNo: '8001' } as const;
    expect(() => moveStock(ctx, damage)).toThrow(/已借出/);
    // Only the holder returns it; a unit on the shelf cannot be "recovered".
    expect(() =>
      moveStock(ctx, { sku: 'STB-ITV', reason: 'recovered', qty: 1, serials: ['STB2026000101'], customerId: li, staffNo: '1001' }),
    ).toThrow(/不在这位客户名下/);
    expect(() =>
      moveStock(ctx, { sku: 'STB-ITV', reason: 'recovered', qty: 1, serials: ['STB2026000102'], customerId: wang, staffNo: '1001' }),
    ).toThrow(/当前在库/);
    // A lend of an unknown serial, or the same serial twice, is refused.
    expect(() => lend('STB2026009999', wang)).toThrow(/不在本厅库存记录中/);
    expect(() =>
      moveStock(ctx, {
        sku: 'STB-ITV',
        reason: 'lent',
        qty: 2,
        serials: ['STB2026000102', 'STB2026000102'],
        customerId: wang,
        staffNo: '1001',
      }),
    ).toThrow(/2 个不同的串号/);
    expect(stockBalance(ctx, 'STB-ITV')).toEqual({ onHand: 6, display: 0, lent: 2 });

    moveStock(ctx, { sku: 'STB-ITV', reason: 'recovered', qty: 1, serials: ['STB2026000101'], customerId: wang, staffNo: '1001' });
    expect(stockBalance(ctx, 'STB-ITV')).toEqual({ onHand: 7, display: 0, lent: 1 });
    // Nothing of an item lent: the lent bucket itself refuses to go below zero.
    expect(() =>
      moveStock(ctx, { sku: 'MODEM-STD', reason: 'recovered', qty: 1, serials: ['STD2026000301'], customerId: wang, staffNo: '1001' }),
    ).toThrow(/借出数量不足：现有 0，需要 1/);
  });

  it('refuses a lot halfway through without leaving the first units moved', () => {
    const ctx = counter.core.ctx;
    const wang = addCustomer('13800001111', '王芳');
    lend('STB2026000103', wang);
    const before = ctx.store.db.prepare('SELECT serial, state FROM serial_unit ORDER BY serial').all();
    expect(() =>
      moveStock(ctx, {
        sku: 'STB-ITV',
        reason: 'lent',
        qty: 2,
        serials: ['STB2026000104', 'STB2026000103'],
        customerId: wang,
        staffNo: '1001',
      }),
    ).toThrow(/STB2026000103/);
    expect(ctx.store.db.prepare('SELECT serial, state FROM serial_unit ORDER BY serial').all()).toEqual(before);
  });

  it('shows in the item card who holds which unit, phone masked', async () => {
    const wang = addCustomer('13800001111', '王芳');
    lend('STB2026000105', wang);
    const card = expectOk(await clerk.call['stock.item']({ sku: 'STB-ITV' }));
    expect(card.balance).toEqual({ onHand: 6, display: 0, lent: 2 });
    expect(card.item).toMatchObject({ onHand: 6, lent: 2, serialTracked: true });
    expect(card.units.find((u) => u.serial === 'STB2026000105')).toMatchObject({
      state: 'lent',
      holder: { customerId: wang, phoneMasked: '138****1111', name: '王芳' },
    });
    expect(card.movements[0]).toMatchObject({
      reason: 'lent',
      deltas: { onHand: -1, display: 0, lent: 1 },
      serials: ['STB2026000105'],
      customer: { customerId: wang, phoneMasked: '138****1111' },
      ref: { type: 'enrolment', id: 'E-1' },
    });
    expect(JSON.stringify(card)).not.toContain('13800001111');
  });
});

describe('equipment.units', () => {
  it('lists who holds which serial with any open recovery, flagging the overdue ones', async () => {
    const wang = addCustomer('13800001111', '王芳');
    const li = addCustomer('13800002222', '李强');
    const zhao = addCustomer('13800003333', '赵磊');
    for (const [serial, who] of [
      ['STB2026000101', wang],
      ['STB2026000102', li],
      ['STB2026000103', zhao],
    ] as const) {
      lend(serial, who);
    }
    recordLoan(wang, 'STB2026000101', '2026-08-01', { openedOn: '2026-11-01', dueOn: '2026-11-20' }); // due yesterday
    recordLoan(li, 'STB2026000102', '2026-08-15', { openedOn: '2026-11-10', dueOn: '2026-11-21' }); // due today: not yet overdue
    recordLoan(zhao, 'STB2026000103', '2026-09-01');
    // An ordinary modem handed over outright (at a recovery): held without a loan.
    const exchange = { type: 'recovery_order', id: '77' };
    moveStock(counter.core.ctx, { sku: 'MODEM-STD', reason: 'issued_enrolment', qty: 1, serials: ['STD2026000304'], customerId: zhao, ref: exchange, staffNo: '1001' });

    const held = expectOk(await clerk.call['equipment.units']({}));
    expect(held.today).toBe('2026-11-21');
    // Besides these, the demo hall's own lent set: 曹颖's box and modem, overdue since 11-20 (docs/demo.md).
    const demoSet = [DEMO_TRIAL.serials['MODEM-E8B'], DEMO_TRIAL.serials['STB-ITV']];
    expect(held.summary).toEqual({ held: 6, recoveryOpen: 4, overdue: 3 });
    expect(held.units.map((u) => u.serial)).toEqual([...demoSet, 'STB2026000101', 'STB2026000102', 'STD2026000304', 'STB2026000103']);
    const [ours, due, exchanged, plain] = held.units.slice(2);
    expect(ours).toMatchObject({
      sku: 'STB-ITV',
      itemName: 'iTV机顶盒',
      state: 'lent',
      holder: { customerId: wang, phoneMasked: '138****1111', name: '王芳' },
      since: { on: '2026-11-21', reason: 'lent', ref: { type: 'enrolment', id: 'E-1' } },
      loan: { lentOn: '2026-08-01', status: 'recovery_open', enrolmentNo: 'E-STB2026000101' },
      recovery: { dueOn: '2026-11-20', overdue: true, daysOverdue: 1 },
    });
    expect(due?.recovery).toMatchObject({ dueOn: '2026-11-21', overdue: false, daysOverdue: 0 });
    // Held without a loan row: no enrolment, but the movement that put it with the customer.
    expect(exchanged).toMatchObject({
      sku: 'MODEM-STD',
      state: 'issued',
      holder: { customerId: zhao, name: '赵磊' },
      since: { on: '2026-11-21', at: '2026-11-21T01:30:00.000Z', reason: 'issued_enrolment', ref: exchange },
      loan: null,
      recovery: null,
    });
    expect(plain).toMatchObject({ loan: { lentOn: '2026-09-01', status: 'lent', enrolmentNo: 'E-STB2026000103' }, recovery: null });

    const overdue = expectOk(await clerk.call['equipment.units']({ show: 'overdue' }));
    expect(overdue.units.map((u) => u.serial)).toEqual([...demoSet, 'STB2026000101']);
    // Shanghai midnight has passed in UTC terms at 16:00Z: the next day, 102 is overdue too.
    counter.clock.set('2026-11-21T16:00:00.000Z');
    const nextDay = await loginAs(counter.client(), '1001'); // yesterday's session has expired
    expect(expectOk(await nextDay.call['equipment.units']({ show: 'overdue' })).summary.overdue).toBe(4);

    const all = expectOk(await nextDay.call['equipment.units']({ show: 'all', sku: 'MODEM-E8B' }));
    expect(all.units).toHaveLength(8);
    const shelf = all.units.filter((u) => u.serial !== DEMO_TRIAL.serials['MODEM-E8B']);
    expect(shelf.every((u) => u.holder === null && u.state === 'on_hand' && u.since?.reason === 'received' && u.loan === null)).toBe(true);
    expect(JSON.stringify(held)).not.toMatch(/1380000\d{4}/);
  });
});

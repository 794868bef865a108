import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertSnapshot } from '../../electron/core/customers/repository';
import { moveStock } from '../../electron/core/stock/ledger';
import type { ContractClient } from '../../shared/contract/client';
import type { CustomerSnapshot } from '../../shared/customers/snapshot';
import { eventPayloads } from '../../shared/sync/events';
import { databaseDigest, demoPin, expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';

let counter: TestCounter;
let manager: ContractClient;
let clerk: ContractClient;
beforeEach(async () => {
  counter = openTestCounter();
  manager = await loginAs(counter.client(), '8001');
  clerk = await loginAs(counter.client(), '1001');
});
afterEach(() => counter.close());

const MANAGER = { staffNo: '8001', pin: demoPin('8001') };

function rows(table: 'stock_movement' | 'outbox' | 'audit_log'): number {
  return (counter.core.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * Runs a write and checks it added exactly one audit entry, and one outbox event when HQ
 * hears of it (an approval; opening, counting and cancelling stay at the counter).
 */
async function oneAction<T>(
  write: () => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
  events = 0,
) {
  const before = { outbox: rows('outbox'), audit: rows('audit_log') };
  const value = expectOk(await write());
  expect({ outbox: rows('outbox'), audit: rows('audit_log') }).toEqual({ outbox: before.outbox + events, audit: before.audit + 1 });
  return value;
}

function lastEvent(): { type: string; payload: Record<string, unknown> } {
  const row = counter.core.ctx.store.db.prepare('SELECT type, payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
    type: string;
    payload: string;
  };
  return { type: row.type, payload: JSON.parse(row.payload) as Record<string, unknown> };
}

async function onHand(sku: string): Promise<number> {
  return expectOk(await manager.call['stock.item']({ sku, limit: 1 })).balance.onHand;
}

async function start(): Promise<number> {
  return (await oneAction(() => manager.call['stocktake.start']({ note: '月度盘点' }))).stocktake.stocktakeId;
}

describe('a stocktake', () => {
  it('opens one at a time', async () => {
    const id = await start();
    const second = await manager.call['stocktake.start']({});
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { stocktakeId: id, reason: 'already_open' } } });
  });

  it('records counts against the ledger balance at count time; counting again replaces', async () => {
    const id = await start();
    const first = await oneAction(() => clerk.call['stocktake.count']({ stocktakeId: id, sku: 'TV-32', bucket: 'on_hand', counted: 10 }));
    expect(first.line).toMatchObject({ expected: 12, counted: 10, variance: -2, countedBy: '1001' });
    const again = expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'TV-32', bucket: 'on_hand', counted: 11 }));
    expect(again.line).toMatchObject({ expected: 12, counted: 11, variance: -1 });
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'GIFT-THERMOS', bucket: 'display', counted: 1 }));

    const review = expectOk(await clerk.call['stocktake.review']({}));
    expect(review.stocktake).toMatchObject({ stocktakeId: id, status: 'open', startedBy: '8001', note: '月度盘点' });
    // Every active item has an on-hand line; items on display also a display line.
    expect(review.lines.filter((l) => l.bucket === 'on_hand')).toHaveLength(12);
    expect(review.lines.filter((l) => l.bucket === 'display').map((l) => l.sku).sort()).toEqual([
      'GIFT-POWERBANK',
      'GIFT-RICECOOKER',
      'GIFT-THERMOS',
    ]);
    expect(review.lines.find((l) => l.sku === 'TV-32' && l.bucket === 'on_hand')).toMatchObject({ counted: 11, variance: -1 });
    expect(review.lines.find((l) => l.sku === 'TV-43')).toMatchObject({ expected: 6, counted: null, variance: null });
    expect(review.summary).toEqual({ lines: 15, counted: 2, notCounted: 13, withVariance: 1 });
  });

  it('approved with a clerk and a manager PIN: books the variance, on-hand equals the count, uncounted items are left alone', async () => {
    const id = await start();
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'TV-32', bucket: 'on_hand', counted: 10 }));
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'SPK-01', bucket: 'on_hand', counted: 21 }));
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'TV-43', bucket: 'on_hand', counted: 6 }));

    const unapproved = await clerk.call['stocktake.approve']({ stocktakeId: id });
    expect(unapproved).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wrongPin = await clerk.call['stocktake.approve']({ stocktakeId: id, approval: { staffNo: '8001', pin: '123123' } });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });

    const movementsBefore = rows('stock_movement');
    const approved = await oneAction(() => clerk.call['stocktake.approve']({ stocktakeId: id, approval: MANAGER }), 1);
    expect(approved.stocktake).toMatchObject({ status: 'approved', closedBy: '8001' });
    expect(approved.adjustments.map(({ groupId: _g, ...a }) => a)).toEqual([
      { sku: 'SPK-01', bucket: 'on_hand', delta: 1, serials: [] },
      { sku: 'TV-32', bucket: 'on_hand', delta: -2, serials: [] },
    ]);
    expect(rows('stock_movement')).toBe(movementsBefore + 2);
    expect(await onHand('TV-32')).toBe(10);
    expect(await onHand('SPK-01')).toBe(21);
    expect(await onHand('TV-43')).toBe(6);
    expect(await onHand('TV-32')).toBe(10);
    expect(approved.notCounted.map((n) => `${n.sku}:${n.bucket}`)).toContain('GIFT-UMBRELLA:on_hand');
    expect(approved.notCounted.map((n) => n.sku)).not.toContain('TV-32');
    expect(await onHand('GIFT-UMBRELLA')).toBe(25);

    const event = lastEvent();
    expect(event.type).toBe('stocktake.approved');
    expect(eventPayloads['stocktake.approved'].parse(event.payload)).toEqual({
      stocktakeId: id,
      adjustments: [
        { sku: 'SPK-01', bucket: 'on_hand', delta: 1 },
        { sku: 'TV-32', bucket: 'on_hand', delta: -2 },
      ],
      approvedBy: '8001',
    });
    expect(event.payload).toMatchObject({ hallCode: 'ZY-HC-001', staffNo: '1001' });
    const adjusted = counter.core.ctx.store.db
      .prepare(`SELECT sku, qty, ref_type, ref_id FROM stock_movement WHERE reason = 'stocktake_adjust' ORDER BY id`)
      .all();
    expect(adjusted).toEqual([
      { sku: 'SPK-01', qty: 1, ref_type: 'stocktake', ref_id: String(id) },
      { sku: 'TV-32', qty: -2, ref_type: 'stocktake', ref_id: String(id) },
    ]);
    const audit = counter.core.ctx.store.db.prepare('SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      action: string;
      details: string;
    };
    expect(audit.action).toBe('stocktake.approve');
    expect(JSON.parse(audit.details)).toMatchObject({ approvedBy: '8001' });

    // Closed: no more counts, no second approval.
    const late = await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'TV-32', bucket: 'on_hand', counted: 3 });
    const closed = { code: 'CONFLICT', details: { stocktakeId: id, status: 'approved', reason: 'closed' } };
    expect(late).toMatchObject({ ok: false, error: closed });
    expect(await manager.call['stocktake.approve']({ stocktakeId: id })).toMatchObject({ ok: false, error: closed });
    expect(await manager.call['stocktake.cancel']({ stocktakeId: id })).toMatchObject({ ok: false, error: closed });
  });

  it('measures the variance at count time, so a gift handed out after the count is not counted twice', async () => {
    const id = await start();
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'TV-32', bucket: 'on_hand', counted: 11 }));
    const ctx = counter.core.ctx;
    ctx.store.tx(() => moveStock(ctx, { sku: 'TV-32', reason: 'issued_enrolment', qty: 2, staffNo: '1001' }));
    expectOk(await manager.call['stocktake.approve']({ stocktakeId: id }));
    // 12 booked, 11 found (one missing), then 2 handed out: 9 left.
    expect(await onHand('TV-32')).toBe(9);
  });

  it('refuses to approve into a negative balance, and changes nothing', async () => {
    const id = await start();
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'GIFT-EARBUDS', bucket: 'on_hand', counted: 0 }));
    const ctx = counter.core.ctx;
    ctx.store.tx(() => moveStock(ctx, { sku: 'GIFT-EARBUDS', reason: 'issued_redemption', qty: 1, staffNo: '1001' }));
    const before = databaseDigest(counter.core.dbFile);
    const refused = await manager.call['stocktake.approve']({ stocktakeId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK', details: { sku: 'GIFT-EARBUDS', now: 2 } } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });

  it('counts serial-numbered units by scanning: missing ones are written off, found ones booked in', async () => {
    const id = await start();
    // On the shelf: 101–107 (108 is the demo's lent box, docs/demo.md). 107 is not found.
    const scanned = ['STB2026000101', 'STB2026000102', 'STB2026000103', 'STB2026000104', 'STB2026000105', 'STB2026000106'];
    const noScan = await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'STB-ITV', bucket: 'on_hand', counted: 6 });
    expect(noScan).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const line = { stocktakeId: id, sku: 'STB-ITV', bucket: 'on_hand' } as const;
    const twice = await clerk.call['stocktake.count']({ ...line, serials: ['STB2026000101', 'STB2026000101'] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const mismatch = await clerk.call['stocktake.count']({ ...line, counted: 3, serials: scanned });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const plainWithSerials = await clerk.call['stocktake.count']({ ...line, sku: 'TV-32', serials: ['STB2026000101'] });
    expect(plainWithSerials).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const counted = expectOk(await clerk.call['stocktake.count']({ ...line, serials: [...scanned, 'STB2026000199'] })).line;
    expect(counted).toMatchObject({ expected: 7, counted: 7, variance: 0 });
    expect(counted).toMatchObject({ missingSerials: ['STB2026000107'], unexpectedSerials: ['STB2026000199'] });
    const review = expectOk(await clerk.call['stocktake.review']({ stocktakeId: id }));
    expect(review.summary.withVariance).toBe(1);

    const approved = expectOk(await clerk.call['stocktake.approve']({ stocktakeId: id, approval: MANAGER }));
    expect(approved.adjustments.map(({ groupId: _g, ...a }) => a)).toEqual([
      { sku: 'STB-ITV', bucket: 'on_hand', delta: -1, serials: ['STB2026000107'] },
      { sku: 'STB-ITV', bucket: 'on_hand', delta: 1, serials: ['STB2026000199'] },
    ]);
    const card = expectOk(await manager.call['stock.item']({ sku: 'STB-ITV' }));
    expect(card.balance).toEqual({ onHand: 7, display: 0, lent: 1 });
    expect(card.units.find((u) => u.serial === 'STB2026000107')?.state).toBe('damaged');
    expect(card.units.find((u) => u.serial === 'STB2026000108')?.state).toBe('lent');
    expect(card.units.find((u) => u.serial === 'STB2026000199')?.state).toBe('on_hand');
  });

  it('will not book in a scanned unit the ledger has with a customer', async () => {
    const ctx = counter.core.ctx;
    const snapshot: CustomerSnapshot = {
      phone: '13700001111',
      name: '周敏',
      idHash: 'c'.repeat(64),
      idLast4: '4321',
      kind: 'existing',
      brand: 'standard',
      planCode: 'E8-68',
      planTier: 1,
      tenureStart: '2018-01-01',
      arpuFen: 6800,
      monthlyMinutes: 100,
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
    const customerId = ctx.store.tx(() => upsertSnapshot(ctx, snapshot, 'hq'));
    const lend = { sku: 'MODEM-E8B', reason: 'lent', qty: 1, serials: ['E8B2026000201'], customerId, staffNo: '1001' } as const;
    ctx.store.tx(() => moveStock(ctx, lend));
    const id = await start();
    const all = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `E8B202600020${n}`);
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'MODEM-E8B', bucket: 'on_hand', serials: all }));
    const before = databaseDigest(counter.core.dbFile);
    const refused = await manager.call['stocktake.approve']({ stocktakeId: id });
    // 208 too: the demo hall's modem lent to 曹颖 (docs/demo.md).
    const blocked = [
      { serial: 'E8B2026000201', state: 'lent' },
      { serial: 'E8B2026000208', state: 'lent' },
    ];
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { stocktakeId: id, reason: 'serials_elsewhere', blocked } } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });

  it('cancelled: the ledger is untouched and the counts stay on record', async () => {
    const id = await start();
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: id, sku: 'TV-32', bucket: 'on_hand', counted: 1 }));
    expect(await clerk.call['stocktake.cancel']({ stocktakeId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const movements = rows('stock_movement');
    const cancelled = await oneAction(() => manager.call['stocktake.cancel']({ stocktakeId: id, note: '重盘' }));
    expect(cancelled.stocktake).toMatchObject({ status: 'cancelled', closedBy: '8001' });
    expect(rows('stock_movement')).toBe(movements);
    expect(await onHand('TV-32')).toBe(12);
    const review = expectOk(await clerk.call['stocktake.review']({ stocktakeId: id }));
    expect(review.lines.find((l) => l.sku === 'TV-32' && l.bucket === 'on_hand')?.counted).toBe(1);
    expect(await clerk.call['stocktake.review']({})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A new one may open now.
    expect((await start()) > id).toBe(true);
  });

  it('refuses to approve a stocktake with nothing counted', async () => {
    const id = await start();
    const nothing = await manager.call['stocktake.approve']({ stocktakeId: id });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { stocktakeId: id, reason: 'nothing_counted' } } });
    expect(await manager.call['stocktake.approve']({ stocktakeId: id + 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the stocktake history', () => {
  it('lists recent stocktakes newest first, with who opened and closed each, when, and the lines counted and with a variance', async () => {
    expect(expectOk(await clerk.call['stocktake.list']({})).stocktakes).toEqual([]);
    const first = await start();
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: first, sku: 'TV-32', bucket: 'on_hand', counted: 11 }));
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: first, sku: 'TV-43', bucket: 'on_hand', counted: 6 }));
    // Totals agree, serials do not: 107 missing, 199 found instead. Still a variance.
    const shelf = [1, 2, 3, 4, 5, 6].map((n) => `STB202600010${n}`);
    expectOk(await clerk.call['stocktake.count']({ stocktakeId: first, sku: 'STB-ITV', bucket: 'on_hand', serials: [...shelf, 'STB2026000199'] }));
    counter.clock.advance(60 * 60 * 1000);
    expectOk(await clerk.call['stocktake.approve']({ stocktakeId: first, approval: MANAGER }));
    const second = await start();
    expectOk(await manager.call['stocktake.cancel']({ stocktakeId: second, note: '重盘' }));
    const third = await start();

    const { stocktakes } = expectOk(await clerk.call['stocktake.list']({}));
    expect(stocktakes.map((s) => [s.stocktakeId, s.status, s.countedLines, s.varianceLines])).toEqual([
      [third, 'open', 0, 0],
      [second, 'cancelled', 0, 0],
      [first, 'approved', 3, 2],
    ]);
    expect(stocktakes[2]).toMatchObject({
      startedBy: '8001',
      startedAt: '2026-11-21T01:30:00.000Z',
      closedBy: '8001',
      closedAt: '2026-11-21T02:30:00.000Z',
      note: '月度盘点',
    });
    expect(stocktakes[1]).toMatchObject({ closedBy: '8001', note: '月度盘点' });
    expect(expectOk(await clerk.call['stocktake.list']({ limit: 1 })).stocktakes.map((s) => s.stocktakeId)).toEqual([third]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import demoStock from '../../resources/demo/stock.json';
import type { ContractClient } from '../../shared/contract/client';
import { eventPayloads } from '../../shared/sync/events';
import { databaseDigest, expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';
import { DEMO_TRIAL } from '../support/enrolment';

let counter: TestCounter;
let manager: ContractClient;
beforeEach(async () => {
  counter = openTestCounter();
  manager = await loginAs(counter.client(), '8001');
});
afterEach(() => counter.close());

function count(table: 'stock_movement' | 'outbox' | 'audit_log'): number {
  return (counter.core.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

async function balances(sku: string) {
  return expectOk(await manager.call['stock.item']({ sku, limit: 1 })).balance;
}

/** The last outbox event, parsed. */
function lastEvent(): { type: string; payload: unknown } {
  const row = counter.core.ctx.store.db.prepare('SELECT type, payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
    type: string;
    payload: string;
  };
  return { type: row.type, payload: JSON.parse(row.payload) as unknown };
}

function lastAudit(): { action: string; subject: string; details: Record<string, unknown> } {
  const row = counter.core.ctx.store.db.prepare('SELECT action, subject, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    action: string;
    subject: string;
    details: string;
  };
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

/** Runs a write and checks it left exactly one movement group, one outbox event and one audit entry. */
async function oneAction<T>(write: () => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>) {
  const before = { outbox: count('outbox'), audit: count('audit_log') };
  const value = expectOk(await write());
  expect({ outbox: count('outbox'), audit: count('audit_log') }).toEqual({ outbox: before.outbox + 1, audit: before.audit + 1 });
  return value;
}

describe('the demo hall stock', () => {
  it('derives every balance from the ledger, equal to resources/demo/stock.json', async () => {
    const { items } = expectOk(await manager.call['stock.list']({}));
    expect(items.map((i) => i.sku).sort()).toEqual(demoStock.items.map((i) => i.sku).sort());
    for (const seeded of demoStock.items) {
      const item = items.find((i) => i.sku === seeded.sku);
      const received = seeded.serials?.length ?? seeded.received ?? 0;
      const display = seeded.display ?? 0;
      // The demo's one lent iTV set (docs/demo.md) left the shelf a month ago.
      const lent = seeded.sku in DEMO_TRIAL.serials ? 1 : 0;
      expect(item, seeded.sku).toMatchObject({ onHand: received - display - lent, display, lent, lowThreshold: seeded.lowThreshold });
    }
    // Nothing typed in: each balance is a sum of movement rows.
    const sums = counter.core.ctx.store.db
      .prepare(`SELECT sku, SUM(qty) FILTER (WHERE bucket = 'on_hand') AS on_hand FROM stock_movement GROUP BY sku`)
      .all() as { sku: string; on_hand: number }[];
    for (const s of sums) expect(items.find((i) => i.sku === s.sku)?.onHand).toBe(s.on_hand);
    const earbuds = items.find((i) => i.sku === 'GIFT-EARBUDS');
    expect(earbuds).toMatchObject({ onHand: 3, lowThreshold: 5, low: true });
  });

  it('lists serial-numbered units on hand one by one', async () => {
    const stb = expectOk(await manager.call['stock.item']({ sku: 'STB-ITV' }));
    expect(stb.units).toHaveLength(8);
    const lent = DEMO_TRIAL.serials['STB-ITV'];
    expect(stb.units.filter((u) => u.serial !== lent).every((u) => u.state === 'on_hand' && u.holder === null)).toBe(true);
    expect(stb.units.find((u) => u.serial === lent)).toMatchObject({ state: 'lent', holder: { name: DEMO_TRIAL.customer } });
    // Newest first: the demo trial's loan on 2026-10-21, then the opening delivery.
    expect(stb.movements).toHaveLength(2);
    expect(stb.movements[0]).toMatchObject({ reason: 'lent', deltas: { onHand: -1, display: 0, lent: 1 }, serials: [lent] });
    expect(stb.movements[1]).toMatchObject({ reason: 'received', deltas: { onHand: 8, display: 0, lent: 0 } });
    expect(stb.movements[1]?.serials).toHaveLength(8);
  });
});

describe('stock writes move exactly the right buckets', () => {
  it('receives a delivery from HQ once, with one stock.moved event and one audit entry', async () => {
    const result = await oneAction(() =>
      manager.call['stock.receive']({ sku: 'TV-32', qty: 5, deliveryRef: 'HQ-DN-001', note: '第二批' }),
    );
    expect(result.balance).toEqual({ onHand: 17, display: 0, lent: 0 });
    expect(result.movement).toMatchObject({ reason: 'received', deltas: { onHand: 5, display: 0, lent: 0 } });
    const event = lastEvent();
    expect(event.type).toBe('stock.moved');
    // The payload is what the sync contract says HQ books; HQ marks its delivery received by the counterparty.
    expect(eventPayloads['stock.moved'].parse(event.payload)).toEqual({
      sku: 'TV-32',
      reason: 'received',
      deltas: { on_hand: 5 },
      serials: [],
      ref: { type: 'delivery', id: 'HQ-DN-001' },
      customerPhone: null,
      counterparty: 'HQ-DN-001',
      note: '第二批',
      staffNo: '8001',
      approvedBy: null,
    });
    expect(event.payload).toMatchObject({ hallCode: 'ZY-HC-001', at: counter.clock.now().toISOString() });
    expect(lastAudit()).toMatchObject({ action: 'stock.receive', subject: 'stock:TV-32', details: { deltas: { onHand: 5 } } });

    const before = databaseDigest(counter.core.dbFile);
    const again = await manager.call['stock.receive']({ sku: 'TV-32', qty: 5, deliveryRef: 'HQ-DN-001' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });

  it('moves units to and from display and writes damage off the right bucket', async () => {
    const shown = await oneAction(() => manager.call['stock.toDisplay']({ sku: 'TV-43', qty: 2 }));
    expect(shown.balance).toEqual({ onHand: 4, display: 2, lent: 0 });
    expect(shown.movement.deltas).toEqual({ onHand: -2, display: 2, lent: 0 });
    expect(eventPayloads['stock.moved'].parse(lastEvent().payload).deltas).toEqual({ on_hand: -2, display: 2 });
    const back = await oneAction(() => manager.call['stock.fromDisplay']({ sku: 'TV-43', qty: 1 }));
    expect(back.balance).toEqual({ onHand: 5, display: 1, lent: 0 });
    const offDisplay = await oneAction(() => manager.call['stock.damage']({ sku: 'TV-43', qty: 1, from: 'display', note: '屏幕划伤' }));
    expect(offDisplay.balance).toEqual({ onHand: 5, display: 0, lent: 0 });
    const offShelf = await oneAction(() => manager.call['stock.damage']({ sku: 'TV-43', qty: 2, from: 'on_hand', note: '运输破损' }));
    expect(offShelf.balance).toEqual({ onHand: 3, display: 0, lent: 0 });
    expect(offShelf.movement.deltas).toEqual({ onHand: -2, display: 0, lent: 0 });
    // A manager's own damage is approved by that manager.
    expect(lastAudit().details).toMatchObject({ approvedBy: '8001', from: 'on_hand', note: '运输破损' });
  });

  it('transfers to and from other halls, serial by serial for equipment', async () => {
    const out = await oneAction(() =>
      manager.call['stock.transferOut']({ sku: 'MODEM-E8B', qty: 2, serials: ['E8B2026000206', 'E8B2026000207'], toHall: 'ZY-HC-002' }),
    );
    // 7 on the shelf: the demo's eighth modem is lent (docs/demo.md).
    expect(out.balance).toEqual({ onHand: 5, display: 0, lent: 1 });
    expect(eventPayloads['stock.moved'].parse(lastEvent().payload)).toMatchObject({
      reason: 'transfer_out',
      deltas: { on_hand: -2 },
      serials: ['E8B2026000206', 'E8B2026000207'],
      ref: { type: 'hall', id: 'ZY-HC-002' },
      counterparty: 'ZY-HC-002',
    });
    const units = expectOk(await manager.call['stock.item']({ sku: 'MODEM-E8B' })).units;
    expect(units.find((u) => u.serial === 'E8B2026000207')?.state).toBe('transferred');

    const back = await oneAction(() =>
      manager.call['stock.transferIn']({ sku: 'MODEM-E8B', qty: 1, serials: ['E8B2026000207'], fromHall: 'ZY-HC-002' }),
    );
    expect(back.balance.onHand).toBe(6);
    const plain = await oneAction(() => manager.call['stock.transferIn']({ sku: 'TV-32', qty: 3, fromHall: 'ZY-HC-009' }));
    expect(plain.balance.onHand).toBe(15);
    const own = await manager.call['stock.transferOut']({ sku: 'TV-32', qty: 1, toHall: 'ZY-HC-001' });
    expect(own).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses to take any bucket below zero, says why, and leaves the database byte-identical', async () => {
    const before = databaseDigest(counter.core.dbFile);
    const rows = count('stock_movement');
    const tooMany = await manager.call['stock.transferOut']({ sku: 'TV-32', qty: 13, toHall: 'ZY-HC-002' });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK', details: { have: 12, need: 13, bucket: 'on_hand' } } });
    expect(tooMany.ok ? '' : tooMany.error.message).toMatch(/32英寸彩电在库数量不足：现有 12，需要 13/);
    for (const call of [
      () => manager.call['stock.fromDisplay']({ sku: 'TV-32', qty: 1 }),
      () => manager.call['stock.damage']({ sku: 'GIFT-THERMOS', qty: 2, from: 'display', note: '破损' }),
      () => manager.call['stock.toDisplay']({ sku: 'GIFT-EARBUDS', qty: 4 }),
    ]) {
      expect(await call()).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    }
    expect(await manager.call['stock.receive']({ sku: 'NO-SUCH', qty: 1, deliveryRef: 'X1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(count('stock_movement')).toBe(rows);
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
    expect(await balances('TV-32')).toEqual({ onHand: 12, display: 0, lent: 0 });
  });
});

describe('serial-numbered units', () => {
  it('refuses a duplicate serial, a serial already in stock, a count that does not match and an unknown serial', async () => {
    const before = databaseDigest(counter.core.dbFile);
    const twice = await manager.call['stock.receive']({
      sku: 'STB-ITV',
      qty: 2,
      serials: ['STB2026000901', 'STB2026000901'],
      deliveryRef: 'HQ-DN-002',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const known = await manager.call['stock.receive']({ sku: 'STB-ITV', qty: 1, serials: ['STB2026000101'], deliveryRef: 'HQ-DN-002' });
    expect(known).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { serial: 'STB2026000101', state: 'on_hand' } } });
    const short = await manager.call['stock.receive']({ sku: 'STB-ITV', qty: 2, serials: ['STB2026000901'], deliveryRef: 'HQ-DN-002' });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const none = await manager.call['stock.toDisplay']({ sku: 'STB-ITV', qty: 1 });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await manager.call['stock.transferOut']({ sku: 'STB-ITV', qty: 1, serials: ['STB2026009999'], toHall: 'ZY-HC-002' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { state: 'absent' } } });
    expect(unknown.ok ? '' : unknown.error.message).toContain('不在本厅库存记录中');
    const plain = await manager.call['stock.toDisplay']({ sku: 'TV-32', qty: 1, serials: ['STB2026000101'] });
    expect(plain).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });

  it('moves a display unit only from display, and writes it off by serial', async () => {
    expectOk(await manager.call['stock.toDisplay']({ sku: 'STB-ITV', qty: 1, serials: ['STB2026000101'] }));
    const wrongPlace = await manager.call['stock.damage']({
      sku: 'STB-ITV',
      qty: 1,
      serials: ['STB2026000102'],
      from: 'display',
      note: '摔坏',
    });
    expect(wrongPlace).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { state: 'on_hand' } } });
    const done = expectOk(
      await manager.call['stock.damage']({ sku: 'STB-ITV', qty: 1, serials: ['STB2026000101'], from: 'display', note: '摔坏' }),
    );
    expect(done.balance).toEqual({ onHand: 6, display: 0, lent: 1 });
    const unit = expectOk(await manager.call['stock.item']({ sku: 'STB-ITV' })).units.find((u) => u.serial === 'STB2026000101');
    expect(unit?.state).toBe('damaged');
  });
});

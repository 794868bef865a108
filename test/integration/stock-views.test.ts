import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIST_ITEMS_SQL } from '../../electron/core/stock/items';
import type { ContractClient } from '../../shared/contract/client';
import { expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';

let counter: TestCounter;
let manager: ContractClient;
let clerk: ContractClient;
beforeEach(async () => {
  counter = openTestCounter();
  manager = await loginAs(counter.client(), '8001');
  clerk = await loginAs(counter.client(), '1001');
});
afterEach(() => counter.close());

/** Counts the statements the core prepares or reuses while `work` runs. */
async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
  const store = counter.core.ctx.store;
  const original = store.stmt.bind(store);
  let calls = 0;
  store.stmt = (sql: string) => {
    calls++;
    return original(sql);
  };
  try {
    await work();
  } finally {
    store.stmt = original;
  }
  return calls;
}

describe('the stock grid and alerts', () => {
  it('filters by category and raises an alert at or below the threshold', async () => {
    const gifts = expectOk(await clerk.call['stock.list']({ category: 'gift' })).items;
    expect(gifts.every((i) => i.category === 'gift')).toBe(true);
    expect(gifts.map((i) => i.sku)).toContain('TV-32');
    expect(gifts.find((i) => i.sku === 'TV-32')).toMatchObject({
      name: '32英寸彩电',
      nameEn: '32-inch colour TV',
      unitValueFen: 129900,
      serialTracked: false,
      lastMovementAt: '2026-11-21T01:30:00.000Z',
    });

    expect(expectOk(await clerk.call['stock.alerts']({})).items.map((i) => i.sku)).toEqual(['GIFT-EARBUDS']);
    expectOk(await manager.call['stock.transferOut']({ sku: 'TV-43', qty: 4, toHall: 'ZY-HC-002' }));
    const alerts = expectOk(await clerk.call['stock.alerts']({})).items;
    expect(alerts.map((i) => [i.sku, i.onHand, i.lowThreshold])).toEqual([
      ['GIFT-EARBUDS', 3, 5],
      ['TV-43', 2, 2],
    ]);
    expect(alerts.every((i) => i.low)).toBe(true);
  });

  it('answers NOT_FOUND for an unknown item', async () => {
    expect(await clerk.call['stock.item']({ sku: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe("an item's movement history", () => {
  it('pages newest first by beforeId without splitting a two-bucket movement', async () => {
    for (let i = 1; i <= 3; i++) {
      counter.clock.advance(60_000);
      expectOk(await manager.call['stock.receive']({ sku: 'TV-32', qty: i, deliveryRef: `HQ-DN-10${i}` }));
    }
    counter.clock.advance(60_000);
    expectOk(await manager.call['stock.toDisplay']({ sku: 'TV-32', qty: 2, note: '门口展台' }));

    const first = expectOk(await clerk.call['stock.item']({ sku: 'TV-32', limit: 2 }));
    expect(first.movements.map((m) => m.reason)).toEqual(['to_display', 'received']);
    expect(first.movements[0]).toMatchObject({
      deltas: { onHand: -2, display: 2, lent: 0 },
      note: '门口展台',
      staffNo: '8001',
      staffName: '王建国',
      ref: null,
      customer: null,
    });
    expect(first.movements[1]).toMatchObject({ deltas: { onHand: 3, display: 0, lent: 0 }, ref: { type: 'delivery', id: 'HQ-DN-103' } });
    expect(first.nextBeforeId).toBe(first.movements[1]?.id);

    const second = expectOk(await clerk.call['stock.item']({ sku: 'TV-32', limit: 2, beforeId: first.nextBeforeId ?? 0 }));
    expect(second.movements.map((m) => m.deltas.onHand)).toEqual([2, 1]);
    const last = expectOk(await clerk.call['stock.item']({ sku: 'TV-32', limit: 2, beforeId: second.nextBeforeId ?? 0 }));
    expect(last.movements.map((m) => [m.reason, m.deltas.onHand, m.staffNo])).toEqual([['received', 12, 'SYSTEM']]);
    expect(last.nextBeforeId).toBeNull();
    expect(first.item).toMatchObject({ onHand: 16, display: 2 });
    expect(first.units).toEqual([]);
  });
});

describe('stock.list at scale', () => {
  it('reads 10,000 items and 200,000 movements in one indexed query', async () => {
    const db = counter.core.ctx.store.db;
    const ITEMS = 10_000;
    const MOVEMENTS = 200_000;
    db.transaction(() => {
      const item = db.prepare(
        `INSERT INTO stock_item (sku, name, category, unit_value_fen, low_threshold, updated_at) VALUES (?, ?, 'gift', 100, 5, ?)`,
      );
      for (let i = 0; i < ITEMS; i++) item.run(`BULK-${i}`, `批量礼品${i}`, '2026-11-01T00:00:00.000Z');
      const movement = db.prepare(
        `INSERT INTO stock_movement (hall_code, sku, bucket, qty, reason, group_id, staff_no, at)
         VALUES ('ZY-HC-001', ?, ?, ?, ?, ?, '8001', ?)`,
      );
      // Spread over the items in time order, as a year of business would be: receipts, then issues.
      for (let n = 0; n < MOVEMENTS; n++) {
        const sku = `BULK-${(n * 7919) % ITEMS}`;
        const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + n * 60_000).toISOString();
        if (n < ITEMS * 2) movement.run(sku, 'on_hand', 10, 'received', `g${n}`, at);
        else movement.run(sku, 'on_hand', -1, 'issued_redemption', `g${n}`, at);
      }
    })();

    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${LIST_ITEMS_SQL}`).all({ category: null }) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/SEARCH m USING (COVERING )?INDEX stock_movement_by_item \(sku=\?\)/);

    let items: { sku: string; onHand: number; lastMovementAt: string | null }[] = [];
    const started = performance.now();
    const statements = await statementsDuring(async () => {
      items = expectOk(await clerk.call['stock.list']({})).items;
    });
    const ms = performance.now() - started;
    // One statement whatever the size: no query per item.
    expect(statements).toBe(1);
    expect(items).toHaveLength(ITEMS + 12);
    const expected = db
      .prepare(`SELECT SUM(qty) AS qty, MAX(at) AS at FROM stock_movement WHERE sku = 'BULK-42' AND bucket = 'on_hand'`)
      .get() as { qty: number; at: string };
    expect(items.find((i) => i.sku === 'BULK-42')).toMatchObject({ onHand: expected.qty, lastMovementAt: expected.at });
    console.log(`stock.list: ${items.length} items over ${MOVEMENTS} movements in ${ms.toFixed(0)} ms`);
  });
});

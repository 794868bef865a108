import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findByPhone } from '../../electron/core/customers/repository';
import { pointsAvailability } from '../../electron/core/points/balance';
import { syncHandlers } from '../../electron/core/sync/handlers';
import { listConflicts } from '../../hq/src/events/conflicts';
import { hallStock } from '../../hq/src/admin/stock';
import { expectOk } from '../support/core';
import { DEMO_TRIAL } from '../support/enrolment';
import { HALL_A, HALL_B, openSyncCounter, setupHalls, startTestHq, startTestPostgres, syncUntilOk, type SyncCounter, type TestHq, type TestPostgres } from '../support/hq';
import { SKU_CUP, SKU_TV, customer, ledgerBalance, ownMovements, publishWorld, recordEnrolment } from '../support/hq-world';

/**
 * Three counters on real SQLite files — two in hall A, one in hall B — and a real HQ on a
 * real PostgreSQL. They work offline, then reconnect: HQ's books must equal the sum of what
 * they did, and the two conflicts of the design (the last TV given away twice, points spent
 * twice) must come back as tasks for the right hall's manager.
 */
const P1 = '13800000001'; // 3000 points, spent in both halls
const P2 = '13800000002';
const P3 = '13800000003';

let pgServer: TestPostgres;
let hq: TestHq;
let a1: SyncCounter;
let a2: SyncCounter;
let b1: SyncCounter;
let deliveries: Awaited<ReturnType<typeof publishWorld>>;

beforeAll(async () => {
  pgServer = await startTestPostgres();
  hq = await startTestHq(pgServer);
  await setupHalls(hq);
  deliveries = await publishWorld(hq, [customer(P1, 3000), customer(P2, 5000), customer(P3, 2000)]);
  a1 = await openSyncCounter(hq, { hallCode: HALL_A, counterCode: '01' });
  a2 = await openSyncCounter(hq, { hallCode: HALL_A, counterCode: '02' });
  b1 = await openSyncCounter(hq, { hallCode: HALL_B, counterCode: '01' });
});

afterAll(async () => {
  for (const c of [a1, a2, b1]) c?.close();
  await hq?.close();
  await pgServer?.stop();
});

function customerId(c: SyncCounter, phone: string): number {
  const found = findByPhone(c.core.ctx, phone);
  if (!found) throw new Error(`${phone} not at ${c.hallCode}/${c.counterCode}`);
  return found.id;
}

async function redeem(c: SyncCounter, phone: string, catalogueCode: string, quantity: number): Promise<void> {
  expectOk(await c.client.call['redemption.create']({ customerId: customerId(c, phone), lines: [{ catalogueCode, quantity }] }));
}

describe('three counters, offline then reconnected', () => {
  it('first sync brings the catalogue, the region’s customers and the hall’s deliveries', async () => {
    for (const c of [a1, a2, b1]) await syncUntilOk(c);
    for (const c of [a1, a2, b1]) {
      const ctx = c.core.ctx;
      expect(findByPhone(ctx, P1)?.snapshot.pointsLots[0]?.remaining).toBe(3000);
      expect(ctx.store.stmt("SELECT count(*) AS n FROM catalogue_item WHERE code IN ('JF-TV55', 'JF-CUP')").get()).toEqual({ n: 2 });
      expect(ctx.store.stmt("SELECT value FROM settings WHERE key = 'points.offline_limit'").get()).toEqual({ value: '5000' });
    }
    const aDeliveries = a1.core.ctx.store.stmt('SELECT delivery_no FROM sync_stock_delivery ORDER BY delivery_no').all();
    expect(aDeliveries).toEqual([{ delivery_no: deliveries.tvDelivery }, { delivery_no: deliveries.cupDeliveryA }]);
    expect(b1.core.ctx.store.stmt('SELECT delivery_no FROM sync_stock_delivery').all()).toEqual([{ delivery_no: deliveries.cupDeliveryB }]);
  });

  it('a receipt at one counter shows in the other counter of the hall after it syncs', async () => {
    expectOk(await a1.client.call['stock.receive']({ sku: SKU_TV, qty: 1, deliveryRef: deliveries.tvDelivery }));
    expectOk(await a1.client.call['stock.receive']({ sku: SKU_CUP, qty: 20, deliveryRef: deliveries.cupDeliveryA }));
    expectOk(await b1.client.call['stock.receive']({ sku: SKU_CUP, qty: 20, deliveryRef: deliveries.cupDeliveryB }));
    await syncUntilOk(a1);
    await syncUntilOk(b1);
    await syncUntilOk(a2);
    expect(ledgerBalance(a2.core.ctx, SKU_TV)).toBe(1);
    expect(ledgerBalance(a2.core.ctx, SKU_CUP)).toBe(20);
    expect(ledgerBalance(b1.core.ctx, SKU_TV)).toBe(0);
  });

  it('offline work, then reconnect: HQ’s totals are the sum of what the counters did', async () => {
    // Offline: nobody syncs. Both counters of hall A give away the hall's one TV.
    await redeem(a1, P2, 'JF-TV55', 1);
    await redeem(a2, P3, 'JF-TV55', 1);
    // P1 has 3000 points: 2000 in hall A and 2000 in hall B.
    await redeem(a1, P1, 'JF-CUP', 2);
    await redeem(b1, P1, 'JF-CUP', 2);
    expectOk(await a2.client.call['stock.damage']({ sku: SKU_CUP, qty: 1, from: 'on_hand', note: '杯盖破裂' }));
    expectOk(await b1.client.call['stock.toDisplay']({ sku: SKU_CUP, qty: 1 }));
    recordEnrolment(a1.core.ctx, { enrolmentNo: 'ZY-HC-001-01-EN-0001', phone: P2, bonus: { lotKey: 'BONUS-EN-0001', points: 500 } });
    recordEnrolment(b1.core.ctx, { enrolmentNo: 'ZY-HC-002-01-EN-0001', phone: P3 });

    const produced = [a1, a2, b1].map((c) => (c.core.ctx.store.stmt("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n);
    expect(produced.every((n) => n > 0)).toBe(true);

    // Reconnect: hall A first, then hall B (the later one for P1's points).
    for (const c of [a1, a2, b1, a1, a2, b1]) await syncUntilOk(c);

    for (const c of [a1, a2, b1]) {
      const rows = c.core.ctx.store.stmt('SELECT status, reject_reason FROM outbox').all() as { status: string; reject_reason: string | null }[];
      expect(rows.filter((r) => r.status !== 'accepted'), `${c.hallCode}/${c.counterCode}`).toEqual([]);
    }
    const events = (await hq.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event')).rows[0]?.n;
    const outboxTotal = [a1, a2, b1].reduce((s, c) => s + (c.core.ctx.store.stmt('SELECT count(*) AS n FROM outbox').get() as { n: number }).n, 0);
    expect(events).toBe(outboxTotal);

    // Stock: per hall, item and bucket, HQ's balance = the sum of the hall's counters' own movements.
    for (const [hall, counters] of [
      [HALL_A, [a1, a2]],
      [HALL_B, [b1]],
    ] as const) {
      const expected = new Map<string, number>();
      for (const c of counters) for (const [k, n] of ownMovements(c.core.ctx)) expected.set(k, (expected.get(k) ?? 0) + n);
      const atHq = new Map((await hallStock(hq.db.pool, hall)).map((r) => [`${r.sku}/${r.bucket}`, r.qty]));
      for (const k of new Set([...expected.keys(), ...atHq.keys()])) expect(atHq.get(k) ?? 0, `${hall} ${k}`).toBe(expected.get(k) ?? 0);
    }
    expect((await hallStock(hq.db.pool, HALL_A)).find((r) => r.sku === SKU_TV)?.qty).toBe(-1);

    // Points: every redeemed point is either debited or recorded as an overdraft.
    const redeemed = [a1, a2, b1].reduce(
      (s, c) => s + (c.core.ctx.store.stmt("SELECT COALESCE(SUM(total_points), 0) AS n FROM redemption WHERE status = 'completed'").get() as { n: number }).n,
      0,
    );
    const atHq = (await hq.db.pool.query<{ covered: number; short: number }>('SELECT SUM(covered_points)::int AS covered, SUM(short_points)::int AS short FROM redemption')).rows[0];
    expect((atHq?.covered ?? 0) + (atHq?.short ?? 0)).toBe(redeemed);
    const lots = (await hq.db.pool.query<{ lot_key: string; remaining: number }>('SELECT lot_key, remaining FROM points_lot ORDER BY lot_key')).rows;
    expect(lots).toEqual([
      { lot_key: 'BONUS-EN-0001', remaining: 500 },
      { lot_key: `LOT-${P1}`, remaining: 0 },
      { lot_key: `LOT-${P2}`, remaining: 4000 },
      { lot_key: `LOT-${P3}`, remaining: 1000 },
    ]);
    const enrolments = (await hq.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment')).rows[0]?.n;
    // The two above and the demo hall's iTV trial, told at its counter 01 (docs/demo.md).
    expect(enrolments).toBe(3);
  });

  it('the last TV given away twice is a negative-stock task for hall A; points spent twice an overdraft task for hall B', async () => {
    const conflicts = (await listConflicts(hq.db.pool, {})).filter((c) => ofThisWorld(c.details));
    expect(conflicts.map((c) => [c.kind, c.hallCode, c.status])).toEqual([
      ['negative_stock', HALL_A, 'open'],
      ['overdraft', HALL_B, 'open'],
    ]);
    expect(conflicts[1]?.details).toMatchObject({ requested: 2000, covered: 1000, short: 1000 });

    // The tasks reached the right hall's counters, and only those.
    const kinds = (c: SyncCounter) => listConflictsAt(c).map((x) => x.kind);
    expect(kinds(a1)).toEqual(['negative_stock']);
    expect(kinds(a2)).toEqual(['negative_stock']);
    expect(kinds(b1)).toEqual(['overdraft']);
    // And each counter's view of the hall and of P1's points is HQ's now.
    expect(ledgerBalance(a1.core.ctx, SKU_TV)).toBe(-1);
    expect(ledgerBalance(a2.core.ctx, SKU_TV)).toBe(-1);
    expect(pointsAvailability(b1.core.ctx, customerId(b1, P1), '2026-11-21').available).toBe(0);
    expect(pointsAvailability(a1.core.ctx, customerId(a1, P2), '2026-11-21')).toMatchObject({ available: 4500, pendingDebits: 0 });
  });

  it('the manager resolves the task at one counter; HQ and the hall’s other counter hear of it', async () => {
    const handlers = syncHandlers(a1.core.ctx, a1.sync);
    const [task] = listConflictsAt(a1);
    if (!task) throw new Error('no task at A1');
    const actor = { kind: 'staff' as const, staffId: 1, staffNo: '8001' };
    const resolved = await handlers['sync.resolveConflict']({ conflictId: task.conflictId, note: '盘点核实，已向总部申请补发一台' }, { actor } as never);
    expect(resolved.conflict).toMatchObject({ status: 'resolved', resolutionPending: true });
    await syncUntilOk(a1);
    await syncUntilOk(a2);
    const atHq = (await listConflicts(hq.db.pool, { hallCode: HALL_A })).filter((c) => ofThisWorld(c.details));
    expect(atHq[0]).toMatchObject({ status: 'resolved', resolvedBy: '8001', note: '盘点核实，已向总部申请补发一台' });
    expect(listConflictsAt(a2)[0]).toMatchObject({ status: 'resolved', resolutionPending: false });
    expect(listConflictsAt(a1)[0]).toMatchObject({ status: 'resolved', resolutionPending: false });
  });

  it('the sync page shows an empty outbox, the last success and no clock warning', async () => {
    const status = await syncHandlers(b1.core.ctx, b1.sync)['sync.status']({}, {} as never);
    expect(status).toMatchObject({
      registered: true,
      reachable: true,
      lastError: null,
      outbox: { pending: 0, oldestPendingAt: null, rejected: 0 },
      clock: { warning: false },
      conflicts: { open: 1 },
    });
    expect(b1.sync.hq.state()).toBe('online');
  });
});

/**
 * Hall A's counters are the demo hall's, and its counter 01 opens with the demo's lent iTV set
 * (docs/demo.md). This HQ, unlike the demo HQ, never booked the demo's opening stock, so that
 * box and modem read negative here too: a task of the demo's, not of this test's world.
 */
function ofThisWorld(details: unknown): boolean {
  const sku = details !== null && typeof details === 'object' && 'sku' in details ? details.sku : null;
  return typeof sku !== 'string' || !(sku in DEMO_TRIAL.serials);
}

function listConflictsAt(c: SyncCounter) {
  return c.core.ctx.store
    .stmt('SELECT conflict_id AS conflictId, kind, status, resolution_pending, details FROM sync_conflict ORDER BY conflict_id')
    .all()
    .map((r) => r as { conflictId: string; kind: string; status: string; resolution_pending: number; details: string })
    .filter((row) => ofThisWorld(JSON.parse(row.details)))
    .map((row) => ({ conflictId: row.conflictId, kind: row.kind, status: row.status, resolutionPending: row.resolution_pending === 1 }));
}

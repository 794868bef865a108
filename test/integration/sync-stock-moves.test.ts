import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commitAction } from '../../electron/core/context';
import { moveStock } from '../../electron/core/stock/ledger';
import { connectDemoCounter } from '../../electron/core/sync/demo';
import { SyncService } from '../../electron/core/sync/service';
import { hallStock } from '../../hq/src/admin/stock';
import { startDemoHq, type DemoHq } from '../../hq/src/demo';
import demoHall from '../../resources/demo/hall.json';
import { StockMoves } from '../../shared/sync/events';
import { databaseDigest, expectOk } from '../support/core';
import { enrol, openEnrolmentCounter, type EnrolmentCounter } from '../support/enrolment';
import { manualTimers, startTestPostgres, type TestPostgres } from '../support/hq';

/**
 * Every stock movement reaches HQ exactly once, by one mechanism: the ledger rows an action
 * wrote travel on its event (`stockMoves`) and HQ books them whatever the event's type.
 * The iTV trial moves stock in three actions whose events name no stock of their own: the
 * enrolment lends a set-top box and an e8-b modem, the install takes the customer's old
 * modem into stock, the recovery brings the lent units back and hands over an ordinary one.
 */
const HALL = demoHall.hall.code;
const BOX = 'STB2026000101';
const MODEM = 'E8B2026000201';
const OLD_MODEM = 'MDSTD1010';

let pgServer: TestPostgres;
let hq: DemoHq;
let pool: pg.Pool;
let e: EnrolmentCounter | undefined;
let sync: SyncService | undefined;

beforeAll(async () => {
  pgServer = await startTestPostgres();
  const databaseUrl = await pgServer.newDatabaseUrl();
  // The demo hall's HQ books the hall's opening stock itself, as each demo counter seeds it.
  hq = await startDemoHq({ databaseUrl, port: 0 });
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
});
afterEach(() => {
  sync?.stop();
  e?.counter.close();
});
afterAll(async () => {
  await pool?.end();
  await hq?.close();
  await pgServer?.stop();
});

const balances = (rows: { sku: string; bucket: string; qty: number }[]) =>
  new Map(rows.filter((r) => r.qty !== 0).map((r) => [`${r.sku}/${r.bucket}`, r.qty]));

/** The counter's ledger per item and bucket, as HQ's hall_stock lists the hall's. */
const ledger = (c: EnrolmentCounter) => balances(c.ctx.store.stmt('SELECT sku, bucket, SUM(qty) AS qty FROM stock_movement GROUP BY sku, bucket').all() as never);

async function syncOk(s: SyncService): Promise<void> {
  const outcome = await s.syncNow();
  expect(outcome?.error, JSON.stringify(outcome?.error)).toBeUndefined();
}

describe('stock reaches HQ with the event of the action that moved it', () => {
  it('an iTV trial enrolled, installed, cancelled and recovered: HQ’s hall balances per bucket equal the counter’s ledger', async () => {
    e = await openEnrolmentCounter('2026-11-21T01:30:00.000Z');
    sync = new SyncService(e.ctx, { timers: manualTimers });
    await connectDemoCounter(e.ctx, sync, hq.url);
    await syncOk(sync);
    expect(ledger(e)).toEqual(balances(await hallStock(pool, HALL)));

    const done = await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', { equipmentSerials: { 'STB-ITV': [BOX], 'MODEM-E8B': [MODEM] }, oldModemSerial: OLD_MODEM });
    await e.setDay('2026-11-23');
    expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn: '2026-11-23' }));
    await e.setDay('2027-01-10');
    const { recovery } = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo: done.enrolmentNo, note: '客户表示看电视少' }));
    await e.setDay('2027-01-12');
    expectOk(await e.clerk.call['recovery.complete']({ orderId: recovery?.orderId ?? 0, serials: [BOX, MODEM], ordinaryModemSerial: OLD_MODEM }));

    // One event per action, no stock.moved beside them: the stock rides on the business events.
    const outbox = e.ctx.store.stmt("SELECT type, stock_moves FROM outbox WHERE status = 'pending' ORDER BY seq").all() as { type: string; stock_moves: string | null }[];
    expect(outbox.map((o) => o.type)).toEqual(['enrolment.created', 'trial.changed', 'trial.changed', 'trial.changed']);
    const moves = outbox.map((o) => (o.stock_moves === null ? [] : StockMoves.parse(JSON.parse(o.stock_moves))));
    expect(moves[0]?.map((m) => [m.sku, m.bucket, m.delta, m.serial, m.reason])).toEqual([
      ['STB-ITV', 'on_hand', -1, BOX, 'lent'],
      ['STB-ITV', 'lent', 1, BOX, 'lent'],
      ['MODEM-E8B', 'on_hand', -1, MODEM, 'lent'],
      ['MODEM-E8B', 'lent', 1, MODEM, 'lent'],
    ]);
    expect(moves[0]?.every((m) => m.customerPhone === '15885221010')).toBe(true);
    expect(moves[1]?.map((m) => [m.sku, m.bucket, m.delta, m.serial, m.reason])).toEqual([['MODEM-STD', 'on_hand', 1, OLD_MODEM, 'received']]);
    expect(moves[2]).toEqual([]); // the cancellation opens a recovery order: nothing moves yet
    expect(moves[3]?.map((m) => [m.movement, m.sku, m.bucket, m.delta, m.reason])).toEqual([
      [0, 'STB-ITV', 'lent', -1, 'recovered'],
      [0, 'STB-ITV', 'on_hand', 1, 'recovered'],
      [1, 'MODEM-E8B', 'lent', -1, 'recovered'],
      [1, 'MODEM-E8B', 'on_hand', 1, 'recovered'],
      [2, 'MODEM-STD', 'on_hand', -1, 'issued_enrolment'],
    ]);

    await syncOk(sync);
    // The pulled pages were checked and written by the pull worker, off the window's thread.
    expect(e.counter.logLines.some((l) => l.includes('"event":"sync.worker.started"'))).toBe(true);
    const answered = e.ctx.store.stmt("SELECT DISTINCT status FROM outbox WHERE type IN ('enrolment.created', 'trial.changed')").all();
    expect(answered).toEqual([{ status: 'accepted' }]);
    expect(balances(await hallStock(pool, HALL))).toEqual(ledger(e));

    // HQ told the hall's other counters: one feed movement per counter movement (a lend's two rows are one).
    const published = await pool.query<{ reason: string; serials: string[] }>(
      `SELECT doc->>'reason' AS reason, doc->'serials' AS serials FROM feed
       WHERE kind = 'stock_movement' AND scope = $1 AND doc->'serials' ?| $2 ORDER BY id`,
      [`hall:${HALL}`, [BOX, MODEM, OLD_MODEM]],
    );
    expect(published.rows).toEqual([
      { reason: 'lent', serials: [BOX] },
      { reason: 'lent', serials: [MODEM] },
      { reason: 'received', serials: [OLD_MODEM] },
      { reason: 'recovered', serials: [BOX] },
      { reason: 'recovered', serials: [MODEM] },
      { reason: 'issued_enrolment', serials: [OLD_MODEM] },
    ]);
    // Pushed again (a lost answer), nothing is booked twice.
    e.ctx.store.stmt("UPDATE outbox SET status = 'pending'").run();
    await syncOk(sync);
    expect(balances(await hallStock(pool, HALL))).toEqual(ledger(e));
  });

  it('an action that moves stock without an event for HQ is a programming error, refused whole', async () => {
    e = await openEnrolmentCounter();
    const { ctx, counter } = e;
    const before = databaseDigest(counter.core.dbFile);
    expect(() =>
      commitAction(ctx, { kind: 'system', name: 'test' }, () => {
        moveStock(ctx, { sku: 'GIFT-THERMOS', reason: 'damaged', qty: 1, staffNo: '8001' });
        return { result: null, audit: { action: 'stock.damage', subject: 'stock:GIFT-THERMOS' } };
      }),
    ).toThrow(/programming error: stock\.damage moved stock/);
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });
});

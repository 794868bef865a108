import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createClient } from '../shared/contract/client';
import { manualClock } from '../electron/core/clock';
import { createCore } from '../electron/core/core';
import { findByPhone } from '../electron/core/customers/repository';
import { memoryLogger } from '../electron/core/log';
import { customerSnapshot } from '../test/support/customers';
import { ms, printTable, ratio, timeEach } from './support';

/**
 * Counter benchmarks (issue 3): customer look-up by phone over 1,000,000 cached customers,
 * and redemption commit latency, each beside raw better-sqlite3 doing the same in this run.
 */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const LOOKUPS = 20_000;
const REDEMPTIONS = 2_000;

function phoneOf(i: number): string {
  return `139${String(i).padStart(8, '0')}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'halldesk-bench-'));
  const clock = manualClock('2026-11-21T01:30:00.000Z');
  const core = createCore({ dataDir: dir, clock, appVersion: 'bench', log: memoryLogger(), demo: {} });
  const { ctx } = core;
  try {
    // Fill the cache the way a first pull leaves it: one row per customer and one points lot each.
    const fillStart = performance.now();
    const template = customerSnapshot({ phone: phoneOf(0) });
    const { pointsLots: _lots, ...shape } = template;
    const insertCustomer = ctx.store.db.prepare(
      `INSERT INTO customer (phone, phone_last4, name, id_last4, kind, origin, snapshot, snapshot_version, snapshot_at, updated_at)
       VALUES (?, ?, ?, '123X', 'existing', 'hq', ?, 1, ?, ?)`,
    );
    const insertLot = ctx.store.db.prepare(
      `INSERT INTO points_lot (customer_id, lot_key, hq_remaining, earned_on, expires_on, source) VALUES (?, ?, 20000, '2026-01-01', '2027-12-31', 'hq')`,
    );
    ctx.store.db.transaction(() => {
      for (let i = 1; i <= CUSTOMERS; i++) {
        const phone = phoneOf(i);
        const id = insertCustomer.run(phone, phone.slice(-4), '测试客户', JSON.stringify({ ...shape, phone }), shape.snapshotAt, shape.snapshotAt)
          .lastInsertRowid;
        insertLot.run(id, `BENCH-LOT-${i}`);
      }
    })();
    const fillMs = performance.now() - fillStart;

    const pick = (i: number) => phoneOf(1 + ((i * 7919) % CUSTOMERS));
    const raw = new Database(join(dir, 'halldesk.sqlite'), { readonly: true });
    const rawLookup = raw.prepare('SELECT id, origin, snapshot, last_served_at FROM customer WHERE phone = ?');
    const baseline = await timeEach(LOOKUPS, (i) => rawLookup.get(pick(i)));
    const repository = await timeEach(LOOKUPS, (i) => findByPhone(ctx, pick(i)));
    const clerk = createClient((method, envelope) => core.dispatch(method, envelope));
    const login = await clerk.call['session.login']({ staffNo: '1001', pin: '111111' });
    if (!login.ok) throw new Error('bench login failed');
    clerk.setSession(login.value.token);
    const contract = await timeEach(LOOKUPS, async (i) => {
      const found = await clerk.call['customer.find']({ by: 'phone', phone: pick(i) });
      if (!found.ok || found.value.customers.length !== 1) throw new Error('look-up missed');
    });
    raw.close();

    printTable(`Customer look-up by phone, ${CUSTOMERS.toLocaleString('en')} cached customers (cache filled in ${(fillMs / 1000).toFixed(1)} s)`, [
      ['path', 'p50', 'p99', 'per second', 'vs raw'],
      ['raw better-sqlite3 SELECT (baseline)', ms(baseline.p50), ms(baseline.p99), baseline.perSecond.toFixed(0), '1.00×'],
      ['repository findByPhone (+ lots, parse)', ms(repository.p50), ms(repository.p99), repository.perSecond.toFixed(0), ratio(repository.p50, baseline.p50)],
      ['contract customer.find (card, points)', ms(contract.p50), ms(contract.p99), contract.perSecond.toFixed(0), ratio(contract.p50, baseline.p50)],
    ]);

    // Redemption commit: a service add-on for many customers (one each: limits are per customer).
    const redeem = await timeEach(REDEMPTIONS, async (i) => {
      const customer = findByPhone(ctx, phoneOf(i + 1));
      if (!customer) throw new Error('no customer');
      const r = await clerk.call['redemption.create']({ customerId: customer.id, lines: [{ catalogueCode: 'SVC-CRBT-1M', quantity: 1 }] });
      if (!r.ok) throw new Error(`redemption refused: ${r.error.code} ${r.error.message}`);
    });

    // Baseline: the same rows a redemption commits (redemption, line, points entry, slip, outbox, audit), raw.
    const rawDb = new Database(join(dir, 'baseline.sqlite'));
    rawDb.pragma('journal_mode = WAL');
    rawDb.pragma('synchronous = NORMAL');
    rawDb.exec(`CREATE TABLE r (id INTEGER PRIMARY KEY, no TEXT, customer INTEGER, points INTEGER, at TEXT);
      CREATE TABLE l (id INTEGER PRIMARY KEY, r INTEGER, code TEXT, qty INTEGER);
      CREATE TABLE e (id INTEGER PRIMARY KEY, lot INTEGER, delta INTEGER);
      CREATE TABLE s (no TEXT PRIMARY KEY, data TEXT);
      CREATE TABLE o (seq INTEGER PRIMARY KEY, id TEXT, payload TEXT);
      CREATE TABLE a (seq INTEGER PRIMARY KEY, details TEXT, hash TEXT);`);
    const ins = {
      r: rawDb.prepare('INSERT INTO r (no, customer, points, at) VALUES (?, ?, ?, ?)'),
      l: rawDb.prepare('INSERT INTO l (r, code, qty) VALUES (?, ?, ?)'),
      e: rawDb.prepare('INSERT INTO e (lot, delta) VALUES (?, ?)'),
      s: rawDb.prepare('INSERT INTO s (no, data) VALUES (?, ?)'),
      o: rawDb.prepare('INSERT INTO o (id, payload) VALUES (?, ?)'),
      a: rawDb.prepare('INSERT INTO a (details, hash) VALUES (?, ?)'),
    };
    const rawRedeem = await timeEach(REDEMPTIONS, (i) =>
      rawDb.transaction(() => {
        const id = ins.r.run(`R${i}`, i, 300, new Date().toISOString()).lastInsertRowid;
        ins.l.run(id, 'SVC-CRBT-1M', 1);
        ins.e.run(i, -300);
        ins.s.run(`S${i}`, '{"slip":true}');
        ins.o.run(`E${i}`, '{"event":true}');
        ins.a.run('{}', 'x'.repeat(64));
      })(),
    );
    rawDb.close();

    printTable(`Redemption commit latency (${REDEMPTIONS.toLocaleString('en')} redemptions)`, [
      ['path', 'p50', 'p99', 'per second', 'vs raw'],
      ['raw better-sqlite3, same 6 inserts (baseline)', ms(rawRedeem.p50), ms(rawRedeem.p99), rawRedeem.perSecond.toFixed(0), '1.00×'],
      ['contract redemption.create', ms(redeem.p50), ms(redeem.p99), redeem.perSecond.toFixed(0), ratio(redeem.p50, rawRedeem.p50)],
    ]);
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

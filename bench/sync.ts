import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type pg from 'pg';
import { systemClock } from '../electron/core/clock';
import { commitAction } from '../electron/core/context';
import { createCore, type Core } from '../electron/core/core';
import { memoryLogger } from '../electron/core/log';
import { registerWithHq } from '../electron/core/sync/register';
import { SyncService, type SyncServiceOptions } from '../electron/core/sync/service';
import { startEmbeddedPostgres } from '../hq/src/db/embedded';
import { migrate } from '../hq/src/db/migrate';
import { openDb, type Db } from '../hq/src/db/pool';
import { createRegistrationCode, ensureCounter, ensureHall, ensureRegion } from '../hq/src/devices';
import { HEADERS, PULL_PATH, PUSH_PATH } from '../shared/sync/protocol';
import { canonicalRequest } from '../shared/sync/signing';
import { percentile } from './support';

/**
 * `npm run bench:sync` (part of `npm run bench`): prints figures, never fails on speed.
 *  1. a counter's first pull of 1,000,000 customers from a real HQ, against a raw
 *     better-sqlite3 bulk insert of the same rows measured in the same run, and how long
 *     the counter's own reads wait meanwhile — with the pages checked and written on the
 *     main thread (before) and by the pull worker (after: what the counter does);
 *  2. pushing 10,000 events;
 *  3. HQ serving 6,000 simulated devices that sync every 60 s.
 * Sizes can be lowered for a quick look: BENCH_CUSTOMERS, BENCH_EVENTS, BENCH_DEVICES, BENCH_DEVICE_SECONDS;
 * BENCH_PULL_LIMIT sets the rows per pulled page; BENCH_PULL_PATHS=worker (or main-thread) measures one pull only.
 */
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 6_000);
const DEVICE_SECONDS = Number(process.env.BENCH_DEVICE_SECONDS ?? 60);
const PULL_PATHS = (process.env.BENCH_PULL_PATHS ?? 'main-thread,worker').split(',') as ('main-thread' | 'worker')[];
const REGION = 'BR';
const HALL = 'BENCH-001';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;

async function startHqProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = 7300 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'hq/src/main.ts')], {
    cwd: repo,
    env: { ...process.env, DATABASE_URL: databaseUrl, HQ_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`HQ exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('HallDesk HQ: http')) ok();
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** 1M customers straight into HQ's tables and feed with SQL: the setup, not what is measured. */
async function seedCustomers(client: pg.PoolClient, n: number): Promise<void> {
  const batch = 100_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await client.query(
      `INSERT INTO customer (phone, region_code, profile, version, updated_at)
       SELECT '13' || lpad(i::text, 9, '0'), $3, jsonb_build_object(
         'phone', '13' || lpad(i::text, 9, '0'), 'name', '客户' || i, 'idHash', md5(i::text) || md5((i + 1)::text),
         'idLast4', lpad((i % 10000)::text, 4, '0'), 'kind', 'existing', 'brand', CASE WHEN i % 5 = 0 THEN 'premium' ELSE 'standard' END,
         'planCode', 'STD-59', 'planTier', 3, 'tenureStart', '2015-06-01', 'arpuFen', 5000 + i % 20000, 'monthlyMinutes', i % 900,
         'contract', NULL, 'broadband', NULL, 'birthday', NULL, 'valueSegment', 'valuable', 'retentionBase', false, 'churned', false),
         1, now()
       FROM generate_series($1::int, $2::int) AS i`,
      [from, to, REGION],
    );
    await client.query(
      `INSERT INTO points_lot (lot_key, customer_phone, remaining, earned_on, expires_on, source)
       SELECT 'L' || i, '13' || lpad(i::text, 9, '0'), i % 5000, '2026-01-01', '2027-06-30', 'hq' FROM generate_series($1::int, $2::int) AS i`,
      [from, to],
    );
    await client.query(
      `INSERT INTO feed (scope, kind, key, doc)
       SELECT 'region:' || c.region_code, 'customer', c.phone,
              c.profile || jsonb_build_object('pointsLots', jsonb_build_array(jsonb_build_object('lotId', l.lot_key, 'remaining', l.remaining,
                'earnedOn', l.earned_on, 'expiresOn', l.expires_on)), 'snapshotVersion', 1, 'snapshotAt', '2026-11-20T00:00:00.000Z')
       FROM generate_series($1::int, $2::int) AS i
       JOIN customer c ON c.phone = '13' || lpad(i::text, 9, '0') JOIN points_lot l ON l.lot_key = 'L' || i`,
      [from, to],
    );
  }
}

function openCounter(name: string): { core: Core; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `halldesk-bench-${name}-`));
  return { core: createCore({ dataDir: dir, clock: systemClock, appVersion: 'bench', log: memoryLogger() }), dir };
}

/** The same rows as the pull writes, inserted raw: prepared statements, big transactions, no validation. */
function rawInsert(core: Core, n: number): number {
  const db = core.ctx.store.db;
  const customer = db.prepare(
    `INSERT INTO customer (phone, phone_last4, name, id_last4, kind, origin, snapshot, snapshot_version, snapshot_at, updated_at)
     VALUES (?, ?, ?, ?, 'existing', 'hq', ?, 1, ?, ?)`,
  );
  const lot = db.prepare(`INSERT INTO points_lot (customer_id, lot_key, hq_remaining, earned_on, expires_on, source) VALUES (?, ?, ?, '2026-01-01', '2027-06-30', 'hq')`);
  const at = '2026-11-20T00:00:00.000Z';
  const started = performance.now();
  const insertMany = db.transaction((from: number, to: number) => {
    for (let i = from; i <= to; i++) {
      const phone = `13${String(i).padStart(9, '0')}`;
      const snapshot = JSON.stringify({ phone, name: `客户${i}`, brand: 'standard', planCode: 'STD-59', planTier: 3, tenureStart: '2015-06-01', arpuFen: 5000 + (i % 20000) });
      const id = customer.run(phone, phone.slice(-4), `客户${i}`, String(i % 10000).padStart(4, '0'), snapshot, at, at).lastInsertRowid;
      lot.run(id, `L${i}`, i % 5000);
    }
  });
  for (let from = 1; from <= n; from += 2_000) insertMany(from, Math.min(n, from + 1_999));
  return performance.now() - started;
}

function signer(deviceId: string, secret: string) {
  return (method: string, path: string, body: string): Record<string, string> => {
    const timestamp = String(Date.now());
    const nonce = randomBytes(18).toString('base64url');
    const bodySha256Hex = createHash('sha256').update(body).digest('hex');
    return {
      [HEADERS.device]: deviceId,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.nonce]: nonce,
      [HEADERS.signature]: createHmac('sha256', secret).update(canonicalRequest({ method, pathAndQuery: path, timestamp, nonce, bodySha256Hex })).digest('hex'),
      ...(body ? { 'content-type': 'application/json' } : {}),
    };
  };
}

/**
 * A counter's first pull of the region, timed, while the counter's screens do what they do:
 * a customer look-up every 20 ms, its wait counted from when it was due until its answer
 * (time spent behind the sync's work on this thread).
 */
async function firstPull(
  db: Db,
  hqUrl: string,
  core: Core,
  counterCode: string,
  options: SyncServiceOptions,
): Promise<{ ms: number; rows: number; pages: number; waits: number[]; loopP99: number; loopMax: number; busy: number }> {
  const sync = new SyncService(core.ctx, {
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    ...(process.env.BENCH_PULL_LIMIT ? { pullLimit: Number(process.env.BENCH_PULL_LIMIT) } : {}),
    ...options,
  });
  const { code } = await createRegistrationCode(db.pool, { hallCode: HALL, counterCode }, { now: () => new Date() });
  await registerWithHq(core.ctx, sync.fetcher, { hqUrl, code, appVersion: 'bench' });
  const waits: number[] = [];
  const lookup = core.ctx.store.stmt('SELECT id FROM customer WHERE phone = ?');
  let reading = true;
  let reader: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    const due = performance.now() + 20;
    reader = setTimeout(() => {
      lookup.get(`13${String(1 + Math.floor(Math.random() * CUSTOMERS)).padStart(9, '0')}`);
      waits.push(performance.now() - due);
      if (reading) schedule();
    }, 20);
  };
  schedule();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const idleBefore = performance.eventLoopUtilization();
  const t = performance.now();
  const outcome = await sync.syncNow();
  const ms = performance.now() - t;
  // How busy the window's thread was: low while the look-ups still wait means the machine's CPUs, not this thread.
  const busy = performance.eventLoopUtilization(idleBefore).utilization;
  reading = false;
  clearTimeout(reader);
  loop.disable();
  sync.stop();
  if (!outcome?.ok) throw new Error(`pull failed: ${JSON.stringify(outcome?.error)}`);
  waits.sort((a, b) => a - b);
  return { ms, rows: outcome.pulledRows, pages: outcome.pages, waits, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6, busy };
}

async function main(): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'halldesk-bench-pg-'));
  chmodSync(base, 0o755);
  const pgServer = await startEmbeddedPostgres({ dataDir: join(base, 'data') });
  const db = openDb(pgServer.url);
  let hqChild: ChildProcess | undefined;
  const cleanup: (() => void)[] = [];
  try {
    await migrate(db);
    const clock = { now: () => new Date() };
    await ensureRegion(db.pool, { code: REGION, name: 'Bench' });
    await ensureHall(db.pool, { code: HALL, name: 'Bench hall', regionCode: REGION }, clock);
    await ensureCounter(db.pool, { hallCode: HALL, code: 'P2', name: 'push' });

    console.log(`\n━━ sync benchmark (${CUSTOMERS.toLocaleString()} customers, ${EVENTS.toLocaleString()} events, ${DEVICES.toLocaleString()} devices) ━━`);
    let t = performance.now();
    const client = await db.pool.connect();
    try {
      await seedCustomers(client, CUSTOMERS);
      await client.query('ANALYZE');
    } finally {
      client.release();
    }
    console.log(`setup: ${CUSTOMERS.toLocaleString()} customers into HQ (SQL, not measured): ${seconds(performance.now() - t)}`);
    const hq = await startHqProcess(pgServer.url);
    hqChild = hq.child;

    // 1. First pull: the old way (pages checked and written on the main thread) and the pull worker's.
    const pulls: { path: string; ms: number; rows: number; pages: number; waits: number[]; loopP99: number; loopMax: number; busy: number }[] = [];
    for (const [i, path] of PULL_PATHS.entries()) {
      const counterCode = `P${i + 3}`;
      await ensureCounter(db.pool, { hallCode: HALL, code: counterCode, name: `pull ${path}` });
      const counter = openCounter(`pull-${path}`);
      cleanup.push(() => {
        counter.core.close();
        rmSync(counter.dir, { recursive: true, force: true });
      });
      pulls.push({ path, ...(await firstPull(db, hq.url, counter.core, counterCode, path === 'worker' ? {} : { pullWorker: 'main-thread' })) });
    }

    const raw = openCounter('raw');
    cleanup.push(() => {
      raw.core.close();
      rmSync(raw.dir, { recursive: true, force: true });
    });
    const rawMs = rawInsert(raw.core, CUSTOMERS);
    console.log(`raw better-sqlite3 bulk insert of the same rows: ${seconds(rawMs)}, ${fmt(CUSTOMERS / (rawMs / 1000))} rows/s`);
    for (const p of pulls) {
      const label = p.path === 'worker' ? 'first pull, pull worker (after)' : 'first pull, main thread (before)';
      console.log(`${label}: ${fmt(p.rows)} rows in ${p.pages} pages, ${seconds(p.ms)}, ${fmt(p.rows / (p.ms / 1000))} rows/s → pull/raw = ${fmt(p.ms / rawMs, 1)}×`);
      console.log(
        `  a customer look-up every 20 ms during the pull waited p50 ${fmt(percentile(p.waits, 50), 1)} ms, p99 ${fmt(percentile(p.waits, 99), 1)} ms, max ${fmt(p.waits.at(-1) ?? 0, 1)} ms (${fmt(p.waits.length)} look-ups); event-loop delay p99 ${fmt(p.loopP99, 1)} ms, max ${fmt(p.loopMax, 1)} ms; main thread busy ${fmt(p.busy * 100)} % of the pull`,
      );
    }

    // 2. Push 10,000 events.
    const pusher = openCounter('push');
    const pushSync = new SyncService(pusher.core.ctx, { timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
    cleanup.push(() => {
      pushSync.stop();
      pusher.core.close();
      rmSync(pusher.dir, { recursive: true, force: true });
    });
    const pushCode = await createRegistrationCode(db.pool, { hallCode: HALL, counterCode: 'P2' }, clock);
    await registerWithHq(pusher.core.ctx, pushSync.fetcher, { hqUrl: hq.url, code: pushCode.code, appVersion: 'bench' });
    await pushSync.syncNow(); // the first pull (the region's customers) out of the way
    for (let i = 0; i < EVENTS; i++) {
      commitAction(pusher.core.ctx, { kind: 'system', name: 'bench' }, () => ({
        result: null,
        audit: { action: 'bench', subject: `n:${i}` },
        event: {
          type: i % 2 ? 'customer.registered' : 'trial.changed',
          payload:
            i % 2
              ? { phone: `15${String(i).padStart(9, '0')}`, name: '新客户', idHash: 'c'.repeat(64), idLast4: '0018', tenureStart: '2026-11-21', birthday: null }
              : { enrolmentNo: `EN-${i}`, customerPhone: '13000000001', status: 'active', completionOn: null, freeUntil: null, conversionOn: null, cancelRequestedOn: null, feeWaiverMonth: null, staffNo: '1001' },
        },
      }));
    }
    t = performance.now();
    const pushed = await pushSync.syncNow();
    const pushMs = performance.now() - t;
    console.log(`push: ${fmt(pushed?.pushed.accepted ?? 0)} events accepted in ${seconds(pushMs)}, ${fmt((pushed?.pushed.sent ?? 0) / (pushMs / 1000))} events/s (batches of 200)`);

    // 3. 6,000 devices syncing every 60 s: four counters a hall, as in a province.
    const PER_HALL = 4;
    const halls = Math.ceil(DEVICES / PER_HALL);
    await db.pool.query(
      `INSERT INTO hall (code, name, region_code, created_at) SELECT 'BH-' || lpad(h::text, 5, '0'), 'bench hall', $1, now() FROM generate_series(1, $2::int) h`,
      [REGION, halls],
    );
    await db.pool.query(
      `INSERT INTO counter (hall_code, code, name) SELECT 'BH-' || lpad(h::text, 5, '0'), 'C' || c, 'counter' FROM generate_series(1, $1::int) h, generate_series(1, $2::int) c`,
      [halls, PER_HALL],
    );
    const devices = Array.from({ length: DEVICES }, (_, i) => ({
      id: crypto.randomUUID(),
      secret: randomBytes(32).toString('base64url'),
      hall: `BH-${String(Math.floor(i / PER_HALL) + 1).padStart(5, '0')}`,
      counter: `C${(i % PER_HALL) + 1}`,
      cursor: '0.0',
      seq: 0,
    }));
    await db.pool.query(
      `INSERT INTO device (id, hall_code, counter_code, secret, status, app_version, registered_at)
       SELECT id, h, c, s, 'active', 'bench', now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, h, c, s)`,
      [devices.map((d) => d.id), devices.map((d) => d.hall), devices.map((d) => d.counter), devices.map((d) => d.secret)],
    );
    // Devices have pulled everything before: start them at the feed's end.
    const end = (await db.pool.query<{ c: string }>(`SELECT COALESCE(max(xid)::text || '.' || max(id)::text, '0.0') AS c FROM feed`)).rows[0]?.c ?? '0.0';
    for (const d of devices) d.cursor = end;
    const latencies: { push: number[]; pull: number[] } = { push: [], pull: [] };
    let errors = 0;
    let requests = 0;
    const syncDevice = async (d: (typeof devices)[number]) => {
      const sign = signer(d.id, d.secret);
      if (Math.random() < 0.3) {
        d.seq++;
        const body = JSON.stringify({
          events: [
            {
              eventId: crypto.randomUUID(),
              type: 'stock.moved',
              hallCode: d.hall,
              counterCode: d.counter,
              seq: d.seq,
              createdAt: new Date().toISOString(),
              payload: { sku: 'BENCH-SKU', reason: 'received', deltas: { on_hand: 1 }, serials: [], ref: null, note: null, staffNo: '1001', approvedBy: null },
              stockMoves: [
                { movement: 0, sku: 'BENCH-SKU', bucket: 'on_hand', delta: 1, serial: null, reason: 'received', ref: null, customerPhone: null, note: null, staffNo: '1001' },
              ],
            },
          ],
        });
        const s = performance.now();
        const res = await fetch(`${hq.url}${PUSH_PATH}`, { method: 'POST', headers: sign('POST', PUSH_PATH, body), body });
        await res.arrayBuffer();
        latencies.push.push(performance.now() - s);
        requests++;
        if (!res.ok) errors++;
      }
      const path = `${PULL_PATH}?cursor=${d.cursor}&limit=500`;
      const s = performance.now();
      const res = await fetch(`${hq.url}${path}`, { headers: sign('GET', path, '') });
      const text = await res.text();
      latencies.pull.push(performance.now() - s);
      requests++;
      if (!res.ok) errors++;
      const last = text.trimEnd().split('\n').at(-1) ?? '';
      const parsed = /"cursor":"([0-9.]+)"/.exec(last);
      if (parsed?.[1]) d.cursor = parsed[1];
    };
    // Open loop: device i syncs at i/6000 of every minute, whatever the others are doing.
    const perSecond = DEVICES / 60;
    const total = Math.floor(perSecond * DEVICE_SECONDS);
    const inFlight = new Set<Promise<void>>();
    t = performance.now();
    for (let k = 0; k < total; k++) {
      const at = t + (k / perSecond) * 1000;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      const p = syncDevice(devices[k % DEVICES] ?? devices[0]!).catch(() => {
        errors++;
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - t) / 1000;
    for (const list of Object.values(latencies)) list.sort((a, b) => a - b);
    const all = [...latencies.push, ...latencies.pull].sort((a, b) => a - b);
    console.log(
      `${fmt(DEVICES)} devices syncing every 60 s, ${fmt(DEVICE_SECONDS)} s (${fmt(total)} syncs): ${fmt(requests / elapsed)} requests/s, ` +
        `p50 ${fmt(percentile(all, 50), 1)} ms, p99 ${fmt(percentile(all, 99), 1)} ms; push p50/p99 ${fmt(percentile(latencies.push, 50), 1)}/${fmt(percentile(latencies.push, 99), 1)} ms, ` +
        `pull p50/p99 ${fmt(percentile(latencies.pull, 50), 1)}/${fmt(percentile(latencies.pull, 99), 1)} ms; ${errors} errors`,
    );
  } finally {
    for (const c of cleanup) c();
    hqChild?.kill('SIGTERM');
    await db.close();
    await pgServer.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

// Top-level await: bench/run.ts waits for this suite before starting the next.
await main();

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/log';
import { connectDemoCounter } from '../../electron/core/sync/demo';
import { syncHandlers } from '../../electron/core/sync/handlers';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, SyncScheduler, type Timers } from '../../electron/core/sync/scheduler';
import { SyncService } from '../../electron/core/sync/service';
import { importCustomers, regionSalt } from '../../hq/src/admin/customers';
import { createRegistrationCode } from '../../hq/src/devices';
import { startDemoHq, type DemoHq } from '../../hq/src/demo';
import { DomainError } from '../../shared/contract/errors';
import { contract } from '../../shared/contract/index';
import { syncMethods } from '../../shared/sync/contract';
import { DEMO_NOW, openTestCounter } from '../support/core';
import { HALL_B, REGION, manualTimers, openSyncCounter, setupHalls, startTestHq, startTestPostgres, type TestHq, type TestPostgres } from '../support/hq';
import { customer } from '../support/hq-world';

let pgServer: TestPostgres;
let hq: TestHq;

beforeAll(async () => {
  pgServer = await startTestPostgres();
  hq = await startTestHq(pgServer);
  await setupHalls(hq);
});
afterAll(async () => {
  await hq?.close();
  await pgServer?.stop();
});

/** Timers a test fires by hand, in order of due time. */
function fakeTimers(): Timers & { due: { at: number; fn: () => void; id: number }[]; now: number; fireNext(): number } {
  let seq = 0;
  const t = {
    due: [] as { at: number; fn: () => void; id: number }[],
    now: 0,
    setTimeout(fn: () => void, ms: number) {
      const id = ++seq;
      t.due.push({ at: t.now + ms, fn, id });
      return id;
    },
    clearTimeout(handle: unknown) {
      t.due = t.due.filter((d) => d.id !== handle);
    },
    fireNext() {
      t.due.sort((a, b) => a.at - b.at);
      const next = t.due.shift();
      if (!next) throw new Error('no timer due');
      const waited = next.at - t.now;
      t.now = next.at;
      next.fn();
      return waited;
    },
  };
  return t;
}

const settle = () => new Promise((ok) => setImmediate(ok));

describe('the sync contract piece', () => {
  it('is part of the contract; every example is a valid input', () => {
    expect(Object.keys(contract)).toEqual(expect.arrayContaining(Object.keys(syncMethods)));
    for (const [name, spec] of Object.entries(syncMethods)) {
      expect(name).toMatch(/^sync\.[a-zA-Z]+$/);
      expect(spec.input.safeParse(spec.example).success, name).toBe(true);
    }
  });
});

describe('the scheduler', () => {
  it('backs off exponentially with jitter while HQ is unreachable, then keeps the interval', async () => {
    const timers = fakeTimers();
    const results = [false, false, false, false, false, false, false, false, true, true];
    let runs = 0;
    const scheduler = new SyncScheduler({
      run: () => Promise.resolve(results[runs++] ?? true),
      intervalMs: () => 60_000,
      timers,
      random: () => 0.999,
      now: () => new Date(timers.now),
      initialDelayMs: 1_000,
    });
    scheduler.start();
    const waits: number[] = [];
    for (let i = 0; i < results.length; i++) {
      waits.push(timers.fireNext());
      await settle();
    }
    expect(runs).toBe(results.length);
    expect(waits[0]).toBe(1_000);
    // After failure n the wait is in [0.5, 1] × min(5 min, 5 s × 2^(n-1)).
    for (let n = 1; n <= 8; n++) {
      const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
      expect(waits[n]).toBeGreaterThanOrEqual(ceiling * 0.5);
      expect(waits[n]).toBeLessThanOrEqual(ceiling);
    }
    expect(waits[8]).toBe(Math.round(BACKOFF_MAX_MS * 0.9995));
    // After a success: the interval ±10 %.
    expect(waits[9]).toBeGreaterThanOrEqual(54_000);
    expect(waits[9]).toBeLessThanOrEqual(66_000);
    scheduler.stop();
    expect(timers.due).toEqual([]);
  });

  it('never runs two syncs at once: "sync now" joins the running one', async () => {
    let release: (ok: boolean) => void = () => undefined;
    let runs = 0;
    const scheduler = new SyncScheduler({
      run: () => {
        runs++;
        return new Promise<boolean>((ok) => (release = ok));
      },
      intervalMs: () => 60_000,
      timers: manualTimers,
      random: () => 0.5,
      now: () => new Date(),
    });
    const first = scheduler.syncNow();
    const second = scheduler.syncNow();
    expect(first.alreadyRunning).toBe(false);
    expect(second).toEqual({ promise: first.promise, alreadyRunning: true });
    expect(scheduler.isRunning).toBe(true);
    release(true);
    expect(await first.promise).toBe(true);
    expect(runs).toBe(1);
    expect(scheduler.isRunning).toBe(false);
  });
});

describe('registration', () => {
  it('a blank counter registers with a one-time code; the secret stays in the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halldesk-reg-'));
    const log = memoryLogger();
    const core = createCore({ dataDir: dir, clock: manualClock(DEMO_NOW), appVersion: 'test', log });
    try {
      const sync = new SyncService(core.ctx, { timers: manualTimers });
      const handlers = syncHandlers(core.ctx, sync);
      expect(sync.hq.state()).toBe('not_configured');
      expect(handlers['sync.status']({}, {} as never)).toMatchObject({ registered: false, reachable: null });

      await expect(handlers['sync.register']({ hqUrl: hq.url, code: 'AAAA-BBBB-CCCC' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(handlers['sync.register']({ hqUrl: 'http://127.0.0.1:9', code: 'AAAA-BBBB-CCCC' }, {})).rejects.toMatchObject({ code: 'HQ_UNAVAILABLE' });

      const { code } = await createRegistrationCode(hq.db.pool, { hallCode: HALL_B, counterCode: '01' }, hq.clock);
      const result = await handlers['sync.register']({ hqUrl: hq.url, code }, {});
      expect(result).toMatchObject({ hall: { code: HALL_B }, counter: { code: '01' } });
      await sync.syncNow();
      expect(sync.hq.state()).toBe('online');
      expect(core.ctx.store.stmt('SELECT hall_code, mode FROM device').get()).toEqual({ hall_code: HALL_B, mode: 'hq' });
      expect(core.ctx.store.stmt("SELECT value FROM settings WHERE key = 'customer.id_salt'").get()).toEqual({ value: await regionSalt(hq.db, REGION) });

      const secret = (core.ctx.store.stmt('SELECT secret FROM sync_registration').get() as { secret: string }).secret;
      const audit = JSON.stringify(core.ctx.store.stmt('SELECT * FROM audit_log').all());
      expect(audit).toContain('sync.register');
      expect(audit).not.toContain(secret);
      expect(log.lines.join('\n')).not.toContain(secret);

      const again = await createRegistrationCode(hq.db.pool, { hallCode: HALL_B, counterCode: '01' }, hq.clock);
      await expect(handlers['sync.register']({ hqUrl: hq.url, code: again.code }, {})).rejects.toBeInstanceOf(DomainError);
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the sync page', () => {
  it('shows HQ unreachable, the outbox and its oldest event; the top bar says offline', async () => {
    const c = await openSyncCounter(hq, { hallCode: HALL_B, counterCode: '01' });
    try {
      c.core.ctx.store.stmt("UPDATE sync_registration SET hq_url = 'http://127.0.0.1:9'").run();
      c.sync.resetClient();
      c.core.ctx.store
        .stmt("INSERT INTO outbox (event_id, type, payload, created_at) VALUES ('00000000-0000-4000-8000-00000000aaaa', 'trial.changed', '{}', '2026-11-21T01:00:00.000Z')")
        .run();
      const outcome = await c.sync.syncNow();
      expect(outcome?.error).toMatchObject({ kind: 'unreachable', code: 'HQ_UNREACHABLE' });
      const status = syncHandlers(c.core.ctx, c.sync)['sync.status']({}, {} as never);
      expect(status).toMatchObject({ registered: true, reachable: false, outbox: { pending: 1, oldestPendingAt: '2026-11-21T01:00:00.000Z', oldestPendingAgeSeconds: 1800 } });
      expect(c.sync.hq.state()).toBe('offline');
    } finally {
      c.close();
    }
  });

  it('lists events HQ rejected, with HQ’s reasons; HQ keeps them too', async () => {
    const c = await openSyncCounter(hq, { hallCode: HALL_B, counterCode: '01' });
    try {
      const insert = c.core.ctx.store.stmt('INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, ?, ?, ?)');
      insert.run('00000000-0000-4000-8000-0000000000b1', 'stocktake.started', '{"stocktakeId":1}', '2026-11-21T01:00:00.000Z');
      insert.run('00000000-0000-4000-8000-0000000000b2', 'trial.changed', '{"status":"active"}', '2026-11-21T01:01:00.000Z');
      expect((await c.sync.syncNow())?.ok).toBe(true);
      const status = await syncHandlers(c.core.ctx, c.sync)['sync.status']({}, {} as never);
      expect(status.outbox).toMatchObject({ pending: 0, rejected: 2 });
      expect(status.rejected.map((r) => [r.type, r.code])).toEqual([
        ['trial.changed', 'INVALID_PAYLOAD'],
        ['stocktake.started', 'UNKNOWN_EVENT_TYPE'],
      ]);
      const atHq = await hq.db.pool.query("SELECT type, reject_code FROM event WHERE outcome = 'rejected' ORDER BY type");
      expect(atHq.rows).toEqual([
        { type: 'stocktake.started', reject_code: 'UNKNOWN_EVENT_TYPE' },
        { type: 'trial.changed', reject_code: 'INVALID_PAYLOAD' },
      ]);
    } finally {
      c.close();
    }
  });

  it('warns about clock drift above 2 minutes and still syncs', async () => {
    const c = await openSyncCounter(hq, { hallCode: HALL_B, counterCode: '01' });
    try {
      c.clock.set(new Date(hq.clock.now().getTime() - 3 * 60_000).toISOString());
      expect((await c.sync.syncNow())?.ok).toBe(true);
      const status = await syncHandlers(c.core.ctx, c.sync)['sync.status']({}, {} as never);
      expect(status.clock.warning).toBe(true);
      expect(status.clock.driftMs).toBeGreaterThan(170_000);
      // Further off than HQ accepts: the first request is refused as stale, the client corrects and retries.
      c.clock.set(new Date(hq.clock.now().getTime() - 20 * 60_000).toISOString());
      c.sync.resetClient();
      c.core.ctx.store.stmt('UPDATE sync_state SET clock_drift_ms = NULL').run();
      expect((await c.sync.syncNow())?.ok).toBe(true);
    } finally {
      c.close();
    }
  });

  it('a first pull of many customers goes page by page with progress', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => customer(`137${String(i).padStart(8, '0')}`, 100 + i));
    await importCustomers(hq.db, REGION, many, hq.clock);
    const pages: (number | null)[] = [];
    let c: Awaited<ReturnType<typeof openSyncCounter>> | undefined;
    try {
      c = await openSyncCounter(hq, {
        hallCode: HALL_B,
        counterCode: '01',
        sync: {
          pullLimit: 1_000,
          betweenPages: () => {
            pages.push(c?.sync.progress?.percent ?? null);
            return Promise.resolve();
          },
        },
      });
      const outcome = await c.sync.syncNow();
      expect(outcome?.ok).toBe(true);
      expect(outcome?.pulledRows).toBeGreaterThanOrEqual(5_000);
      expect(pages.length).toBeGreaterThanOrEqual(5);
      expect(pages.every((p, i) => p !== null && (i === 0 || p >= (pages[i - 1] ?? 0)))).toBe(true);
      expect(c.core.ctx.store.stmt("SELECT count(*) AS n FROM customer WHERE phone LIKE '137%'").get()).toEqual({ n: 5_000 });
    } finally {
      c?.close();
    }
  });
});

describe('demo mode', () => {
  it('a demo-hall counter registers itself with the demo HQ and pulls the demo hall', async () => {
    let demo: DemoHq | undefined;
    const counter = openTestCounter({ counterCode: '02' });
    try {
      demo = await startDemoHq({ databaseUrl: await pgServer.newDatabaseUrl(), port: 0 });
      const sync = new SyncService(counter.core.ctx, { timers: manualTimers });
      await connectDemoCounter(counter.core.ctx, sync, demo.url);
      await connectDemoCounter(counter.core.ctx, sync, demo.url); // already registered: nothing happens
      expect((await sync.syncNow())?.ok).toBe(true);
      const ctx = counter.core.ctx;
      expect((ctx.store.stmt('SELECT count(*) AS n FROM campaign WHERE current = 1').get() as { n: number }).n).toBeGreaterThan(0);
      expect((ctx.store.stmt("SELECT count(*) AS n FROM voucher_code WHERE block_id LIKE '12580-%'").get() as { n: number }).n).toBeGreaterThan(0);
      expect(ctx.store.stmt("SELECT key FROM reference_data WHERE key IN ('plans', 'limits') ORDER BY key").all()).toEqual([{ key: 'limits' }, { key: 'plans' }]);
      expect(ctx.store.stmt('SELECT mode, counter_code FROM device').get()).toEqual({ mode: 'demo', counter_code: '02' });
    } finally {
      counter.close();
      await demo?.close();
    }
  });
});

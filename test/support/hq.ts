import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { manualClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/log';
import { insertStaff } from '../../electron/core/staff/accounts';
import type { FetchLike } from '../../electron/core/sync/http';
import { registerWithHq } from '../../electron/core/sync/register';
import type { Timers } from '../../electron/core/sync/scheduler';
import { SyncService, type SyncServiceOptions } from '../../electron/core/sync/service';
import { offsetClock } from '../../hq/src/clock';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../hq/src/db/embedded';
import { createRegistrationCode, ensureCounter, ensureHall, ensureRegion } from '../../hq/src/devices';
import { startHq, type RunningHq } from '../../hq/src/hq';
import { createClient, type ContractClient } from '../../shared/contract/client';
import { DEMO_NOW, loginAs } from './core';

/** One real PostgreSQL per test file; each HQ in it gets a database of its own. */
export interface TestPostgres {
  newDatabaseUrl(): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'halldesk-pg-'));
  // PostgreSQL runs as the postgres user when the tests run as root: it must reach the folder.
  chmodSync(dir, 0o755);
  const server: EmbeddedPg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), durable: false });
  let n = 0;
  return {
    async newDatabaseUrl() {
      const name = `hq_test_${process.pid}_${++n}`;
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return server.url.replace(/\/[^/]+$/, `/${name}`);
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestHq = RunningHq & { clock: ReturnType<typeof offsetClock> };

/** HQ on port 0 over a fresh database, its clock set to the demo morning the counters live in. */
export async function startTestHq(pgServer: TestPostgres, options: { databaseUrl?: string; demo?: boolean } = {}): Promise<TestHq> {
  const clock = offsetClock();
  clock.offsetMs = Date.parse(DEMO_NOW) - Date.now();
  const hq = await startHq({ databaseUrl: options.databaseUrl ?? (await pgServer.newDatabaseUrl()), port: 0, clock, poolSize: 8, demo: options.demo });
  return Object.assign(hq, { clock });
}

export const REGION = 'ZY';
export const HALL_A = 'ZY-HC-001'; // the demo hall: counters 01 and 02
export const HALL_B = 'ZY-HC-002';

export async function setupHalls(hq: RunningHq): Promise<void> {
  await ensureRegion(hq.db.pool, { code: REGION, name: '遵义' });
  await ensureHall(hq.db.pool, { code: HALL_A, name: '遵义汇川营业厅', regionCode: REGION }, hq.clock);
  await ensureHall(hq.db.pool, { code: HALL_B, name: '遵义红花岗营业厅', regionCode: REGION }, hq.clock);
  for (const [hall, counter] of [
    [HALL_A, '01'],
    [HALL_A, '02'],
    [HALL_B, '01'],
  ] as const) {
    await ensureCounter(hq.db.pool, { hallCode: hall, code: counter, name: `${counter}号柜台` });
  }
}

/** Timers that never fire: the tests decide when a counter syncs. */
export const manualTimers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };

export interface SyncCounter {
  core: Core;
  sync: SyncService;
  dir: string;
  clock: ReturnType<typeof manualClock>;
  hallCode: string;
  counterCode: string;
  /** Logged in as the manager (8001). */
  client: ContractClient;
  close(): void;
}

/**
 * A real counter (SQLite file in a temp folder) registered with `hqUrl`. Hall A's counters
 * are the demo hall's (staff and demo stock seeded); hall B's starts blank and gets its
 * staff here, as an HQ-configured counter would.
 */
export async function openSyncCounter(
  hq: RunningHq,
  options: { hallCode: string; counterCode: string; hqUrl?: string; fetch?: FetchLike; sync?: SyncServiceOptions },
): Promise<SyncCounter> {
  const dir = mkdtempSync(join(tmpdir(), 'halldesk-sync-'));
  const clock = manualClock(DEMO_NOW);
  const demo = options.hallCode === HALL_A;
  const core = createCore({ dataDir: dir, clock, appVersion: 'test', log: memoryLogger(), ...(demo ? { demo: { counterCode: options.counterCode } } : {}) });
  const sync = new SyncService(core.ctx, { timers: manualTimers, fetch: options.fetch, ...options.sync });
  const { code } = await createRegistrationCode(hq.db.pool, { hallCode: options.hallCode, counterCode: options.counterCode }, hq.clock);
  await registerWithHq(core.ctx, sync.fetcher, { hqUrl: options.hqUrl ?? hq.url, code, appVersion: 'test' });
  if (!demo) {
    core.ctx.store.tx(() => {
      insertStaff(core.ctx, { staffNo: '8001', name: '店长', role: 'manager', pin: '800800' });
      insertStaff(core.ctx, { staffNo: '1001', name: '营业员', role: 'clerk', pin: '111111' });
    });
  }
  const client = await loginAs(createClient((method, envelope) => core.dispatch(method, envelope)), '8001');
  return {
    core,
    sync,
    dir,
    clock,
    hallCode: options.hallCode,
    counterCode: options.counterCode,
    client,
    close() {
      sync.stop();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs syncs until one succeeds (faults in the way) or `tries` are used up. */
export async function syncUntilOk(counter: SyncCounter, tries = 50): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const outcome = await counter.sync.syncNow();
    if (outcome?.ok) return;
  }
  throw new Error(`${counter.hallCode}/${counter.counterCode} did not sync: ${JSON.stringify(counter.sync.lastOutcome?.error)}`);
}

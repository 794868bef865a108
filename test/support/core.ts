import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import demoHall from '../../resources/demo/hall.json';
import { createClient, type ContractClient, type Transport } from '../../shared/contract/client';
import { manualClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/log';

export const DEMO_NOW = '2026-11-21T01:30:00.000Z'; // 09:30 in Shanghai

export interface TestCounter {
  core: Core;
  dir: string;
  clock: ReturnType<typeof manualClock>;
  logLines: string[];
  /** A client that calls the core directly, as the unit-test transport of the contract. */
  client(): ContractClient;
  close(): void;
}

/** A real core on a real SQLite file in a fresh temp folder, seeded as the demo hall. */
export function openTestCounter(options: { now?: string; counterCode?: string } = {}): TestCounter {
  const dir = mkdtempSync(join(tmpdir(), 'halldesk-test-'));
  const clock = manualClock(options.now ?? DEMO_NOW);
  const log = memoryLogger();
  const core = createCore({ dataDir: dir, clock, appVersion: 'test', log, demo: { counterCode: options.counterCode } });
  const transport: Transport = (method, envelope) => core.dispatch(method, envelope);
  return {
    core,
    dir,
    clock,
    logLines: log.lines,
    client: () => createClient(transport),
    close() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function demoPin(staffNo: string): string {
  const staff = demoHall.staff.find((s) => s.staffNo === staffNo);
  if (!staff) throw new Error(`no demo staff ${staffNo}`);
  return staff.pin;
}

/** Logs a client in as a demo staff member; throws if the login is refused. */
export async function loginAs(client: ContractClient, staffNo: string): Promise<ContractClient> {
  const result = await client.call['session.login']({ staffNo, pin: demoPin(staffNo) });
  if (!result.ok) throw new Error(`login ${staffNo} refused: ${result.error.code}`);
  client.setSession(result.value.token);
  return client;
}

/** SHA-256 of the database file and its WAL: "nothing changed" means these are identical. */
export function databaseDigest(dbFile: string): string {
  const hash = createHash('sha256');
  for (const file of [dbFile, `${dbFile}-wal`]) {
    hash.update(file.slice(-4));
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import demoHall from '../../../resources/demo/hall.json' with { type: 'json' };
import { systemClock } from '../../../electron/core/clock';
import { createCore, DB_FILE_NAME, type Core } from '../../../electron/core/core';
import { memoryLogger } from '../../../electron/core/log';
import { registerWithHq } from '../../../electron/core/sync/register';
import { SyncService } from '../../../electron/core/sync/service';
import type { Timers } from '../../../electron/core/sync/scheduler';
import { createRegistrationCode } from '../../../hq/src/devices';
import type { RunningHq } from '../../../hq/src/hq';
import { createClient, type ContractClient } from '../../../shared/contract/client';

/** Timers that never fire: this counter syncs only when the test says so. */
const idleTimers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };

export interface SecondCounter {
  manager: ContractClient;
  sync: SyncService;
  close(): void;
}

function demoPin(staffNo: string): string {
  const member = demoHall.staff.find((s) => s.staffNo === staffNo);
  if (!member) throw new Error(`no demo staff ${staffNo}`);
  return member.pin;
}

/**
 * The demo hall's counter 02, working on its own SQLite file in the world process: the
 * other counter whose offline work collides with the bridge's counter 01 at HQ.
 */
export async function openSecondCounter(hq: RunningHq, root: string): Promise<SecondCounter> {
  const dataDir = mkdtempSync(join(root, 'counter-02-'));
  const core: Core = createCore({ dataDir, clock: systemClock, appVersion: 'e2e', log: memoryLogger(), demo: { counterCode: '02' } });
  const sync = new SyncService(core.ctx, { timers: idleTimers });
  const { code } = await createRegistrationCode(hq.db.pool, { hallCode: demoHall.hall.code, counterCode: '02' }, hq.clock);
  await registerWithHq(core.ctx, sync.fetcher, { hqUrl: hq.url, code, appVersion: 'e2e' });
  const manager = createClient((method, envelope) => core.dispatch(method, envelope));
  const login = await manager.call['session.login']({ staffNo: '8001', pin: demoPin('8001') });
  if (!login.ok) throw new Error(`counter 02: login refused (${login.error.code})`);
  manager.setSession(login.value.token);
  return {
    manager,
    sync,
    close() {
      sync.stop();
      core.close();
    },
  };
}

/**
 * An outbox event HQ cannot accept (a stock movement with no item), written into a
 * running bridge's database as a damaged file or an old bug would leave it: HQ must
 * refuse it with its reason, and the sync page must list it.
 */
export function injectBadEvent(dataDir: string): string {
  const db = new Database(join(dataDir, DB_FILE_NAME));
  try {
    db.pragma('busy_timeout = 5000');
    const eventId = randomUUID();
    db.prepare('INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, ?, ?, ?)').run(
      eventId,
      'stock.moved',
      JSON.stringify({ reason: 'damaged' }),
      new Date().toISOString(),
    );
    return eventId;
  } finally {
    db.close();
  }
}

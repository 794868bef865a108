import type { CoreContext } from '../context';

/** Settings keys the points mall reads (electron/core/points/reachability.ts); the sync client writes them. */
export const SYNC_SETTINGS = {
  lastSuccessAt: 'sync.last_success_at',
  intervalMs: 'sync.interval_ms',
  offlinePointsLimit: 'points.offline_limit',
} as const;
export const DEFAULT_INTERVAL_MS = 60_000;

export interface Registration {
  hqUrl: string;
  deviceId: string;
  secret: string;
  hallCode: string;
  counterCode: string;
}

export interface SyncStateRow {
  cursor: string;
  last_attempt_at: string | null;
  last_attempt_ok: 0 | 1 | null;
  last_error_code: string | null;
  last_error_message: string | null;
  clock_drift_ms: number | null;
  pulled_rows: number;
}

export function readRegistration(ctx: CoreContext): Registration | undefined {
  const row = ctx.store
    .stmt('SELECT hq_url, device_id, secret, hall_code, counter_code FROM sync_registration WHERE id = 1')
    .get() as { hq_url: string; device_id: string; secret: string; hall_code: string; counter_code: string } | undefined;
  return row
    ? { hqUrl: row.hq_url, deviceId: row.device_id, secret: row.secret, hallCode: row.hall_code, counterCode: row.counter_code }
    : undefined;
}

export function readSyncState(ctx: CoreContext): SyncStateRow {
  return ctx.store.stmt('SELECT * FROM sync_state WHERE id = 1').get() as SyncStateRow;
}

export function readSetting(ctx: CoreContext, key: string): string | undefined {
  return (ctx.store.stmt('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function writeSetting(ctx: CoreContext, key: string, value: string): void {
  ctx.store
    .stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

export function syncIntervalMs(ctx: CoreContext): number {
  const n = Number(readSetting(ctx, SYNC_SETTINGS.intervalMs));
  return Number.isSafeInteger(n) && n >= 5_000 ? n : DEFAULT_INTERVAL_MS;
}

export function recordAttempt(
  ctx: CoreContext,
  outcome: { ok: true } | { ok: false; code: string; message: string },
  driftMs: number | null,
): void {
  const now = ctx.clock.now().toISOString();
  ctx.store.tx(() => {
    ctx.store
      .stmt(
        `UPDATE sync_state SET last_attempt_at = ?, last_attempt_ok = ?, last_error_code = ?, last_error_message = ?,
           clock_drift_ms = COALESCE(?, clock_drift_ms) WHERE id = 1`,
      )
      .run(now, outcome.ok ? 1 : 0, outcome.ok ? null : outcome.code, outcome.ok ? null : outcome.message, driftMs);
    if (outcome.ok) writeSetting(ctx, SYNC_SETTINGS.lastSuccessAt, now);
  });
}

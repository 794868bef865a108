import type { CoreContext } from '../context';
import { readDevice } from '../system/device';

/**
 * What the points mall needs to know about HQ to decide whether the offline limit
 * applies. The sync client (not written yet) keeps these settings up to date; until then
 * they hold their defaults.
 */
export interface HqReachability {
  /** False in a demo hall: there is no HQ to fall out of touch with. */
  configured(): boolean;
  /** The last time HQ answered this counter (ISO instant), or null if it never has. */
  lastContactAt(): string | null;
  syncIntervalMs(): number;
  /** The most points one customer may redeem offline before HQ confirms them (HQ sets it). */
  offlinePointsLimit(): number;
}

export const HQ_SETTINGS = {
  lastContactAt: 'sync.last_success_at',
  syncIntervalMs: 'sync.interval_ms',
  offlinePointsLimit: 'points.offline_limit',
} as const;

export const DEFAULT_SYNC_INTERVAL_MS = 60_000;
export const DEFAULT_OFFLINE_POINTS_LIMIT = 2_000;
/** HQ counts as unreachable after this many sync intervals without an answer. */
export const MISSED_INTERVALS_OFFLINE = 3;

function setting(ctx: CoreContext, key: string): string | undefined {
  return (ctx.store.stmt('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** A positive integer setting; anything else (missing, garbled) falls back to the default rather than stopping the counter. */
function positiveInt(ctx: CoreContext, key: string, fallback: number): number {
  const raw = setting(ctx, key);
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** Reads the settings table and the device row; a counter registered with HQ has device mode 'hq'. */
export function settingsReachability(ctx: CoreContext): HqReachability {
  return {
    configured: () => readDevice(ctx)?.mode === 'hq',
    lastContactAt: () => {
      const raw = setting(ctx, HQ_SETTINGS.lastContactAt);
      return raw !== undefined && !Number.isNaN(Date.parse(raw)) ? raw : null;
    },
    syncIntervalMs: () => positiveInt(ctx, HQ_SETTINGS.syncIntervalMs, DEFAULT_SYNC_INTERVAL_MS),
    offlinePointsLimit: () => positiveInt(ctx, HQ_SETTINGS.offlinePointsLimit, DEFAULT_OFFLINE_POINTS_LIMIT),
  };
}

/**
 * Offline = HQ configured and silent for more than 3 sync intervals (or never heard from).
 * A demo hall with no HQ is never "offline": there is nobody to confirm with, so the
 * limit does not apply and slips do not say 待总部确认.
 */
export function isHqOffline(hq: HqReachability, now: Date): boolean {
  if (!hq.configured()) return false;
  const last = hq.lastContactAt();
  if (last === null) return true;
  return now.getTime() - Date.parse(last) > MISSED_INTERVALS_OFFLINE * hq.syncIntervalMs();
}

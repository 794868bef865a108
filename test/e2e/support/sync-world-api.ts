import type { ConflictDoc } from '../../../shared/sync/pull';

/**
 * What the sync end-to-end tests ask of their own small world (sync-world.ts, a separate
 * process run by tsx): an HQ on an ephemeral port over its own embedded PostgreSQL, the
 * counters' bridges, and a second counter of the demo hall. Types only, so a spec can
 * import it without loading HQ or the core into the Playwright worker.
 */
/** The demo hall (resources/demo/hall.json): the bridge's counter 01 and the world's counter 02. */
export const DEMO_HALL = { code: 'ZY-HC-001', name: '遵义汇川营业厅' };
/** The region's second hall: a blank counter registers as its counter 01. */
export const HALL_B = { code: 'ZY-HC-002', name: '遵义红花岗营业厅' };

export interface WorldCalls {
  /** A one-time registration code, as the operator's `create-code` makes it; naming a manager provisions that account. */
  code: {
    input: { hallCode: string; counterCode: string; ttlHours?: number; manager?: { staffNo: string; name: string; pin: string } };
    output: { code: string };
  };
  /** Exchanges a code at HQ for a throwaway device, so the code is "used". */
  spendCode: { input: { code: string }; output: { deviceId: string } };
  /** Moves HQ's clock (ms ahead of the real time; negative: behind). */
  hqClock: { input: { offsetMs: number }; output: { hqTime: string } };
  /** Makes each pulled page through the slow link (`linkUrl`) wait this long. */
  slowPull: { input: { delayMs: number }; output: Record<string, never> };
  /** (Re)imports `count` customers of region ZY, so the next pull has that many rows to fetch. */
  customers: { input: { count: number }; output: { imported: number } };
  /** Starts a counter's bridge: `blank` knows only HQ's address; `demo` is the demo hall's counter 01, alone. */
  bridge: { input: { mode: 'blank' | 'demo' }; output: { url: string; dataDir: string } };
  /** The demo hall's counter 02 (a core in the world process): writes off stock as its manager, then syncs. */
  secondCounterDamage: { input: { sku: string; qty: number; note: string }; output: { pushed: number } };
  /** Puts an event HQ will refuse into a bridge's outbox (a fault injected on purpose). */
  injectBadEvent: { input: { dataDir: string }; output: { eventId: string } };
  /** HQ's view of a hall's conflicts. */
  conflicts: { input: { hallCode: string }; output: { conflicts: ConflictDoc[] } };
  /** HQ's active devices for one counter. */
  devices: { input: { hallCode: string; counterCode: string }; output: { active: number } };
}

export type WorldCall = keyof WorldCalls;

/** The first line the world prints on stdout once it listens. */
export interface WorldReady {
  /** `linkUrl` reaches the same HQ through a relay that can slow pulls down (sync-world-link.ts). */
  ready: { hqUrl: string; linkUrl: string; controlUrl: string };
}

export type WorldAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

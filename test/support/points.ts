import type { CoreContext } from '../../electron/core/context';
import { HQ_SETTINGS } from '../../electron/core/points/reachability';
import { stockBalance } from '../../electron/core/stock/ledger';
import type { ContractClient } from '../../shared/contract/client';
import { databaseDigest, loginAs, openTestCounter, type TestCounter } from './core';

export function onHand(ctx: CoreContext, sku: string): number {
  return stockBalance(ctx, sku).onHand;
}

function setSetting(ctx: CoreContext, key: string, value: string): void {
  ctx.store
    .stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

/**
 * Makes this counter one registered with HQ whose last successful sync was `lastContactAt`
 * (null: never), as the sync client will record it.
 */
export function registerWithHq(ctx: CoreContext, options: { lastContactAt: string | null; offlineLimit?: number; intervalMs?: number }): void {
  ctx.store.tx(() => {
    ctx.store.stmt(`UPDATE device SET mode = 'hq' WHERE id = 1`).run();
    if (options.lastContactAt) setSetting(ctx, HQ_SETTINGS.lastContactAt, options.lastContactAt);
    else ctx.store.stmt('DELETE FROM settings WHERE key = ?').run(HQ_SETTINGS.lastContactAt);
    if (options.offlineLimit !== undefined) setSetting(ctx, HQ_SETTINGS.offlinePointsLimit, String(options.offlineLimit));
    if (options.intervalMs !== undefined) setSetting(ctx, HQ_SETTINGS.syncIntervalMs, String(options.intervalMs));
  });
}

export function count(ctx: CoreContext, table: 'outbox' | 'audit_log' | 'redemption' | 'slip'): number {
  // The table name comes from the closed union above, never from input.
  const sql = {
    outbox: 'SELECT COUNT(*) AS n FROM outbox',
    audit_log: 'SELECT COUNT(*) AS n FROM audit_log',
    redemption: 'SELECT COUNT(*) AS n FROM redemption',
    slip: 'SELECT COUNT(*) AS n FROM slip',
  }[table];
  return (ctx.store.stmt(sql).get() as { n: number }).n;
}

/** Each lot's ledger balance by lot key: HQ's remaining plus this counter's unacknowledged entries, expired or not. */
export function lotBalances(ctx: CoreContext, customerId: number): Record<string, number> {
  const rows = ctx.store
    .stmt(
      `SELECT l.lot_key AS lotKey,
              l.hq_remaining + COALESCE((SELECT SUM(e.delta) FROM points_entry e WHERE e.lot_id = l.id AND e.acked = 0), 0) AS balance
       FROM points_lot l WHERE l.customer_id = ? ORDER BY l.id`,
    )
    .all(customerId) as { lotKey: string; balance: number }[];
  return Object.fromEntries(rows.map((r) => [r.lotKey, r.balance]));
}

export interface PointsMall {
  counter: TestCounter;
  ctx: CoreContext;
  clerk: ContractClient;
  manager: ContractClient;
  digest(): string;
}

/** A demo counter with the points mall stocked, a clerk (1001) and a manager (8001) logged in. */
export async function openPointsMall(): Promise<PointsMall> {
  const counter = openTestCounter();
  const clerk = await loginAs(counter.client(), '1001');
  const manager = await loginAs(counter.client(), '8001');
  return { counter, ctx: counter.core.ctx, clerk, manager, digest: () => databaseDigest(counter.core.dbFile) };
}

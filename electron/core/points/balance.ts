import type { CoreContext } from '../context';

export interface LotAvailability {
  lotId: number;
  lotKey: string;
  available: number;
  earnedOn: string;
  expiresOn: string;
  source: 'hq' | 'campaign';
}

export interface PointsAvailability {
  /** What the customer can spend today: HQ's last balance minus what HQ has not yet acknowledged. */
  available: number;
  /** Points this counter has debited that HQ has not acknowledged yet. */
  pendingDebits: number;
  /** Unexpired lots, oldest expiry first: the order they are spent in. */
  lots: LotAvailability[];
  nearestExpiry: { on: string; points: number } | null;
}

/**
 * Available points per lot = HQ's remaining + this counter's unacknowledged entries
 * (debits negative, bonus lots and voids positive). Expired lots (expiry before today)
 * are not available, whatever their balance.
 */
export function pointsAvailability(ctx: CoreContext, customerId: number, today: string): PointsAvailability {
  const lots = ctx.store
    .stmt(
      `SELECT l.id AS lotId, l.lot_key AS lotKey, l.earned_on AS earnedOn, l.expires_on AS expiresOn, l.source,
              l.hq_remaining + COALESCE((SELECT SUM(e.delta) FROM points_entry e WHERE e.lot_id = l.id AND e.acked = 0), 0) AS available
       FROM points_lot l
       WHERE l.customer_id = ? AND l.expires_on >= ?
       ORDER BY l.expires_on, l.earned_on, l.id`,
    )
    .all(customerId, today) as LotAvailability[];
  const pending = ctx.store
    .stmt(`SELECT COALESCE(-SUM(delta), 0) AS n FROM points_entry WHERE customer_id = ? AND acked = 0 AND delta < 0`)
    .get(customerId) as { n: number };
  const live = lots.filter((l) => l.available > 0);
  const first = live[0];
  return {
    available: live.reduce((sum, l) => sum + l.available, 0),
    pendingDebits: pending.n,
    lots: live,
    nearestExpiry: first ? { on: first.expiresOn, points: live.filter((l) => l.expiresOn === first.expiresOn).reduce((s, l) => s + l.available, 0) } : null,
  };
}

/**
 * Takes `points` from the oldest unexpired lots first and records one debit entry per
 * lot touched. Call inside the redemption's transaction after checking availability.
 * Returns the lots and amounts taken, which a void gives back to the same lots.
 */
export function debitPoints(
  ctx: CoreContext,
  customerId: number,
  points: number,
  today: string,
  ref: string,
): { lotId: number; points: number }[] {
  const taken: { lotId: number; points: number }[] = [];
  let left = points;
  const insert = ctx.store.stmt(
    `INSERT INTO points_entry (customer_id, lot_id, delta, reason, ref, created_at) VALUES (?, ?, ?, 'redeem', ?, ?)`,
  );
  for (const lot of pointsAvailability(ctx, customerId, today).lots) {
    if (left === 0) break;
    const take = Math.min(left, lot.available);
    insert.run(customerId, lot.lotId, -take, ref, ctx.clock.now().toISOString());
    taken.push({ lotId: lot.lotId, points: take });
    left -= take;
  }
  if (left > 0) throw new Error(`debitPoints: ${left} points short; check availability first`);
  return taken;
}

export interface LotTaken {
  lotId: number;
  lotKey: string;
  points: number;
  expiresOn: string;
}

/** The lots a redemption (`ref`) was paid from, oldest expiry first, whether or not HQ has acknowledged it. */
export function pointsTakenBy(ctx: CoreContext, ref: string): LotTaken[] {
  return ctx.store
    .stmt(
      `SELECT e.lot_id AS lotId, l.lot_key AS lotKey, l.expires_on AS expiresOn, -SUM(e.delta) AS points
       FROM points_entry e JOIN points_lot l ON l.id = e.lot_id
       WHERE e.ref = ? AND e.reason = 'redeem'
       GROUP BY e.lot_id
       ORDER BY l.expires_on, l.earned_on, l.id`,
    )
    .all(ref) as LotTaken[];
}

/**
 * Gives back exactly what redemption `ref` took, one positive 'void' entry per lot, to the
 * same lots: each keeps its expiry, so points returned to a lot that has expired since
 * stay expired (the customer is no worse off than had they never redeemed).
 */
export function restorePoints(ctx: CoreContext, customerId: number, ref: string, today: string): (LotTaken & { expired: boolean })[] {
  const insert = ctx.store.stmt(
    `INSERT INTO points_entry (customer_id, lot_id, delta, reason, ref, created_at) VALUES (?, ?, ?, 'void', ?, ?)`,
  );
  const at = ctx.clock.now().toISOString();
  return pointsTakenBy(ctx, ref).map((lot) => {
    insert.run(customerId, lot.lotId, lot.points, ref, at);
    return { ...lot, expired: lot.expiresOn < today };
  });
}

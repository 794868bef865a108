import type { PullKind } from '../../../shared/sync/pull';
import type { Sql } from '../db/pool';

/** Who sees a feed row: everyone, a region's counters, a hall's, or one counter. */
export const scopes = {
  all: 'all',
  region: (code: string) => `region:${code}`,
  hall: (code: string) => `hall:${code}`,
  counter: (hall: string, counter: string) => `counter:${hall}/${counter}`,
};

export function scopesOf(device: { regionCode: string; hallCode: string; counterCode: string }): string[] {
  return [scopes.all, scopes.region(device.regionCode), scopes.hall(device.hallCode), scopes.counter(device.hallCode, device.counterCode)];
}

/**
 * Puts the current document of one thing in the feed. A later change rewrites the same
 * row with the new transaction id, so counters get the latest version once, not every step.
 */
export async function publish(sql: Sql, scope: string, kind: PullKind, key: string, doc: unknown): Promise<void> {
  await sql.query(
    `INSERT INTO feed (scope, kind, key, doc) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope, kind, key) DO UPDATE SET doc = excluded.doc, xid = pg_current_xact_id()`,
    [scope, kind, key, JSON.stringify(doc)],
  );
}

/** ISO instant with milliseconds and Z, as the counter's schemas expect. */
const isoSql = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Rebuilds the snapshot documents of these customers (profile + points lots) and publishes
 * them to their region, in one statement however many there are.
 */
export async function publishCustomers(sql: Sql, phones: readonly string[]): Promise<void> {
  if (phones.length === 0) return;
  await sql.query(
    `INSERT INTO feed (scope, kind, key, doc)
     SELECT 'region:' || c.region_code, 'customer', c.phone,
            c.profile || jsonb_build_object(
              'pointsLots', COALESCE((
                SELECT jsonb_agg(jsonb_build_object('lotId', l.lot_key, 'remaining', l.remaining,
                                                    'earnedOn', l.earned_on, 'expiresOn', l.expires_on)
                                 ORDER BY l.expires_on, l.lot_key)
                FROM points_lot l WHERE l.customer_phone = c.phone), '[]'::jsonb),
              'snapshotVersion', c.version,
              'snapshotAt', ${isoSql('c.updated_at')})
     FROM customer c WHERE c.phone = ANY($1::text[])
     ON CONFLICT (scope, kind, key) DO UPDATE SET doc = excluded.doc, xid = pg_current_xact_id()`,
    [phones],
  );
}

/** Bumps the snapshot version of customers whose points changed, then republishes them. */
export async function customersChanged(sql: Sql, phones: readonly string[], at: Date): Promise<void> {
  const unique = [...new Set(phones)];
  if (unique.length === 0) return;
  await sql.query('UPDATE customer SET version = version + 1, updated_at = $2 WHERE phone = ANY($1::text[])', [unique, at]);
  await publishCustomers(sql, unique);
}

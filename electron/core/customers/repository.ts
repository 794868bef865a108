import { DomainError } from '../../../shared/contract/errors';
import { CustomerSnapshot } from '../../../shared/customers/snapshot';
import type { CoreContext } from '../context';

export interface CustomerRecord {
  id: number;
  origin: 'hq' | 'counter';
  lastServedAt: string | null;
  snapshot: CustomerSnapshot;
}

interface CustomerRow {
  id: number;
  origin: 'hq' | 'counter';
  snapshot: string;
  last_served_at: string | null;
}

function fromRow(ctx: CoreContext, row: CustomerRow): CustomerRecord {
  const stored = JSON.parse(row.snapshot) as Omit<CustomerSnapshot, 'pointsLots'>;
  // Points lots live in their own table (they change with every redemption); the snapshot
  // is rebuilt with HQ's view of them.
  const lots = ctx.store
    .stmt(
      `SELECT lot_key AS lotId, hq_remaining AS remaining, earned_on AS earnedOn, expires_on AS expiresOn
       FROM points_lot WHERE customer_id = ? AND source = 'hq' ORDER BY expires_on, id`,
    )
    .all(row.id) as CustomerSnapshot['pointsLots'];
  return { id: row.id, origin: row.origin, lastServedAt: row.last_served_at, snapshot: { ...stored, pointsLots: lots } };
}

export function getCustomer(ctx: CoreContext, id: number): CustomerRecord {
  const row = ctx.store.stmt('SELECT id, origin, snapshot, last_served_at FROM customer WHERE id = ?').get(id) as
    | CustomerRow
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', '没有找到这位客户', { customerId: id });
  return fromRow(ctx, row);
}

export function findByPhone(ctx: CoreContext, phone: string): CustomerRecord | undefined {
  const row = ctx.store.stmt('SELECT id, origin, snapshot, last_served_at FROM customer WHERE phone = ?').get(phone) as
    | CustomerRow
    | undefined;
  return row ? fromRow(ctx, row) : undefined;
}

/** Last four digits only narrow down customers this hall served recently: a guess must not list the region. */
export function findByPhoneLast4(ctx: CoreContext, last4: string, servedSince: string): CustomerRecord[] {
  const rows = ctx.store
    .stmt(
      `SELECT id, origin, snapshot, last_served_at FROM customer
       WHERE phone_last4 = ? AND last_served_at >= ? ORDER BY last_served_at DESC LIMIT 20`,
    )
    .all(last4, servedSince) as CustomerRow[];
  return rows.map((r) => fromRow(ctx, r));
}

export function findByIdLast4AndName(ctx: CoreContext, idLast4: string, name: string): CustomerRecord[] {
  const rows = ctx.store
    .stmt(`SELECT id, origin, snapshot, last_served_at FROM customer WHERE id_last4 = ? AND name = ? LIMIT 20`)
    .all(idLast4.toUpperCase(), name) as CustomerRow[];
  return rows.map((r) => fromRow(ctx, r));
}

/**
 * Writes a snapshot (from HQ, or a walk-in collected here) and replaces its HQ points
 * lots. Call inside a transaction. Returns the customer id.
 */
export function upsertSnapshot(ctx: CoreContext, snapshot: CustomerSnapshot, origin: 'hq' | 'counter'): number {
  const valid = CustomerSnapshot.parse(snapshot);
  const { pointsLots, ...rest } = valid;
  const now = ctx.clock.now().toISOString();
  const row = ctx.store
    .stmt(
      `INSERT INTO customer (phone, phone_last4, name, id_last4, kind, origin, snapshot, snapshot_version, snapshot_at, updated_at)
       VALUES (@phone, @last4, @name, @idLast4, @kind, @origin, @snapshot, @version, @at, @now)
       ON CONFLICT (phone) DO UPDATE SET
         name = excluded.name, id_last4 = excluded.id_last4, kind = excluded.kind, origin = excluded.origin,
         snapshot = excluded.snapshot, snapshot_version = excluded.snapshot_version,
         snapshot_at = excluded.snapshot_at, updated_at = excluded.updated_at
       RETURNING id`,
    )
    .get({
      phone: valid.phone,
      last4: valid.phone.slice(-4),
      name: valid.name,
      idLast4: valid.idLast4.toUpperCase(),
      kind: valid.kind,
      origin,
      snapshot: JSON.stringify(rest),
      version: valid.snapshotVersion,
      at: valid.snapshotAt,
      now,
    }) as { id: number };
  const upsertLot = ctx.store.stmt(
    `INSERT INTO points_lot (customer_id, lot_key, hq_remaining, earned_on, expires_on, source)
     VALUES (?, ?, ?, ?, ?, 'hq')
     ON CONFLICT (lot_key) DO UPDATE SET hq_remaining = excluded.hq_remaining, expires_on = excluded.expires_on`,
  );
  for (const lot of pointsLots) upsertLot.run(row.id, lot.lotId, lot.remaining, lot.earnedOn, lot.expiresOn);
  return row.id;
}

/** Marks the customer as served in this hall now (feeds the last-4-digits look-up). */
export function touchServed(ctx: CoreContext, customerId: number): void {
  ctx.store.stmt('UPDATE customer SET last_served_at = ? WHERE id = ?').run(ctx.clock.now().toISOString(), customerId);
}

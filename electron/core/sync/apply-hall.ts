import { CustomerSnapshot } from '../../../shared/customers/snapshot';
import { SERIAL_STATE_AFTER, type StockBucket } from '../../../shared/stock/movements';
import { ConflictDoc, StockDeliveryDoc, StockMovementDoc } from '../../../shared/sync/pull';
import { ensureStockItem } from './apply-catalogue';
import { rowWriter } from './rows';

/**
 * A customer of the region as HQ knows them now: profile and points lots (HQ's balance).
 * The same rows as customers/repository.ts upsertSnapshot writes, without its second
 * validation: the snapshot was parsed while the page streamed in, and a first pull is a
 * million of them. Keep the two in step (or let the customers module export its writer).
 */
export const customerRows = rowWriter(
  (doc) => CustomerSnapshot.parse(doc),
  (ctx, _reg, c) => {
    const { pointsLots, ...rest } = c;
    const row = ctx.store
      .stmt(
        `INSERT INTO customer (phone, phone_last4, name, id_last4, kind, origin, snapshot, snapshot_version, snapshot_at, updated_at)
         VALUES (@phone, @last4, @name, @idLast4, @kind, 'hq', @snapshot, @version, @at, @now)
         ON CONFLICT (phone) DO UPDATE SET
           name = excluded.name, id_last4 = excluded.id_last4, kind = excluded.kind, origin = excluded.origin,
           snapshot = excluded.snapshot, snapshot_version = excluded.snapshot_version,
           snapshot_at = excluded.snapshot_at, updated_at = excluded.updated_at
         RETURNING id`,
      )
      .get({
        phone: c.phone,
        last4: c.phone.slice(-4),
        name: c.name,
        idLast4: c.idLast4.toUpperCase(),
        kind: c.kind,
        snapshot: JSON.stringify(rest),
        version: c.snapshotVersion,
        at: c.snapshotAt,
        now: ctx.clock.now().toISOString(),
      }) as { id: number };
    const lot = ctx.store.stmt(
      `INSERT INTO points_lot (customer_id, lot_key, hq_remaining, earned_on, expires_on, source)
       VALUES (?, ?, ?, ?, ?, 'hq')
       ON CONFLICT (lot_key) DO UPDATE SET hq_remaining = excluded.hq_remaining, expires_on = excluded.expires_on`,
    );
    for (const l of pointsLots) lot.run(row.id, l.lotId, l.remaining, l.earnedOn, l.expiresOn);
  },
);

/**
 * A movement another counter of this hall made, copied into this counter's ledger so that
 * its balance is the hall's. It is a fact: it may take a bucket below zero (two counters
 * gave away the last TV offline), which HQ raises as a conflict. Rows copied from HQ
 * carry group_id `hq:<event id>#<n>`; this counter's own movements are already in the ledger.
 */
export const hallMovementRows = rowWriter((doc) => StockMovementDoc.parse(doc), (ctx, reg, m) => {
  if (m.counterCode === reg.counterCode && m.hallCode === reg.hallCode) return;
  const now = ctx.clock.now().toISOString();
  const fresh = ctx.store
    .stmt('INSERT INTO sync_hall_movement (movement_id, counter_code, applied_at) VALUES (?, ?, ?) ON CONFLICT (movement_id) DO NOTHING')
    .run(m.movementId, m.counterCode, now);
  if (fresh.changes === 0) return;
  ensureStockItem(ctx, m.sku);
  const insert = ctx.store.stmt(
    `INSERT INTO stock_movement (hall_code, sku, bucket, qty, reason, serial, group_id, ref_type, ref_id, note, staff_no, at)
     VALUES (@hall, @sku, @bucket, @qty, @reason, @serial, @group, @refType, @refId, @note, @staff, @at)`,
  );
  for (const [bucket, delta] of Object.entries(m.deltas) as [StockBucket, number][]) {
    if (!delta) continue;
    const perRow = m.serials.length > 0 ? m.serials.map((s): { serial: string | null; qty: number } => ({ serial: s, qty: Math.sign(delta) })) : [{ serial: null, qty: delta }];
    for (const r of perRow) {
      insert.run({
        hall: m.hallCode,
        sku: m.sku,
        bucket,
        qty: r.qty,
        reason: m.reason,
        serial: r.serial,
        group: `hq:${m.movementId}`,
        refType: m.ref?.type ?? null,
        refId: m.ref?.id ?? null,
        note: m.note ?? `${m.counterCode}号柜台`,
        staff: m.staffNo,
        at: m.at,
      });
    }
  }
  const state = SERIAL_STATE_AFTER[m.reason];
  const unit = ctx.store.stmt(
    `INSERT INTO serial_unit (sku, serial, state, customer_id, updated_at) VALUES (?, ?, ?, NULL, ?)
     ON CONFLICT (sku, serial) DO UPDATE SET state = excluded.state, customer_id = NULL, updated_at = excluded.updated_at`,
  );
  for (const serial of m.serials) unit.run(m.sku, serial, state, now);
});

export const deliveryRows = rowWriter((doc) => StockDeliveryDoc.parse(doc), (ctx, _reg, d) => {
  ctx.store
    .stmt(
      `INSERT INTO sync_stock_delivery (delivery_no, sku, quantity, serials, note, sent_at, status, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (delivery_no) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
    )
    .run(d.deliveryNo, d.sku, d.quantity, JSON.stringify(d.serials), d.note, d.sentAt, d.status, ctx.clock.now().toISOString());
});

/**
 * A conflict for this hall. A resolution made here and not yet confirmed by HQ stays
 * resolved: HQ's copy catches up once it has the conflict.resolved event.
 */
export const conflictRows = rowWriter((doc) => ConflictDoc.parse(doc), (ctx, _reg, c) => {
  const local = ctx.store.stmt('SELECT status, resolution_pending FROM sync_conflict WHERE conflict_id = ?').get(c.conflictId) as
    | { status: string; resolution_pending: number }
    | undefined;
  if (local?.resolution_pending === 1 && c.status === 'open') {
    ctx.store
      .stmt('UPDATE sync_conflict SET title = ?, advice = ?, details = ?, updated_at = ? WHERE conflict_id = ?')
      .run(c.title, c.advice, JSON.stringify(c.details), c.updatedAt, c.conflictId);
    return;
  }
  ctx.store
    .stmt(
      `INSERT INTO sync_conflict (conflict_id, kind, status, title, advice, details, raised_at, updated_at, resolved_at, resolved_by, note, resolution_pending)
       VALUES (@id, @kind, @status, @title, @advice, @details, @raised, @updated, @resolvedAt, @resolvedBy, @note, 0)
       ON CONFLICT (conflict_id) DO UPDATE SET kind = excluded.kind, status = excluded.status, title = excluded.title,
         advice = excluded.advice, details = excluded.details, updated_at = excluded.updated_at, resolved_at = excluded.resolved_at,
         resolved_by = excluded.resolved_by, note = excluded.note, resolution_pending = 0`,
    )
    .run({
      id: c.conflictId,
      kind: c.kind,
      status: c.status,
      title: c.title,
      advice: c.advice,
      details: JSON.stringify(c.details),
      raised: c.raisedAt,
      updated: c.updatedAt,
      resolvedAt: c.resolvedAt,
      resolvedBy: c.resolvedBy,
      note: c.note,
    });
});

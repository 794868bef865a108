import type pg from 'pg';
import type { ConflictDoc } from '../../../shared/sync/pull';
import type { Sql } from '../db/pool';
import { publish, scopes } from '../feed/publish';

interface ConflictRow {
  id: string;
  kind: ConflictDoc['kind'];
  hall_code: string;
  status: ConflictDoc['status'];
  title: string;
  advice: string;
  details: Record<string, unknown>;
  raised_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  note: string | null;
}

export function conflictDoc(row: ConflictRow): ConflictDoc {
  return {
    conflictId: row.id,
    kind: row.kind,
    hallCode: row.hall_code,
    status: row.status,
    title: row.title,
    advice: row.advice,
    details: row.details,
    raisedAt: row.raised_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    note: row.note,
  };
}

async function publishConflict(sql: Sql, id: string): Promise<void> {
  const row = (await sql.query<ConflictRow>('SELECT * FROM conflict WHERE id = $1', [id])).rows[0];
  if (row) await publish(sql, scopes.hall(row.hall_code), 'conflict', row.id, conflictDoc(row));
}

/**
 * Opens a conflict, or updates the open one with the same key (a hall that goes further
 * below zero on the same item is one task, not one per gift).
 */
async function raise(
  client: pg.PoolClient,
  c: { kind: ConflictDoc['kind']; hallCode: string; dedupeKey: string; title: string; advice: string; details: Record<string, unknown> },
  at: Date,
  eventId: string,
): Promise<string> {
  const open = (
    await client.query<{ id: string; details: Record<string, unknown> }>(
      `SELECT id, details FROM conflict WHERE kind = $1 AND hall_code = $2 AND dedupe_key = $3 AND status = 'open' FOR UPDATE`,
      [c.kind, c.hallCode, c.dedupeKey],
    )
  ).rows[0];
  let id: string;
  if (open) {
    const events = [...(Array.isArray(open.details.eventIds) ? (open.details.eventIds as unknown[]) : []), eventId];
    await client.query('UPDATE conflict SET title = $2, advice = $3, details = $4, updated_at = $5 WHERE id = $1', [
      open.id,
      c.title,
      c.advice,
      JSON.stringify({ ...c.details, eventIds: events }),
      at,
    ]);
    id = open.id;
  } else {
    const seq = (await client.query<{ n: number }>("SELECT nextval('conflict_seq') AS n")).rows[0]?.n ?? 0;
    id = `C${String(seq).padStart(6, '0')}`;
    await client.query(
      `INSERT INTO conflict (id, kind, hall_code, status, title, advice, details, dedupe_key, raised_at, updated_at)
       VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $8)`,
      [id, c.kind, c.hallCode, c.title, c.advice, JSON.stringify({ ...c.details, eventIds: [eventId] }), c.dedupeKey, at],
    );
  }
  await publishConflict(client, id);
  return id;
}

export function raiseNegativeStock(
  client: pg.PoolClient,
  n: { hallCode: string; sku: string; bucket: string; balance: number; counterCode: string },
  at: Date,
  eventId: string,
): Promise<string> {
  return raise(
    client,
    {
      kind: 'negative_stock',
      hallCode: n.hallCode,
      dedupeKey: `${n.sku}:${n.bucket}`,
      title: `库存为负：${n.sku}（${n.bucket}）结存 ${n.balance}`,
      advice:
        '几个柜台离线时发出了同一批库存。请清点实物：确已发出的，联系总部补发或调拨；账实不符的，做一次盘点调整。处理后填写说明关闭此任务。',
      details: { sku: n.sku, bucket: n.bucket, balance: n.balance, lastCounter: n.counterCode },
    },
    at,
    eventId,
  );
}

export function raiseOverdraft(
  client: pg.PoolClient,
  o: { hallCode: string; counterCode: string; redemptionNo: string; customerPhone: string; requested: number; covered: number; short: number },
  at: Date,
  eventId: string,
): Promise<string> {
  const masked = `${o.customerPhone.slice(0, 3)}****${o.customerPhone.slice(7)}`;
  return raise(
    client,
    {
      kind: 'overdraft',
      hallCode: o.hallCode,
      dedupeKey: o.redemptionNo,
      title: `积分透支：客户 ${masked} 兑换 ${o.requested} 分，余额只够 ${o.covered} 分，差 ${o.short} 分`,
      advice:
        '这位客户的积分已在别处用掉，本厅的兑换超出了余额。请联系客户：作废兑换并收回礼品，或由客户补足积分；确认无法追回的，写明原因后关闭（计入核销）。',
      details: {
        redemptionNo: o.redemptionNo,
        customerPhoneMasked: masked,
        requested: o.requested,
        covered: o.covered,
        short: o.short,
        counter: o.counterCode,
      },
    },
    at,
    eventId,
  );
}

/** Closes an open conflict of this hall; closing one that is already closed changes nothing. */
export async function resolveConflict(
  sql: Sql,
  r: { conflictId: string; hallCode: string; note: string; resolvedBy: string },
  at: Date,
): Promise<boolean> {
  const done = await sql.query(
    `UPDATE conflict SET status = 'resolved', resolved_at = $3, resolved_by = $4, note = $5, updated_at = $3
     WHERE id = $1 AND hall_code = $2 AND status = 'open'`,
    [r.conflictId, r.hallCode, at, r.resolvedBy, r.note],
  );
  if ((done.rowCount ?? 0) > 0) await publishConflict(sql, r.conflictId);
  return (done.rowCount ?? 0) > 0;
}

export async function listConflicts(sql: Sql, filter: { hallCode?: string; status?: 'open' | 'resolved' }): Promise<ConflictDoc[]> {
  const rows = await sql.query<ConflictRow>(
    `SELECT * FROM conflict WHERE ($1::text IS NULL OR hall_code = $1) AND ($2::text IS NULL OR status = $2)
     ORDER BY raised_at, id`,
    [filter.hallCode ?? null, filter.status ?? null],
  );
  return rows.rows.map(conflictDoc);
}

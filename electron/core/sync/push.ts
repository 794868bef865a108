import { z } from 'zod';
import type { PushedEvent, PushResult } from '../../../shared/sync/protocol';
import type { CoreContext } from '../context';
import { HqRequestError, type HqClient } from './http';
import type { Registration } from './state';

export const PUSH_BATCH = 200;

interface OutboxRow {
  seq: number;
  event_id: string;
  type: string;
  payload: string;
  created_at: string;
  stock_moves: string | null;
}

/**
 * Which points entries an acknowledged event settles: the points mall writes them with
 * `ref` = the redemption number (reason redeem / void), enrolment bonuses with the
 * enrolment number (reason campaign_bonus).
 */
const RedemptionRef = z.object({ redemptionNo: z.string() });
const EnrolmentRef = z.object({ enrolmentNo: z.string(), bonusLot: z.object({ lotKey: z.string() }).nullable() });

function pointsRefOf(type: string, payload: unknown): { ref: string; reason: string } | undefined {
  if (type === 'redemption.created' || type === 'redemption.voided') {
    const p = RedemptionRef.safeParse(payload);
    return p.success ? { ref: p.data.redemptionNo, reason: type === 'redemption.created' ? 'redeem' : 'void' } : undefined;
  }
  if (type === 'enrolment.created') {
    const p = EnrolmentRef.safeParse(payload);
    return p.success && p.data.bonusLot ? { ref: p.data.enrolmentNo, reason: 'campaign_bonus' } : undefined;
  }
  return undefined;
}

/**
 * HQ has these points entries now: fold them into HQ's balance of their lots and mark
 * them acknowledged, so "available = HQ balance − unacknowledged debits" stays right
 * until the next snapshot replaces the balance.
 */
function acknowledgePoints(ctx: CoreContext, type: string, payload: unknown): void {
  const target = pointsRefOf(type, payload);
  if (!target) return;
  ctx.store
    .stmt(
      `UPDATE points_lot SET hq_remaining = MAX(0, hq_remaining + (
         SELECT COALESCE(SUM(e.delta), 0) FROM points_entry e
         WHERE e.lot_id = points_lot.id AND e.ref = @ref AND e.reason = @reason AND e.acked = 0))
       WHERE id IN (SELECT lot_id FROM points_entry WHERE ref = @ref AND reason = @reason AND acked = 0)`,
    )
    .run(target);
  ctx.store.stmt('UPDATE points_entry SET acked = 1 WHERE ref = @ref AND reason = @reason AND acked = 0').run(target);
}

/** Records HQ's answer for each event of a batch in one transaction. */
export function recordAnswers(ctx: CoreContext, rows: readonly OutboxRow[], results: readonly PushResult[]): void {
  const byId = new Map(results.map((r) => [r.eventId, r]));
  const now = ctx.clock.now().toISOString();
  ctx.store.tx(() => {
    const update = ctx.store.stmt(
      `UPDATE outbox SET status = ?, answered_at = ?, reject_code = ?, reject_reason = ? WHERE event_id = ? AND status = 'pending'`,
    );
    for (const row of rows) {
      const r = byId.get(row.event_id);
      if (!r) continue; // unanswered: stays pending and goes again
      const changed = update.run(r.status, now, r.status === 'rejected' ? r.code : null, r.status === 'rejected' ? r.reason : null, row.event_id);
      if (changed.changes === 1 && r.status !== 'rejected') {
        acknowledgePoints(ctx, row.type, JSON.parse(row.payload) as unknown);
      }
    }
  });
}

function envelope(reg: Registration, row: OutboxRow): PushedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    hallCode: reg.hallCode,
    counterCode: reg.counterCode,
    seq: row.seq,
    createdAt: row.created_at,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    ...(row.stock_moves !== null ? { stockMoves: JSON.parse(row.stock_moves) as unknown[] } : {}),
  };
}

/** Pushes every pending event, oldest first, in batches; stops at the first failed request. */
export async function pushOutbox(
  ctx: CoreContext,
  reg: Registration,
  client: HqClient,
  onProgress: (sent: number, total: number) => void,
  batch = PUSH_BATCH,
): Promise<{ sent: number; accepted: number; duplicate: number; rejected: number }> {
  const total = (ctx.store.stmt("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
  const tally = { sent: 0, accepted: 0, duplicate: 0, rejected: 0 };
  let after = 0;
  for (;;) {
    const rows = ctx.store
      .stmt(`SELECT seq, event_id, type, payload, created_at, stock_moves FROM outbox WHERE status = 'pending' AND seq > ? ORDER BY seq LIMIT ?`)
      .all(after, batch) as OutboxRow[];
    if (rows.length === 0) return tally;
    const answer = await client.push(rows.map((r) => envelope(reg, r)));
    const answered = new Set(answer.results.map((r) => r.eventId));
    if (rows.some((r) => !answered.has(r.event_id))) throw new HqRequestError('protocol', 'BAD_ANSWER', '总部的应答缺少部分事件');
    recordAnswers(ctx, rows, answer.results);
    for (const r of answer.results) tally[r.status]++;
    tally.sent += rows.length;
    after = rows[rows.length - 1]?.seq ?? after;
    onProgress(tally.sent, total);
  }
}

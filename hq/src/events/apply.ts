import type pg from 'pg';
import { StockMoves, eventPayloads, type EventPayload, type EventType, type StockMoveLine } from '../../../shared/sync/events';
import type { PushedEvent, PushResult } from '../../../shared/sync/protocol';
import type { EventContext } from './context';
import { applyBonusLot, applyRedemption, applyVoid } from './points';
import { recordConflictResolution, recordEnrolment, recordPrizeClaim, recordTrial, recordWalkIn } from './records';
import { applyMovements, applyStockMoved, movementsOf } from './stock';

type Effect<T extends EventType> = (client: pg.PoolClient, e: EventContext, payload: EventPayload<T>) => Promise<void>;

const noEffect = (): Promise<void> => Promise.resolve();

/**
 * What each event does at HQ besides being recorded and having its stock booked. Stock is
 * not here: every event's envelope carries the ledger rows its action wrote (`stockMoves`),
 * booked the same way whatever the type (applyBatch), so no type derives movements of its own.
 */
const effects: { [T in EventType]: Effect<T> } = {
  'customer.registered': recordWalkIn,
  'stock.moved': applyStockMoved,
  'redemption.created': applyRedemption,
  'redemption.voided': applyVoid,
  'enrolment.created': async (client, e, p) => {
    await recordEnrolment(client, e, p);
    await applyBonusLot(client, e, p);
  },
  'trial.changed': recordTrial,
  'prize.claimed': recordPrizeClaim,
  'stocktake.approved': noEffect,
  'conflict.resolved': recordConflictResolution,
};

function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventPayloads, type);
}

type Verdict = { ok: true; type: EventType; payload: unknown; stockMoves: StockMoveLine[] } | { ok: false; code: string; reason: string };

function invalid(where: string, issue: { path: PropertyKey[]; message: string } | undefined): Verdict {
  const path = [where, ...(issue?.path ?? []).map(String)].join('.');
  return { ok: false, code: 'INVALID_PAYLOAD', reason: `${path}: ${issue?.message ?? 'invalid'}`.slice(0, 300) };
}

function judge(event: PushedEvent): Verdict {
  if (!isEventType(event.type)) return { ok: false, code: 'UNKNOWN_EVENT_TYPE', reason: `HQ does not know event type ${event.type}` };
  const parsed = eventPayloads[event.type].safeParse(event.payload);
  if (!parsed.success) return invalid('payload', parsed.error.issues[0]);
  // Absent: the action moved no stock (or an older counter sent it).
  const moves = StockMoves.safeParse(event.stockMoves ?? []);
  if (!moves.success) return invalid('stockMoves', moves.error.issues[0]);
  return { ok: true, type: event.type, payload: parsed.data, stockMoves: moves.data };
}

async function runEffect(client: pg.PoolClient, type: EventType, ctx: EventContext, payload: unknown): Promise<void> {
  // The payload was parsed with this type's own schema just above.
  await (effects[type] as Effect<EventType>)(client, ctx, payload as EventPayload<EventType>);
}

/**
 * Applies a batch inside the caller's transaction. The event row's primary key decides
 * "first time or not": a concurrent HQ process inserting the same id waits for this
 * transaction and then finds the row, so an event's effects happen exactly once.
 * A rejected event is kept too, with its reason, and answers the same on a retry.
 */
export async function applyBatch(
  client: pg.PoolClient,
  device: { id: string; hallCode: string; counterCode: string },
  events: readonly PushedEvent[],
  receivedAt: Date,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const event of events) {
    const verdict = judge(event);
    const inserted = await client.query(
      `INSERT INTO event (event_id, device_id, hall_code, counter_code, seq, type, payload, created_at, received_at, outcome, reject_code, reject_reason, stock_moves)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        event.eventId,
        device.id,
        device.hallCode,
        device.counterCode,
        event.seq,
        event.type,
        JSON.stringify(event.payload),
        event.createdAt,
        receivedAt,
        verdict.ok ? 'accepted' : 'rejected',
        verdict.ok ? null : verdict.code,
        verdict.ok ? null : verdict.reason,
        event.stockMoves === undefined ? null : JSON.stringify(event.stockMoves),
      ],
    );
    if (inserted.rowCount === 1) {
      if (verdict.ok) {
        const context: EventContext = {
          eventId: event.eventId,
          deviceId: device.id,
          hallCode: device.hallCode,
          counterCode: device.counterCode,
          createdAt: event.createdAt,
          receivedAt,
        };
        await runEffect(client, verdict.type, context, verdict.payload);
        await applyMovements(client, context, movementsOf(verdict.stockMoves));
        results.push({ eventId: event.eventId, status: 'accepted' });
      } else {
        results.push({ eventId: event.eventId, status: 'rejected', code: verdict.code, reason: verdict.reason });
      }
      continue;
    }
    const earlier = (
      await client.query<{ hall_code: string; counter_code: string; outcome: string; reject_code: string | null; reject_reason: string | null }>(
        'SELECT hall_code, counter_code, outcome, reject_code, reject_reason FROM event WHERE event_id = $1',
        [event.eventId],
      )
    ).rows[0];
    if (!earlier || earlier.hall_code !== device.hallCode || earlier.counter_code !== device.counterCode) {
      results.push({ eventId: event.eventId, status: 'rejected', code: 'EVENT_ID_TAKEN', reason: 'another counter already sent an event with this id' });
    } else if (earlier.outcome === 'rejected') {
      results.push({ eventId: event.eventId, status: 'rejected', code: earlier.reject_code ?? 'REJECTED', reason: earlier.reject_reason ?? '' });
    } else {
      results.push({ eventId: event.eventId, status: 'duplicate' });
    }
  }
  return results;
}

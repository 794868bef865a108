import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Store } from '../store/store';
import { eventPayloads } from '../../../shared/sync/events';

export interface OutboxEventInput {
  /** A dotted event type HQ understands, e.g. `enrolment.created`. */
  type: string;
  payload: Record<string, unknown>;
}

function isEventType(type: string): type is keyof typeof eventPayloads {
  return Object.hasOwn(eventPayloads, type);
}

/**
 * Appends one event for HQ; call it inside the action's transaction. An event HQ would
 * reject (unknown type, payload off its schema) is a bug here, not a fact for HQ to
 * refuse days later: it throws, and the whole action rolls back with it.
 */
export function appendOutbox(store: Store, clock: Clock, event: OutboxEventInput): string {
  if (!isEventType(event.type)) throw new Error(`programming error: outbox event type ${event.type} is not in shared/sync/events.ts`);
  const checked = eventPayloads[event.type].safeParse(event.payload);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`programming error: ${event.type} payload does not match its schema at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  const eventId = randomUUID();
  store
    .stmt('INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, ?, ?, ?)')
    .run(eventId, event.type, JSON.stringify(event.payload), clock.now().toISOString());
  return eventId;
}

export function unsyncedCount(store: Store): number {
  return (store.stmt("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
}

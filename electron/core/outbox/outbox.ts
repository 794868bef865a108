import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Store } from '../store/store';

export interface OutboxEventInput {
  /** A dotted event type HQ understands, e.g. `enrolment.created`. */
  type: string;
  payload: Record<string, unknown>;
}

/** Appends one event for HQ; call it inside the action's transaction. */
export function appendOutbox(store: Store, clock: Clock, event: OutboxEventInput): string {
  const eventId = randomUUID();
  store
    .stmt('INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, ?, ?, ?)')
    .run(eventId, event.type, JSON.stringify(event.payload), clock.now().toISOString());
  return eventId;
}

export function unsyncedCount(store: Store): number {
  return (store.stmt("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
}

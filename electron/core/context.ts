import type { Clock } from './clock';
import type { Logger } from './log';
import type { Store } from './store/store';
import { appendAudit, type Actor, type AuditInput } from './audit/log';
import { appendOutbox, type OutboxEventInput } from './outbox/outbox';

/** What every core service is built from. Nothing here knows about Electron or HTTP. */
export interface CoreContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly appVersion: string;
}

export interface ActionRecord<T> {
  result: T;
  audit: AuditInput;
  /** What HQ must hear about. Business actions always have one; local ones (login) do not. */
  event?: OutboxEventInput;
}

/**
 * One business action = one transaction: the rows `work` writes, its audit entry and
 * its outbox event commit together or not at all. A throw inside `work` leaves no trace.
 */
export function commitAction<T>(ctx: CoreContext, actor: Actor, work: () => ActionRecord<T>): T {
  return ctx.store.tx(() => {
    const record = work();
    appendAudit(ctx.store, ctx.clock, actor, record.audit);
    if (record.event) appendOutbox(ctx.store, ctx.clock, record.event);
    return record.result;
  });
}

import type { Clock } from './clock';
import type { Logger } from './log';
import type { Store } from './store/store';
import { appendAudit, type Actor, type AuditInput } from './audit/log';
import { appendOutbox, type OutboxEventInput } from './outbox/outbox';
import { recordStockMoves } from './stock/ledger';
import { attachStockMoves, stockMoveLines } from './sync/stock-moves';

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
 * Every stock movement `work` writes travels on the event (`stockMoves`): that is how HQ
 * books a hall's stock, so an action that moves stock without an event is a bug.
 *
 * BEGIN IMMEDIATE: the sync worker writes pulled pages on its own connection, and a
 * transaction that read first would be refused (SQLITE_BUSY_SNAPSHOT) if a page committed
 * before its first write; taking the write lock up front waits for the page instead.
 */
export function commitAction<T>(ctx: CoreContext, actor: Actor, work: () => ActionRecord<T>): T {
  return ctx.store.db
    .transaction(() => {
      const { result: record, rows } = recordStockMoves(ctx, work);
      appendAudit(ctx.store, ctx.clock, actor, record.audit);
      const moves = stockMoveLines(ctx, rows);
      if (!record.event) {
        if (moves.length > 0) {
          throw new Error(`programming error: ${record.audit.action} moved stock (${moves.length} ledger rows) but has no outbox event for HQ`);
        }
        return record.result;
      }
      const eventId = appendOutbox(ctx.store, ctx.clock, record.event);
      if (moves.length > 0) attachStockMoves(ctx, eventId, moves);
      return record.result;
    })
    .immediate();
}

import type { EventPayload } from '../../../shared/sync/events';
import type { OutboxEventInput } from '../outbox/outbox';
import type { CoreContext } from '../context';
import type { AppliedMove } from './ledger';

type StockBucket = keyof EventPayload<'stock.moved'>['deltas'];

/** The movement's change per bucket, only the buckets it touched (shared/sync/events.ts). */
export function bucketDeltas(move: AppliedMove): Partial<Record<StockBucket, number>> {
  const deltas: Partial<Record<StockBucket, number>> = {};
  if (move.deltas.onHand !== 0) deltas.on_hand = move.deltas.onHand;
  if (move.deltas.display !== 0) deltas.display = move.deltas.display;
  if (move.deltas.lent !== 0) deltas.lent = move.deltas.lent;
  return deltas;
}

function customerPhone(ctx: CoreContext, customerId: number | null): string | null {
  if (customerId === null) return null;
  const row = ctx.store.stmt('SELECT phone FROM customer WHERE id = ?').get(customerId) as { phone: string } | undefined;
  return row?.phone ?? null;
}

/**
 * What HQ books for a movement of its own (receive, damage, return, transfer, display):
 * the `stock.moved` payload of the sync contract. HQ keys customers by phone, and a
 * receipt's counterparty is HQ's delivery number, which HQ marks received. Hall code,
 * time and group id ride along for readers of the outbox; HQ takes them from the envelope.
 */
export function stockMovedEvent(
  ctx: CoreContext,
  move: AppliedMove,
  extras: { counterparty: string | null; approvedBy: string | null },
): OutboxEventInput {
  const payload: EventPayload<'stock.moved'> = {
    sku: move.sku,
    reason: move.reason,
    deltas: bucketDeltas(move),
    serials: [...move.serials],
    ref: move.ref,
    customerPhone: customerPhone(ctx, move.customerId),
    counterparty: extras.counterparty,
    note: move.note,
    staffNo: move.staffNo,
    approvedBy: extras.approvedBy,
  };
  return { type: 'stock.moved', payload: { ...payload, hallCode: move.hallCode, groupId: move.groupId, at: move.at } };
}

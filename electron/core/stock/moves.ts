import { DomainError } from '../../../shared/contract/errors';
import type { stockMoveMethods } from '../../../shared/stock/moves-contract';
import type { StockMoveResult } from '../../../shared/stock/schemas';
import { commitAction, type CoreContext } from '../context';
import type { PieceHandlers, StaffCall } from '../handlers';
import { readDevice } from '../system/device';
import { stockMovedEvent } from './events';
import { applyStockMove, getStockItem, stockBalance, type StockMove } from './ledger';

type MoveRequest = Omit<StockMove, 'staffNo'>;

/**
 * One stock write = one transaction: the movement, its audit entry (naming the approving
 * manager when there is one) and one `stock.moved` event for HQ. `check` runs inside the
 * transaction, so what it reads cannot change before the movement is written. The
 * counterparty is the other side HQ needs: its delivery number, or the other hall.
 */
function bookMove(
  ctx: CoreContext,
  call: StaffCall,
  action: string,
  request: MoveRequest,
  options: { details?: Record<string, unknown>; check?: () => MoveRequest; counterparty?: string } = {},
): StockMoveResult {
  const approvedBy = call.approvedBy?.staffNo ?? null;
  return commitAction(ctx, call.actor, () => {
    const move: StockMove = { ...(options.check ? options.check() : request), staffNo: call.session.staff.staffNo };
    const applied = applyStockMove(ctx, move);
    const item = getStockItem(ctx, move.sku);
    const balance = stockBalance(ctx, move.sku);
    return {
      result: {
        movement: {
          groupId: applied.groupId,
          sku: applied.sku,
          reason: applied.reason,
          deltas: applied.deltas,
          serials: applied.serials,
          at: applied.at,
        },
        balance,
        low: balance.onHand <= item.low_threshold,
      },
      audit: {
        action,
        subject: `stock:${move.sku}`,
        details: {
          reason: applied.reason,
          deltas: applied.deltas,
          ...(applied.serials.length > 0 ? { serials: applied.serials } : {}),
          ...(applied.ref ? { ref: applied.ref } : {}),
          ...(applied.note !== null ? { note: applied.note } : {}),
          ...options.details,
          ...(approvedBy !== null ? { approvedBy } : {}),
        },
      },
      event: stockMovedEvent(ctx, applied, { counterparty: options.counterparty ?? null, approvedBy }),
    };
  });
}

function refuseOwnHall(ctx: CoreContext, otherHall: string): void {
  if (readDevice(ctx)?.hallCode === otherHall) {
    throw new DomainError('VALIDATION', `调拨的对方营业厅不能是本厅（${otherHall}）`, { hallCode: otherHall });
  }
}

interface SlipRow {
  ref_type: string;
  ref_id: string;
  customer_id: number | null;
}

/**
 * A return against a slip: the slip's business (enrolment, redemption, prize) must have
 * issued this item, and no more can come back than went out less what already came back.
 */
function returnAgainstSlip(ctx: CoreContext, slipNo: string, request: MoveRequest): MoveRequest {
  const slip = ctx.store.stmt('SELECT ref_type, ref_id, customer_id FROM slip WHERE slip_no = ?').get(slipNo) as
    | SlipRow
    | undefined;
  if (!slip) throw new DomainError('NOT_FOUND', `没有这张小票：${slipNo}`, { slipNo });
  const item = getStockItem(ctx, request.sku);
  const { issued, back } = ctx.store
    .stmt(
      `SELECT COALESCE(-SUM(qty) FILTER (WHERE reason IN ('issued_enrolment', 'issued_redemption', 'issued_prize')), 0) AS issued,
              COALESCE(SUM(qty) FILTER (WHERE reason IN ('returned', 'void_return')), 0) AS back
       FROM stock_movement WHERE ref_type = ? AND ref_id = ? AND sku = ? AND bucket = 'on_hand'`,
    )
    .get(slip.ref_type, slip.ref_id, request.sku) as { issued: number; back: number };
  if (issued === 0) {
    throw new DomainError('CONFLICT', `小票 ${slipNo} 没有发放过${item.name}`, { slipNo, sku: request.sku });
  }
  if (request.qty > issued - back) {
    throw new DomainError(
      'CONFLICT',
      `小票 ${slipNo} 发放${item.name} ${issued} 件，已退回 ${back} 件，最多还能退 ${issued - back} 件`,
      { slipNo, sku: request.sku, issued, returned: back },
    );
  }
  return {
    ...request,
    ref: { type: slip.ref_type, id: slip.ref_id },
    ...(slip.customer_id !== null ? { customerId: slip.customer_id } : {}),
  };
}

export function stockMoveHandlers(ctx: CoreContext): PieceHandlers<typeof stockMoveMethods> {
  return {
    'stock.receive': ({ sku, qty, serials, deliveryRef, note }, call) => {
      const request: MoveRequest = { sku, qty, serials, note, reason: 'received', ref: { type: 'delivery', id: deliveryRef } };
      return bookMove(ctx, call, 'stock.receive', request, {
        counterparty: deliveryRef,
        check: () => {
          const booked = ctx.store
            .stmt(`SELECT 1 FROM stock_movement WHERE ref_type = 'delivery' AND ref_id = ? AND sku = ? LIMIT 1`)
            .get(deliveryRef, sku);
          // A delivery note scanned twice must not double the stock.
          if (booked) {
            throw new DomainError('CONFLICT', `送货单 ${deliveryRef} 的 ${sku} 已经入库，不能重复入库`, { deliveryRef, sku });
          }
          return request;
        },
      });
    },
    'stock.damage': ({ sku, qty, serials, from, note }, call) =>
      bookMove(ctx, call, 'stock.damage', { sku, qty, serials, from, note, reason: 'damaged' }, { details: { from } }),
    'stock.return': ({ sku, qty, serials, slipNo, note }, call) => {
      const request: MoveRequest = { sku, qty, serials, note, reason: 'returned' };
      return bookMove(ctx, call, 'stock.return', request, {
        details: slipNo !== undefined ? { slipNo } : {},
        check: () => (slipNo !== undefined ? returnAgainstSlip(ctx, slipNo, request) : request),
      });
    },
    'stock.transferOut': ({ sku, qty, serials, toHall, note }, call) => {
      refuseOwnHall(ctx, toHall);
      const request: MoveRequest = { sku, qty, serials, note, reason: 'transfer_out', ref: { type: 'hall', id: toHall } };
      return bookMove(ctx, call, 'stock.transfer_out', request, { details: { toHall }, counterparty: toHall });
    },
    'stock.transferIn': ({ sku, qty, serials, fromHall, note }, call) => {
      refuseOwnHall(ctx, fromHall);
      const request: MoveRequest = { sku, qty, serials, note, reason: 'transfer_in', ref: { type: 'hall', id: fromHall } };
      return bookMove(ctx, call, 'stock.transfer_in', request, { details: { fromHall }, counterparty: fromHall });
    },
    'stock.toDisplay': ({ sku, qty, serials, note }, call) =>
      bookMove(ctx, call, 'stock.to_display', { sku, qty, serials, note, reason: 'to_display' }),
    'stock.fromDisplay': ({ sku, qty, serials, note }, call) =>
      bookMove(ctx, call, 'stock.from_display', { sku, qty, serials, note, reason: 'from_display' }),
  };
}

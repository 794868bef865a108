import { DomainError } from '../../../shared/contract/errors';
import type { PrizeWinView } from '../../../shared/enrolment/views';
import type { CoreContext } from '../context';
import { addFollowUp } from '../followups/tasks';
import { stockBalance } from '../stock/ledger';

export interface PrizeWinRow {
  win_id: string;
  customer_id: number;
  prize_sku: string;
  prize_name: string;
  won_on: string;
  claim_by: string;
  status: 'unclaimed' | 'claimed' | 'expired';
  claimed_at: string | null;
  slip_no: string | null;
}

export interface PrizeWin {
  winId: string;
  customerId: number;
  prizeSku: string;
  prizeName: string;
  wonOn: string;
  /** Last day to collect, inclusive: HQ's draw day plus the campaign's claim working days. */
  claimBy: string;
}

/**
 * Records a win from HQ's draw (the demo seed and the HQ pull use it). A win already held
 * keeps its state: a replayed pull never re-opens a prize that was handed over. A new,
 * unclaimed win puts a claim-deadline task on the call list.
 */
export function storePrizeWin(ctx: CoreContext, win: PrizeWin): boolean {
  const inserted = ctx.store
    .stmt(
      `INSERT INTO prize_win (win_id, customer_id, prize_sku, prize_name, won_on, claim_by, status)
       VALUES (?, ?, ?, ?, ?, ?, 'unclaimed') ON CONFLICT (win_id) DO NOTHING`,
    )
    .run(win.winId, win.customerId, win.prizeSku, win.prizeName, win.wonOn, win.claimBy).changes;
  if (inserted > 0) {
    addFollowUp(ctx, { kind: 'prize_claim_deadline', customerId: win.customerId, ref: { type: 'prize_win', id: win.winId }, dueOn: win.claimBy });
  }
  return inserted > 0;
}

export function requireWin(ctx: CoreContext, winId: string): PrizeWinRow {
  const row = ctx.store.stmt('SELECT * FROM prize_win WHERE win_id = ?').get(winId) as PrizeWinRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这条中奖记录：${winId}`, { winId });
  return row;
}

export function winsOf(ctx: CoreContext, customerId: number): PrizeWinRow[] {
  return ctx.store.stmt('SELECT * FROM prize_win WHERE customer_id = ? ORDER BY won_on DESC, win_id').all(customerId) as PrizeWinRow[];
}

/** An unclaimed win past its last claim day reads as expired; nothing is written for that. */
export function effectiveStatus(row: PrizeWinRow, today: string): PrizeWinRow['status'] {
  return row.status === 'unclaimed' && today > row.claim_by ? 'expired' : row.status;
}

export function prizeWinView(ctx: CoreContext, row: PrizeWinRow, today: string): PrizeWinView {
  const status = effectiveStatus(row, today);
  return {
    winId: row.win_id,
    customerId: row.customer_id,
    prizeSku: row.prize_sku,
    prizeName: row.prize_name,
    wonOn: row.won_on,
    claimBy: row.claim_by,
    status,
    claimable: status === 'unclaimed',
    onHand: stockBalance(ctx, row.prize_sku).onHand,
    claimedAt: row.claimed_at,
    slipNo: row.slip_no,
  };
}

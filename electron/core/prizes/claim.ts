import { DomainError } from '../../../shared/contract/errors';
import { notEligible } from '../../../shared/contract/refusals';
import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import type { PrizeRefusalCode } from '../../../shared/enrolment/prize-contract';
import type { PrizeWinView } from '../../../shared/enrolment/views';
import type { SlipData } from '../../../shared/slips/slip';
import { parseEventPayload } from '../../../shared/sync/events';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { commitAction, type CoreContext } from '../context';
import { hashIdNumber, idSalt } from '../customers/identity';
import { getCustomer, touchServed } from '../customers/repository';
import type { CounterStaff } from '../enrolment/staff';
import { closeFollowUps } from '../followups/tasks';
import { nextSlipNo, recordSlip, slipHeader } from '../slips/slips';
import { getStockItem, moveStock } from '../stock/ledger';
import { effectiveStatus, prizeWinView, requireWin } from './wins';

/**
 * Wrong ID numbers typed for a win since this counter started. The first miss is a typing
 * slip and leaves no trace; from the second on each miss is audited (never the number
 * typed), so someone trying numbers at the prize desk shows up in the log.
 */
export class IdentityMisses {
  private readonly misses = new Map<string, number>();
  record(winId: string): number {
    const n = (this.misses.get(winId) ?? 0) + 1;
    this.misses.set(winId, n);
    return n;
  }
  clear(winId: string): void {
    this.misses.delete(winId);
  }
}

export interface ClaimResult {
  win: PrizeWinView;
  slipNo: string;
  slip: SlipData;
}

/**
 * A winner collects a physical prize: the win must be unclaimed and within its claim
 * window, the ID number must match the salted hash on file, and the prize leaves hall
 * stock. Every refusal is decided before the first write.
 */
export function claimPrize(ctx: CoreContext, staff: CounterStaff, misses: IdentityMisses, input: { winId: string; idNumber: string }): ClaimResult {
  const today = shanghaiDate(ctx.clock.now());
  const win = requireWin(ctx, input.winId);
  const status = effectiveStatus(win, today);
  if (status === 'claimed') {
    throw new DomainError('CONFLICT', `该奖品已于${(win.claimed_at ?? '').slice(0, 10)}领取（小票 ${win.slip_no ?? ''}）`, { winId: win.win_id, slipNo: win.slip_no });
  }
  if (status === 'expired') {
    const text = `已过领奖期限：须在${win.claim_by}前领取（${win.won_on}开奖），逾期视为放弃`;
    const code: PrizeRefusalCode = 'CLAIM_WINDOW_PASSED';
    throw notEligible(text, [{ code, text, values: { wonOn: win.won_on, claimBy: win.claim_by } }], { winId: win.win_id });
  }
  const customer = getCustomer(ctx, win.customer_id);
  if (hashIdNumber(idSalt(ctx), input.idNumber) !== customer.snapshot.idHash) {
    const attempts = misses.record(win.win_id);
    if (attempts >= 2) {
      commitAction(ctx, staff.actor, () => ({
        result: null,
        audit: {
          action: 'prize.identity_mismatch',
          subject: `prize:${win.win_id}`,
          details: { customerId: customer.id, phone: maskPhone(customer.snapshot.phone), attempts },
        },
      }));
    }
    const text = `身份证号码与中奖客户${maskName(customer.snapshot.name)}登记的证件不符，请核对本人身份证件（已核对${attempts}次）`;
    const code: PrizeRefusalCode = 'IDENTITY_MISMATCH';
    throw notEligible(text, [{ code, text, values: { attempts } }], { winId: win.win_id });
  }

  const result = commitAction(ctx, staff.actor, () => {
    const slipNo = nextSlipNo(ctx);
    const item = getStockItem(ctx, win.prize_sku);
    moveStock(ctx, {
      sku: win.prize_sku,
      reason: 'issued_prize',
      qty: 1,
      ref: { type: 'prize', id: win.win_id },
      customerId: customer.id,
      staffNo: staff.staffNo,
    });
    const slip: SlipData = {
      ...slipHeader(ctx, staff),
      slipNo,
      kind: 'prize',
      title: '中奖领奖单',
      titleEn: 'Prize collection',
      customer: { phoneMasked: maskPhone(customer.snapshot.phone), nameMasked: maskName(customer.snapshot.name) },
      given: [{ label: win.prize_name, ...(item.name_en ? { labelEn: item.name_en } : {}), quantity: 1, valueFen: item.unit_value_fen }],
      taken: [],
      points: null,
      terms: [
        `中奖编号 ${win.win_id}`,
        `开奖日期 ${win.won_on}，领奖截止 ${win.claim_by}`,
        '已核验中奖客户本人身份证件。',
        '奖品请当面点清，非质量问题恕不退换；质量问题凭本小票联系厂家售后。',
      ],
      vouchers: [],
      pendingHq: false,
    };
    recordSlip(ctx, { data: slip, kind: 'prize', ref: { type: 'prize', id: win.win_id }, customerId: customer.id, staffNo: staff.staffNo });
    const claimedAt = ctx.clock.now().toISOString();
    ctx.store.stmt(`UPDATE prize_win SET status = 'claimed', claimed_at = ?, slip_no = ? WHERE win_id = ?`).run(claimedAt, slipNo, win.win_id);
    closeFollowUps(ctx, { type: 'prize_win', id: win.win_id }, ['prize_claim_deadline'], { status: 'done', outcome: `已领奖，小票 ${slipNo}`, staffNo: staff.staffNo });
    touchServed(ctx, customer.id);
    const payload = parseEventPayload('prize.claimed', {
      winId: win.win_id,
      slipNo,
      // HQ closes the win on the winner's line: the one place the full number travels.
      customerPhone: customer.snapshot.phone,
      prizeSku: win.prize_sku,
      staffNo: staff.staffNo,
    });
    return {
      result: { win: prizeWinView(ctx, requireWin(ctx, win.win_id), today), slipNo, slip },
      audit: {
        action: 'prize.claim',
        subject: `prize:${win.win_id}`,
        details: { customerId: customer.id, phone: maskPhone(customer.snapshot.phone), prizeSku: win.prize_sku, slipNo, claimBy: win.claim_by, identityChecked: true },
      },
      event: { type: 'prize.claimed', payload },
    };
  });
  misses.clear(win.win_id);
  return result;
}

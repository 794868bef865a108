import { DomainError } from '../../../shared/contract/errors';
import type { CoreContext } from '../context';

export interface IssuedVoucher {
  code: string;
  qrPayload: string;
  validUntil: string;
}

/**
 * Codes left for an item in this counter's blocks. A code past its own validity cannot be
 * handed out: the merchant terminal would refuse it.
 */
export function voucherCodesLeft(ctx: CoreContext, catalogueCode: string, today: string): number {
  const row = ctx.store
    .stmt(`SELECT COUNT(*) AS n FROM voucher_code WHERE catalogue_code = ? AND status = 'available' AND valid_until >= ?`)
    .get(catalogueCode, today) as { n: number };
  return row.n;
}

/**
 * The next `quantity` codes, oldest block first (HQ numbers blocks in the order it reserves
 * them), without touching them yet: the redemption line they belong to is written later
 * in the same transaction.
 */
export function pickVoucherCodes(ctx: CoreContext, catalogueCode: string, name: string, quantity: number, today: string): IssuedVoucher[] {
  const codes = ctx.store
    .stmt(
      `SELECT code, qr_payload AS qrPayload, valid_until AS validUntil FROM voucher_code
       WHERE catalogue_code = ? AND status = 'available' AND valid_until >= ?
       ORDER BY block_id, code LIMIT ?`,
    )
    .all(catalogueCode, today, quantity) as IssuedVoucher[];
  if (codes.length < quantity) {
    throw new DomainError('INSUFFICIENT_STOCK', `${name}本柜台剩余券码 ${codes.length} 张，需要 ${quantity} 张；请联系总部补充券码`, {
      catalogueCode,
      have: codes.length,
      need: quantity,
    });
  }
  return codes;
}

/** Marks picked codes issued to a redemption line; a code someone else took meanwhile aborts the transaction. */
export function issueVoucherCodes(ctx: CoreContext, codes: readonly IssuedVoucher[], lineId: number): void {
  const issue = ctx.store.stmt(
    `UPDATE voucher_code SET status = 'issued', redemption_line_id = ?, updated_at = ? WHERE code = ? AND status = 'available'`,
  );
  const at = ctx.clock.now().toISOString();
  for (const { code } of codes) {
    if (issue.run(lineId, at, code).changes !== 1) throw new DomainError('CONFLICT', `券码 ${code} 已被占用，请重试`, { code });
  }
}

/** Revokes a line's codes so a merchant terminal refuses them once HQ hears of it. */
export function revokeVoucherCodes(ctx: CoreContext, lineId: number): string[] {
  const codes = ctx.store
    .stmt(`SELECT code FROM voucher_code WHERE redemption_line_id = ? AND status = 'issued' ORDER BY code`)
    .all(lineId) as { code: string }[];
  ctx.store
    .stmt(`UPDATE voucher_code SET status = 'revoked', updated_at = ? WHERE redemption_line_id = ? AND status = 'issued'`)
    .run(ctx.clock.now().toISOString(), lineId);
  return codes.map((c) => c.code);
}

export function vouchersOfLine(ctx: CoreContext, lineId: number): (IssuedVoucher & { status: 'issued' | 'revoked' })[] {
  return ctx.store
    .stmt(
      `SELECT code, qr_payload AS qrPayload, valid_until AS validUntil, status FROM voucher_code
       WHERE redemption_line_id = ? ORDER BY block_id, code`,
    )
    .all(lineId) as (IssuedVoucher & { status: 'issued' | 'revoked' })[];
}

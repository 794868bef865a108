import { z } from 'zod';

export const StockBucket = z.enum(['on_hand', 'display', 'lent']);
export type StockBucket = z.infer<typeof StockBucket>;

export const StockReason = z.enum([
  'received',
  'issued_enrolment',
  'issued_redemption',
  'issued_prize',
  'returned',
  'damaged',
  'transfer_out',
  'transfer_in',
  'stocktake_adjust',
  'lent',
  'recovered',
  'to_display',
  'from_display',
  'void_return',
]);
export type StockReason = z.infer<typeof StockReason>;

/**
 * What each reason does to the buckets, per unit. A move between buckets (lend, recover,
 * to/from display) touches two. Stocktake adjustments are signed and name their bucket.
 */
export const REASON_EFFECT: Record<Exclude<StockReason, 'stocktake_adjust' | 'damaged'>, Partial<Record<StockBucket, 1 | -1>>> = {
  received: { on_hand: 1 },
  issued_enrolment: { on_hand: -1 },
  issued_redemption: { on_hand: -1 },
  issued_prize: { on_hand: -1 },
  returned: { on_hand: 1 },
  void_return: { on_hand: 1 },
  transfer_out: { on_hand: -1 },
  transfer_in: { on_hand: 1 },
  lent: { on_hand: -1, lent: 1 },
  recovered: { lent: -1, on_hand: 1 },
  to_display: { on_hand: -1, display: 1 },
  from_display: { display: -1, on_hand: 1 },
};

/** Where a serial-numbered unit is after a movement with this reason. */
export const SERIAL_STATE_AFTER: Record<StockReason, 'on_hand' | 'display' | 'lent' | 'issued' | 'damaged' | 'transferred'> = {
  received: 'on_hand',
  issued_enrolment: 'issued',
  issued_redemption: 'issued',
  issued_prize: 'issued',
  returned: 'on_hand',
  void_return: 'on_hand',
  damaged: 'damaged',
  transfer_out: 'transferred',
  transfer_in: 'on_hand',
  stocktake_adjust: 'on_hand',
  lent: 'lent',
  recovered: 'on_hand',
  to_display: 'display',
  from_display: 'on_hand',
};

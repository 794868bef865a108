import { z } from 'zod';
import { method } from '../contract/define';
import { CustomerId, IdNumber } from '../customers/contract';
import { SlipData } from '../slips/slip';
import { PrizeWinView, WinId } from './views';

/**
 * Why a prize cannot be handed over: the prize desk's NOT_ELIGIBLE reason codes
 * (shared/contract/refusals.ts). IDENTITY_MISMATCH has values {attempts};
 * CLAIM_WINDOW_PASSED has {wonOn, claimBy}.
 */
export const PrizeRefusalCode = z.enum(['IDENTITY_MISMATCH', 'CLAIM_WINDOW_PASSED']);
export type PrizeRefusalCode = z.infer<typeof PrizeRefusalCode>;

export const prizeMethods = {
  'prize.listWins': method({
    summary: "A customer's lottery wins (from HQ's draw) with their claim windows, as of today, and the prize stock on hand.",
    role: 'clerk',
    input: z.object({ customerId: CustomerId }).strict(),
    output: z.object({ today: z.string(), wins: z.array(PrizeWinView) }),
    errors: ['NOT_FOUND'],
    example: { customerId: 1 },
  }),
  'prize.claim': method({
    summary:
      "Hand over a physical prize: the winner's ID number is checked against the salted hash on file (a wrong one is refused and nothing is written; repeated wrong tries are audited), the claim must be within its window, the prize is issued from stock, a prize slip is printed. The ID number is never stored.",
    role: 'clerk',
    input: z.object({ winId: WinId, idNumber: IdNumber }).strict(),
    output: z.object({ win: PrizeWinView, slipNo: z.string(), slip: SlipData }),
    errors: ['NOT_FOUND', 'NOT_ELIGIBLE', 'CONFLICT', 'INSUFFICIENT_STOCK'],
    example: { winId: 'ZY2026-LOTTERY-W0001', idNumber: '520302197609091727' },
  }),
};

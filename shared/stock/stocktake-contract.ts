import { z } from 'zod';
import { method } from '../contract/define';
import { Approval } from '../staff/contract';
import { CountedBucket, Note, Serial, Sku } from './schemas';

const StocktakeId = z.number().int().positive();

export const StocktakeView = z.object({
  stocktakeId: StocktakeId,
  status: z.enum(['open', 'approved', 'cancelled']),
  startedBy: z.string(),
  startedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type StocktakeView = z.infer<typeof StocktakeView>;

/**
 * Which refusal a stocktake CONFLICT is (`details.reason`, beside `stocktakeId`):
 * already_open — another stocktake is open (start); nothing_counted — no line was counted
 * (approve); closed — the stocktake was approved or cancelled meanwhile (`details.status`);
 * serials_elsewhere — scanned units the ledger has with a customer or in the other bucket
 * (approve; `details.blocked`).
 */
export const StocktakeConflictReason = z.enum(['already_open', 'nothing_counted', 'closed', 'serials_elsewhere']);
export type StocktakeConflictReason = z.infer<typeof StocktakeConflictReason>;

/** A stocktake in the history: who opened and closed it, when, and what its counts found. */
export const StocktakeHistoryEntry = StocktakeView.extend({
  /** Item lines (item and bucket) counted. */
  countedLines: z.number().int().nonnegative(),
  /** Counted lines whose count or serials differed from the ledger. */
  varianceLines: z.number().int().nonnegative(),
});
export type StocktakeHistoryEntry = z.infer<typeof StocktakeHistoryEntry>;

/** One item and bucket of a stocktake: what the ledger said when it was counted, and what was found. */
export const StocktakeLine = z.object({
  sku: z.string(),
  name: z.string(),
  serialTracked: z.boolean(),
  bucket: CountedBucket,
  /** The ledger balance when counted; the current balance for a line not counted yet. */
  expected: z.number().int(),
  counted: z.number().int().nonnegative().nullable(),
  variance: z.number().int().nullable(),
  countedBy: z.string().nullable(),
  countedAt: z.string().nullable(),
  /** Serial-numbered items: units the ledger had in this bucket that were not scanned. */
  missingSerials: z.array(z.string()),
  /** Serial-numbered items: units scanned that the ledger did not have in this bucket. */
  unexpectedSerials: z.array(z.string()),
});
export type StocktakeLine = z.infer<typeof StocktakeLine>;

export const StocktakeAdjustment = z.object({
  sku: z.string(),
  bucket: CountedBucket,
  delta: z.number().int(),
  serials: z.array(z.string()),
  groupId: z.string(),
});

const Uncounted = z.object({ sku: z.string(), name: z.string(), bucket: CountedBucket });

export const stocktakeMethods = {
  'stocktake.start': method({
    summary:
      'Open a stocktake (盘点). Only one may be open at a time (CONFLICT with details.reason already_open and the open one’s stocktakeId); stock keeps moving while it is open.',
    role: 'manager',
    input: z.object({ note: Note.optional() }).strict(),
    output: z.object({ stocktake: StocktakeView }),
    errors: ['CONFLICT'],
    example: { note: '11月月度盘点' },
  }),
  'stocktake.count': method({
    summary:
      'Record what was found for one item on the shelf or on display; counting again replaces the earlier count. Serial-numbered items are counted by scanning every unit.',
    role: 'clerk',
    input: z
      .object({
        stocktakeId: StocktakeId,
        sku: Sku,
        bucket: CountedBucket,
        counted: z.number().int().nonnegative().max(100_000).optional(),
        /** Every unit scanned; an empty list when none was found. */
        serials: z.array(Serial).max(2000).optional(),
      })
      .strict()
      .refine((v) => v.counted !== undefined || v.serials !== undefined, {
        message: '请填写盘点数量或扫描串号',
        path: ['counted'],
      }),
    output: z.object({ line: StocktakeLine }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { stocktakeId: 1, sku: 'TV-32', bucket: 'on_hand', counted: 11 },
  }),
  'stocktake.review': method({
    summary:
      'The stocktake sheet: every active item with the expected and counted quantity and the variance; for serial-numbered items the missing and unexpected serials.',
    role: 'clerk',
    input: z.object({ stocktakeId: StocktakeId.optional() }).strict(),
    output: z.object({
      stocktake: StocktakeView,
      lines: z.array(StocktakeLine),
      summary: z.object({
        lines: z.number().int().nonnegative(),
        counted: z.number().int().nonnegative(),
        notCounted: z.number().int().nonnegative(),
        withVariance: z.number().int().nonnegative(),
      }),
    }),
    errors: ['NOT_FOUND'],
    example: { stocktakeId: 1 },
  }),
  'stocktake.approve': method({
    summary:
      "Approve the stocktake: book a stocktake adjustment for every variance and close it. Items not counted are left alone and listed. A clerk needs a manager's staff number and PIN. CONFLICT says why in details.reason: nothing_counted, closed, serials_elsewhere.",
    role: 'clerk',
    approval: 'manager',
    input: z.object({ stocktakeId: StocktakeId, note: Note.optional(), approval: Approval.optional() }).strict(),
    output: z.object({ stocktake: StocktakeView, adjustments: z.array(StocktakeAdjustment), notCounted: z.array(Uncounted) }),
    errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK', 'WRONG_PIN', 'ACCOUNT_LOCKED'],
    example: { stocktakeId: 1, approval: { staffNo: '8001', pin: '800800' } },
  }),
  'stocktake.list': method({
    summary:
      'The stocktake history, newest first: each stocktake’s status, who opened and who approved or cancelled it and when, how many lines were counted and how many of them showed a variance.',
    role: 'clerk',
    input: z.object({ limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: z.object({ stocktakes: z.array(StocktakeHistoryEntry) }),
    errors: [],
    example: { limit: 10 },
  }),
  'stocktake.cancel': method({
    summary: 'Cancel an open stocktake without touching the ledger; its counts stay on record.',
    role: 'manager',
    input: z.object({ stocktakeId: StocktakeId, note: Note.optional() }).strict(),
    output: z.object({ stocktake: StocktakeView }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { stocktakeId: 1, note: '盘点中断，下周重盘' },
  }),
};

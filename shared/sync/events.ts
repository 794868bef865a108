import { z } from 'zod';
import { StockBucket, StockReason } from '../stock/movements';

/**
 * Every fact a counter tells HQ, one schema per event type. The outbox refuses a
 * payload that does not match, and HQ validates again on arrival: the two sides agree
 * by construction, not by convention. Stock named in a payload (gift lines, giftSkus,
 * returnedStock, prizeSku, adjustments) describes the business; HQ books stock only from
 * the envelope's `stockMoves` (below).
 */
const Phone = z.string().regex(/^1[3-9]\d{9}$/);
const Ref = z.object({ type: z.string(), id: z.string() });
const LotPoints = z.object({ lotKey: z.string(), points: z.number().int().positive() });

export const eventPayloads = {
  'customer.registered': z.object({
    phone: Phone,
    name: z.string(),
    idHash: z.string(),
    idLast4: z.string(),
    tenureStart: z.string(),
    birthday: z.string().nullable(),
  }),
  /**
   * A pure stock action (receive, damage, return, transfer, display). HQ books the envelope's
   * `stockMoves` like any event's; `deltas` and `serials` describe the same movement for
   * readers of the payload, and `counterparty` names the delivery HQ marks received.
   */
  'stock.moved': z.object({
    sku: z.string(),
    reason: StockReason,
    /** Per-bucket change of this movement; a move between buckets has two entries. */
    deltas: z.partialRecord(StockBucket, z.number().int()),
    serials: z.array(z.string()),
    ref: Ref.nullable(),
    // Optional since protocol 1 (HQ sync): a movement without a customer or counterparty may leave them out.
    customerPhone: Phone.nullable().default(null),
    /** e.g. the other hall of a transfer, the HQ delivery note of a receipt. */
    counterparty: z.string().nullable().default(null),
    note: z.string().nullable(),
    staffNo: z.string(),
    approvedBy: z.string().nullable(),
  }),
  'redemption.created': z.object({
    redemptionNo: z.string(),
    slipNo: z.string(),
    customerPhone: Phone,
    totalPoints: z.number().int().positive(),
    /** Which lots paid, oldest expiry first: HQ debits the same lots. */
    lots: z.array(LotPoints),
    lines: z.array(
      z.object({
        catalogueCode: z.string(),
        kind: z.enum(['gift', 'voucher', 'service']),
        quantity: z.number().int().positive(),
        pointsEach: z.number().int().positive(),
        voucherCodes: z.array(z.string()),
        stockSku: z.string().nullable(),
      }),
    ),
    pendingHq: z.boolean(),
    staffNo: z.string(),
  }),
  'redemption.voided': z.object({
    redemptionNo: z.string(),
    voidSlipNo: z.string(),
    customerPhone: Phone,
    lots: z.array(LotPoints),
    revokedCodes: z.array(z.string()),
    returnedStock: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
    reason: z.string(),
    approvedBy: z.string(),
    staffNo: z.string(),
  }),
  'enrolment.created': z.object({
    enrolmentNo: z.string(),
    slipNo: z.string(),
    customerPhone: Phone,
    campaignId: z.string(),
    campaignVersion: z.number().int(),
    enrolledOn: z.string(),
    options: z.record(z.string(), z.unknown()),
    /** The engine's computed benefits, exactly as stored and printed. */
    benefits: z.array(z.record(z.string(), z.unknown())),
    /** Bonus points granted here as a new lot; HQ opens the same lot. */
    bonusLot: z.object({ lotKey: z.string(), points: z.number().int().positive(), expiresOn: z.string() }).nullable(),
    giftSkus: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
    staffNo: z.string(),
  }),
  'trial.changed': z.object({
    enrolmentNo: z.string(),
    customerPhone: Phone,
    status: z.string(),
    completionOn: z.string().nullable(),
    freeUntil: z.string().nullable(),
    conversionOn: z.string().nullable(),
    cancelRequestedOn: z.string().nullable(),
    feeWaiverMonth: z.string().nullable(),
    staffNo: z.string(),
  }),
  'prize.claimed': z.object({
    winId: z.string(),
    slipNo: z.string(),
    customerPhone: Phone,
    prizeSku: z.string(),
    staffNo: z.string(),
  }),
  'stocktake.approved': z.object({
    stocktakeId: z.number().int(),
    adjustments: z.array(z.object({ sku: z.string(), bucket: StockBucket, delta: z.number().int() })),
    approvedBy: z.string(),
  }),
  /** A manager's answer to a conflict HQ raised for this hall (sync.resolveConflict). */
  'conflict.resolved': z.object({
    conflictId: z.string().regex(/^C\d{6,}$/),
    note: z.string().min(2).max(500),
    staffNo: z.string(),
  }),
} as const;

export type EventType = keyof typeof eventPayloads;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;
export const eventTypes = Object.keys(eventPayloads) as EventType[];

/** More rows than a stocktake of a big hall writes; a push body stays under HQ's 4 MiB. */
export const MAX_STOCK_MOVES = 5_000;

/**
 * One row of the counter's stock ledger as HQ books it. The ledger records every row an
 * action writes and commitAction attaches them to that action's event, whatever its type:
 * HQ books a hall's stock from these rows and from nothing else, so no movement is missed
 * (a lent set-top box, a modem taken back) and none is counted twice.
 */
export const StockMoveLine = z
  .object({
    /** Which movement of the action the row belongs to: a move between buckets is two rows of one movement. */
    movement: z.number().int().nonnegative().max(9_999),
    sku: z.string().min(1).max(40),
    bucket: StockBucket,
    delta: z
      .number()
      .int()
      .refine((n) => n !== 0, 'a ledger row changes a balance'),
    /** One row per unit for serial-numbered items (delta ±1), else null. */
    serial: z.string().min(1).max(64).nullable(),
    reason: StockReason,
    ref: Ref.nullable(),
    /** The customer who took or brought back the unit, when there is one. */
    customerPhone: Phone.nullable(),
    note: z.string().max(500).nullable(),
    staffNo: z.string().min(1).max(40),
  })
  .strict();
export type StockMoveLine = z.infer<typeof StockMoveLine>;
export const StockMoves = z
  .array(StockMoveLine)
  .max(MAX_STOCK_MOVES)
  .superRefine((lines, issues) => {
    // The rows of one movement are one item moved for one reason: HQ books them together.
    const first = new Map<number, StockMoveLine>();
    lines.forEach((line, i) => {
      const head = first.get(line.movement) ?? line;
      first.set(line.movement, head);
      if (head.sku !== line.sku || head.reason !== line.reason) {
        issues.addIssue({ code: 'custom', path: [i], message: `rows of movement ${line.movement} name different items or reasons` });
      }
    });
  });

/**
 * The envelope every event travels in, counter → HQ. `stockMoves` is the action's ledger
 * rows; absent means the action moved no stock (and is what an older counter sends).
 */
export const OutboxEvent = z.object({
  eventId: z.uuid(),
  type: z.enum(eventTypes as [EventType, ...EventType[]]),
  hallCode: z.string(),
  counterCode: z.string(),
  seq: z.number().int().positive(),
  createdAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
  stockMoves: StockMoves.optional(),
});
export type OutboxEvent = z.infer<typeof OutboxEvent>;

export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  return eventPayloads[type].parse(payload) as EventPayload<T>;
}

import { z } from 'zod';
import { HolidayCalendar } from '../calendar/working-days';
import { Campaign } from '../campaigns/schema';
import { PlanCatalogue } from '../campaigns/plans';
import { CustomerSnapshot } from '../customers/snapshot';
import { CatalogueEntry, VoucherBlock } from '../points/catalogue';
import { StockBucket, StockReason } from '../stock/movements';
import { Cursor } from './protocol';

/**
 * What a pull streams: NDJSON, one line per JSON value. A page is `begin`, its rows, then
 * `end` with the cursor to resume from; a page without its `end` line was cut off and the
 * counter applies none of it.
 */
const Iso = z.iso.datetime({ offset: true });

export const StockItemDoc = z
  .object({
    sku: z.string().min(1).max(40),
    name: z.string().min(1).max(60),
    nameEn: z.string().min(1).max(80).nullable(),
    category: z.enum(['gift', 'prize', 'equipment', 'other']),
    unitValueFen: z.number().int().nonnegative(),
    serialTracked: z.boolean(),
    lowThreshold: z.number().int().nonnegative(),
    active: z.boolean(),
  })
  .strict();
export type StockItemDoc = z.infer<typeof StockItemDoc>;

/** Limits HQ sets for every counter. */
export const SyncLimits = z
  .object({
    pointsOfflineLimit: z.number().int().positive(),
    syncIntervalMs: z.number().int().min(5_000).max(3_600_000),
  })
  .strict();
export type SyncLimits = z.infer<typeof SyncLimits>;

export const ReferenceDoc = z.discriminatedUnion('key', [
  z.object({ key: z.literal('plans'), version: z.number().int().positive(), data: PlanCatalogue }).strict(),
  z.object({ key: z.literal('calendar'), version: z.number().int().positive(), data: HolidayCalendar }).strict(),
  z.object({ key: z.literal('limits'), version: z.number().int().positive(), data: SyncLimits }).strict(),
]);
export type ReferenceDoc = z.infer<typeof ReferenceDoc>;

/** A movement another counter of this hall made (or HQ recorded), for this counter's ledger. */
export const StockMovementDoc = z
  .object({
    /** `<event id>#<n>`: one event (a redemption of two gifts) may carry several movements. */
    movementId: z.string().regex(/^[0-9a-f-]{36}#\d{1,4}$/),
    eventId: z.uuid(),
    hallCode: z.string(),
    counterCode: z.string(),
    sku: z.string().min(1),
    reason: StockReason,
    deltas: z.partialRecord(StockBucket, z.number().int()),
    serials: z.array(z.string()),
    ref: z.object({ type: z.string(), id: z.string() }).nullable(),
    note: z.string().nullable(),
    staffNo: z.string(),
    at: Iso,
  })
  .strict();
export type StockMovementDoc = z.infer<typeof StockMovementDoc>;

/** Stock HQ sent to the hall; the manager receives it at a counter (a `stock.moved` received event). */
export const StockDeliveryDoc = z
  .object({
    deliveryNo: z.string().min(1).max(40),
    hallCode: z.string(),
    sku: z.string().min(1),
    quantity: z.number().int().positive(),
    serials: z.array(z.string()),
    sentAt: Iso,
    note: z.string().nullable(),
    status: z.enum(['sent', 'received']),
  })
  .strict();
export type StockDeliveryDoc = z.infer<typeof StockDeliveryDoc>;

export const ConflictKind = z.enum(['negative_stock', 'overdraft']);
export type ConflictKind = z.infer<typeof ConflictKind>;

/** A conflict HQ found between what counters did offline: a task for the hall's manager. */
export const ConflictDoc = z
  .object({
    conflictId: z.string().regex(/^C\d{6,}$/),
    kind: ConflictKind,
    hallCode: z.string(),
    status: z.enum(['open', 'resolved']),
    title: z.string(),
    /** What the manager should do about it, in plain words. */
    advice: z.string(),
    details: z.record(z.string(), z.unknown()),
    raisedAt: Iso,
    updatedAt: Iso,
    resolvedAt: Iso.nullable(),
    resolvedBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .strict();
export type ConflictDoc = z.infer<typeof ConflictDoc>;

export const VoucherBlockDoc = VoucherBlock.extend({ hallCode: z.string() }).strict();
export type VoucherBlockDoc = z.infer<typeof VoucherBlockDoc>;

const row = <K extends string, D extends z.ZodType>(kind: K, doc: D) =>
  z.object({ t: z.literal('row'), kind: z.literal(kind), key: z.string().min(1).max(200), doc }).strict();

export const PullRow = z.discriminatedUnion('kind', [
  row('campaign', Campaign),
  row('catalogue_item', CatalogueEntry),
  row('stock_item', StockItemDoc),
  row('reference', ReferenceDoc),
  row('customer', CustomerSnapshot),
  row('stock_movement', StockMovementDoc),
  row('stock_delivery', StockDeliveryDoc),
  row('voucher_block', VoucherBlockDoc),
  row('conflict', ConflictDoc),
]);
export type PullRow = z.infer<typeof PullRow>;
export type PullKind = PullRow['kind'];
export const pullKinds = PullRow.options.map((o) => o.shape.kind.value);

export const PullBegin = z.object({ t: z.literal('begin'), hqTime: Iso, total: z.number().int().nonnegative().nullable() }).strict();
export const PullEnd = z.object({ t: z.literal('end'), cursor: Cursor, more: z.boolean(), rows: z.number().int().nonnegative() }).strict();
export type PullBegin = z.infer<typeof PullBegin>;
export type PullEnd = z.infer<typeof PullEnd>;

/** The structure of a line, checked before its document (which is checked by kind). */
export const PullLineShape = z.discriminatedUnion('t', [
  PullBegin,
  PullEnd,
  z.object({ t: z.literal('row'), kind: z.string(), key: z.string(), doc: z.unknown() }).strict(),
]);

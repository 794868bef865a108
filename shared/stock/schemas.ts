import { z } from 'zod';
import { StockReason } from './movements';

/** An item code as HQ publishes it (TV-32, STB-ITV); the counter's scanner sends it upper-case. */
export const Sku = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, '物品编码为大写字母、数字及 - _ .，最长40位');
/** A unit's serial number as printed on the box (set-top boxes, modems). */
export const Serial = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{3,39}$/, '串号为4-40位字母或数字');
/** The code of another business hall (ZY-HC-002), for transfers. */
export const HallCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, '营业厅编码为大写字母、数字及 -');
/** A document number from HQ or another hall: delivery note, transfer order. */
export const DocumentRef = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, '单号为2-40位字母或数字');
/** Units in one movement; a hall never moves more than this in one go. */
export const Qty = z.number().int().positive().max(100_000);
export const Serials = z.array(Serial).min(1).max(500);
export const Note = z.string().trim().min(1).max(200);

export const StockCategory = z.enum(['gift', 'prize', 'equipment', 'other']);
export type StockCategory = z.infer<typeof StockCategory>;
export const CountedBucket = z.enum(['on_hand', 'display']);
export type CountedBucket = z.infer<typeof CountedBucket>;
export const SerialState = z.enum(['on_hand', 'display', 'lent', 'issued', 'damaged', 'transferred']);
export type SerialState = z.infer<typeof SerialState>;

/** Balances per bucket, or the change a movement made to them. */
export const Buckets = z.object({ onHand: z.number().int(), display: z.number().int(), lent: z.number().int() });
export type Buckets = z.infer<typeof Buckets>;

export const StockRef = z.object({ type: z.string(), id: z.string() });

/** One line of the stock grid. Outputs take item codes as stored (HQ's); inputs are checked with `Sku`. */
export const StockItemView = z.object({
  sku: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  category: StockCategory,
  unitValueFen: z.number().int().nonnegative(),
  serialTracked: z.boolean(),
  // Not refused below zero here: a movement synced from another counter is a fact and may
  // overdraw a bucket (two counters gave the last TV away offline) until the manager resolves it.
  onHand: z.number().int(),
  display: z.number().int(),
  lent: z.number().int(),
  lowThreshold: z.number().int().nonnegative(),
  /** On hand at or below the threshold: time to ask HQ for more. */
  low: z.boolean(),
  lastMovementAt: z.string().nullable(),
});
export type StockItemView = z.infer<typeof StockItemView>;

export const CustomerRef = z.object({ customerId: z.number().int().positive(), phoneMasked: z.string() });
export const Holder = CustomerRef.extend({ name: z.string() });

/** One movement of an item's history: the rows written together, summed per bucket. */
export const MovementView = z.object({
  id: z.number().int().positive(),
  groupId: z.string(),
  at: z.string(),
  reason: StockReason,
  deltas: Buckets,
  serials: z.array(z.string()),
  staffNo: z.string(),
  staffName: z.string().nullable(),
  ref: StockRef.nullable(),
  customer: CustomerRef.nullable(),
  note: z.string().nullable(),
});
export type MovementView = z.infer<typeof MovementView>;

export const SerialUnitView = z.object({
  serial: z.string(),
  state: SerialState,
  holder: Holder.nullable(),
  updatedAt: z.string(),
});
export type SerialUnitView = z.infer<typeof SerialUnitView>;

/** What a stock write answers: the movement, the item's balances after it, and whether it is now low. */
export const StockMoveResult = z.object({
  movement: z.object({
    groupId: z.string(),
    sku: z.string(),
    reason: StockReason,
    deltas: Buckets,
    serials: z.array(z.string()),
    at: z.string(),
  }),
  balance: Buckets,
  low: z.boolean(),
});
export type StockMoveResult = z.infer<typeof StockMoveResult>;

import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { method } from '../contract/define';
import { StockReason } from './movements';
import { Buckets, Holder, MovementView, SerialState, SerialUnitView, Sku, StockCategory, StockItemView, StockRef } from './schemas';

export const EquipmentUnitView = z.object({
  sku: z.string(),
  itemName: z.string(),
  serial: z.string(),
  state: SerialState,
  holder: Holder.nullable(),
  /**
   * The movement that put the unit where it is now (lent, issued, received…): the Shanghai
   * day, the instant, its reason and what it belongs to. Null for a unit the ledger never moved.
   */
  since: z.object({ on: IsoDate, at: z.string(), reason: StockReason, ref: StockRef.nullable() }).nullable(),
  /** The open loan of this unit (iTV trial), if any, with the enrolment it was lent for. */
  loan: z
    .object({
      loanId: z.number().int().positive(),
      lentOn: IsoDate,
      status: z.enum(['lent', 'recovery_open']),
      enrolmentNo: z.string(),
    })
    .nullable(),
  recovery: z
    .object({
      orderId: z.number().int().positive(),
      openedOn: IsoDate,
      dueOn: IsoDate,
      /** Due date passed (Asia/Shanghai) and the unit is still out. */
      overdue: z.boolean(),
      daysOverdue: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type EquipmentUnitView = z.infer<typeof EquipmentUnitView>;

export const stockViewMethods = {
  'stock.list': method({
    summary:
      "The hall's prize and gift stock at a glance (库存): every active item with its on-hand, display and lent balances from the ledger, its low-stock threshold and last movement.",
    role: 'clerk',
    input: z.object({ category: StockCategory.optional() }).strict(),
    output: z.object({ items: z.array(StockItemView) }),
    errors: [],
    example: { category: 'gift' },
  }),
  'stock.alerts': method({
    summary: 'Low-stock alerts (库存预警): active items whose on-hand is at or below their threshold, the emptiest first.',
    role: 'clerk',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(StockItemView) }),
    errors: [],
    example: {},
  }),
  'stock.item': method({
    summary:
      "One item's card: balances, movement history newest first (a page at a time: pass the last id as beforeId), and for serial-numbered items every unit with its state and holder.",
    role: 'clerk',
    input: z
      .object({
        sku: Sku,
        limit: z.number().int().min(1).max(200).optional(),
        beforeId: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({
      item: StockItemView,
      balance: Buckets,
      movements: z.array(MovementView),
      /** Pass as beforeId for the next page; null when this page reached the first movement. */
      nextBeforeId: z.number().int().positive().nullable(),
      units: z.array(SerialUnitView),
    }),
    errors: ['NOT_FOUND'],
    example: { sku: 'TV-32', limit: 50 },
  }),
  'equipment.units': method({
    summary:
      'Serial-numbered equipment (机顶盒 / 光猫) unit by unit: who holds which serial, since which movement (lent, issued, received…), the enrolment a lent unit belongs to, any open recovery order (回收) with its due date, overdue ones flagged.',
    role: 'clerk',
    input: z
      .object({
        sku: Sku.optional(),
        /** held: units out with customers (default); overdue: recoveries past due; all: every unit. */
        show: z.enum(['held', 'overdue', 'all']).optional(),
      })
      .strict(),
    output: z.object({
      today: IsoDate,
      units: z.array(EquipmentUnitView),
      summary: z.object({
        held: z.number().int().nonnegative(),
        recoveryOpen: z.number().int().nonnegative(),
        overdue: z.number().int().nonnegative(),
      }),
    }),
    errors: [],
    example: { sku: 'STB-ITV', show: 'held' },
  }),
};

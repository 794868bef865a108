import { z } from 'zod';
import { method } from '../contract/define';
import { Approval } from '../staff/contract';
import { DocumentRef, HallCode, Note, Qty, Serials, Sku, StockMoveResult } from './schemas';

/** Every stock write names the item and how many; serial-numbered items also list each unit's serial. */
const moveFields = { sku: Sku, qty: Qty, serials: Serials.optional() };
const SlipNo = z.string().regex(/^[A-Za-z0-9-]{6,64}$/, '小票号格式不对');

export const stockMoveMethods = {
  'stock.receive': method({
    summary:
      "Receive stock from HQ's delivery (入库): the item, how many (each serial for serial-numbered equipment) and the delivery note number; a delivery is booked once per item.",
    role: 'manager',
    input: z.object({ ...moveFields, deliveryRef: DocumentRef, note: Note.optional() }).strict(),
    output: StockMoveResult,
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { sku: 'TV-32', qty: 5, deliveryRef: 'HQ-DN-20261121-007', note: '总部11月第二批' },
  }),
  'stock.damage': method({
    summary:
      'Write off damaged stock (报损) from the shelf or the display, with the reason. A clerk needs a manager to approve it at the counter (staff number and PIN).',
    role: 'clerk',
    approval: 'manager',
    input: z.object({ ...moveFields, from: z.enum(['on_hand', 'display']), note: Note, approval: Approval.optional() }).strict(),
    output: StockMoveResult,
    errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK', 'WRONG_PIN', 'ACCOUNT_LOCKED'],
    example: {
      sku: 'GIFT-THERMOS',
      qty: 1,
      from: 'display',
      note: '展示样品杯盖破裂',
      approval: { staffNo: '8001', pin: '800800' },
    },
  }),
  'stock.return': method({
    summary:
      "Take back a gift a customer returns (退回入库), with a manager's approval. With the slip number the return is checked against what that slip handed out; without one a note must say why.",
    role: 'clerk',
    approval: 'manager',
    input: z
      .object({ ...moveFields, slipNo: SlipNo.optional(), note: Note.optional(), approval: Approval.optional() })
      .strict()
      .refine((v) => v.slipNo !== undefined || v.note !== undefined, {
        message: '没有小票号时请注明退回原因',
        path: ['note'],
      }),
    output: StockMoveResult,
    errors: ['NOT_FOUND', 'CONFLICT', 'WRONG_PIN', 'ACCOUNT_LOCKED'],
    example: { sku: 'GIFT-UMBRELLA', qty: 1, slipNo: 'ZY-HC-001-20261121-01-0007', approval: { staffNo: '8001', pin: '800800' } },
  }),
  'stock.transferOut': method({
    summary: 'Send stock to another hall (调拨出库): the item, how many (and serials) and the receiving hall code.',
    role: 'manager',
    input: z.object({ ...moveFields, toHall: HallCode, note: Note.optional() }).strict(),
    output: StockMoveResult,
    errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK'],
    example: { sku: 'MODEM-E8B', qty: 1, serials: ['E8B2026000208'], toHall: 'ZY-HC-002', note: '调拨单 TR-1121-03' },
  }),
  'stock.transferIn': method({
    summary: 'Book stock arriving from another hall (调拨入库): the item, how many (and serials) and the sending hall code.',
    role: 'manager',
    input: z.object({ ...moveFields, fromHall: HallCode, note: Note.optional() }).strict(),
    output: StockMoveResult,
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { sku: 'TV-43', qty: 2, fromHall: 'ZY-HC-002' },
  }),
  'stock.toDisplay': method({
    summary: 'Put units on display in the hall (上架展示). Display units are not redeemable until taken back.',
    role: 'manager',
    input: z.object({ ...moveFields, note: Note.optional() }).strict(),
    output: StockMoveResult,
    errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK'],
    example: { sku: 'TV-32', qty: 1 },
  }),
  'stock.fromDisplay': method({
    summary: 'Take display units back onto the shelf (撤展回库), where they can be issued again.',
    role: 'manager',
    input: z.object({ ...moveFields, note: Note.optional() }).strict(),
    output: StockMoveResult,
    errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK'],
    example: { sku: 'GIFT-POWERBANK', qty: 1 },
  }),
};

import type { TFunction } from 'i18next';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';

/** The form field an error is about, so the form can put the cursor there. */
export type StockField = 'sku' | 'qty' | 'serials' | 'deliveryRef' | 'from' | 'slipNo' | 'toHall' | 'fromHall' | 'note';

/** Looks up an item's name by code for the sentence ("32英寸彩电" rather than "TV-32"). */
export type NameOf = (sku: string) => string;

function text(details: Record<string, unknown>, name: string): string {
  const value = details[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function num(details: Record<string, unknown>, name: string): number | null {
  const value = details[name];
  return typeof value === 'number' ? value : null;
}

const FIELD_OF_PATH: Record<string, StockField> = {
  sku: 'sku',
  qty: 'qty',
  serials: 'serials',
  deliveryRef: 'deliveryRef',
  from: 'from',
  slipNo: 'slipNo',
  toHall: 'toHall',
  fromHall: 'fromHall',
  note: 'note',
};

/**
 * A stock write's refusal in the counter's language, with the field it concerns. The
 * core's details say which case it is (shared/stock: a delivery booked twice carries
 * `deliveryRef`, a unit in the wrong place `serial` and `state`, …); a case this does not
 * know falls back to the common error sentences.
 */
export function describeStockError(error: ApiError, t: TFunction, nameOf: NameOf): { message: string; field: StockField | null } {
  const d = error.details ?? {};
  const sku = text(d, 'sku');
  const item = sku ? nameOf(sku) : '';
  switch (error.code) {
    case 'INSUFFICIENT_STOCK': {
      const have = num(d, 'have');
      const need = num(d, 'need');
      if (have !== null && need !== null) {
        const bucket = t(`stock.bucket.${text(d, 'bucket') || 'on_hand'}`);
        return { message: t('stock.errors.insufficient', { item, bucket, have, need }), field: 'qty' };
      }
      break;
    }
    case 'CONFLICT':
      if (d.deliveryRef !== undefined) {
        return { message: t('stock.errors.deliveryBooked', { deliveryRef: text(d, 'deliveryRef'), item }), field: 'deliveryRef' };
      }
      if (d.serial !== undefined) {
        const where = t(`stock.serialState.${text(d, 'state') || 'absent'}`);
        return { message: t('stock.errors.serialWhere', { serial: text(d, 'serial'), item, where }), field: 'serials' };
      }
      if (d.slipNo !== undefined && d.issued !== undefined) {
        const issued = num(d, 'issued') ?? 0;
        const returned = num(d, 'returned') ?? 0;
        return {
          message: t('stock.errors.slipReturnedAll', { slipNo: text(d, 'slipNo'), item, issued, returned, left: issued - returned }),
          field: 'qty',
        };
      }
      if (d.slipNo !== undefined) return { message: t('stock.errors.slipNotIssued', { slipNo: text(d, 'slipNo'), item }), field: 'slipNo' };
      break;
    case 'NOT_FOUND':
      if (d.slipNo !== undefined) return { message: t('stock.errors.unknownSlip', { slipNo: text(d, 'slipNo') }), field: 'slipNo' };
      if (sku) return { message: t('stock.errors.unknownItem', { sku }), field: 'sku' };
      break;
    case 'VALIDATION': {
      if (d.expected !== undefined && d.got !== undefined) {
        return { message: t('stock.errors.serialCount', { item, expected: num(d, 'expected') ?? 0, got: num(d, 'got') ?? 0 }), field: 'serials' };
      }
      if (d.hallCode !== undefined) return { message: t('stock.errors.ownHall', { hallCode: text(d, 'hallCode') }), field: null };
      if (sku && d.expected === undefined && !Array.isArray(d.issues)) {
        return { message: t('stock.errors.notSerialTracked', { item }), field: 'serials' };
      }
      const first: unknown = Array.isArray(d.issues) ? d.issues[0] : undefined;
      const path = first && typeof first === 'object' && 'path' in first && typeof first.path === 'string' ? first.path : '';
      const field = FIELD_OF_PATH[path.split('.')[0] ?? ''] ?? null;
      if (field) return { message: t('stock.errors.badField', { field: t(`stock.move.field.${field}`) }), field };
      break;
    }
    default:
      break;
  }
  return { message: describeError(error), field: null };
}

import type { TFunction } from 'i18next';
import type { ApiError } from '../api/types';
import { describeStockError, type NameOf } from '../stock/errors';

/** Which stocktake call answered, where the same code means different things (CONFLICT on start or on approval). */
export type StocktakeStep = 'start' | 'count' | 'approve' | 'cancel';

function list(value: unknown): string {
  return Array.isArray(value)
    ? value
        .map((entry: unknown) => (entry && typeof entry === 'object' && 'serial' in entry ? String(entry.serial) : String(entry)))
        .join('、')
    : '';
}

/** A stocktake refusal in the counter's language (details from electron/core/stock/stocktake*.ts). */
export function describeStocktakeError(error: ApiError, step: StocktakeStep, t: TFunction, nameOf: NameOf): string {
  const d = error.details ?? {};
  const sku = typeof d.sku === 'string' ? d.sku : '';
  const item = sku ? nameOf(sku) : '';
  const bucket = typeof d.bucket === 'string' ? t(`stock.bucket.${d.bucket}`) : '';
  if (error.code === 'CONFLICT') {
    if (d.status === 'approved' || d.status === 'cancelled') return t(`stocktake.errors.closed_${d.status}`);
    if (Array.isArray(d.blocked)) return t('stocktake.errors.blocked', { item, bucket, serials: list(d.blocked) });
    if (typeof d.stocktakeId === 'number') {
      return step === 'start' ? t('stocktake.errors.alreadyOpen', { id: d.stocktakeId }) : t('stocktake.errors.nothingCounted');
    }
  }
  if (error.code === 'INSUFFICIENT_STOCK' && d.now !== undefined) {
    return t('stocktake.errors.movedSince', { item, bucket, expected: d.expected, counted: d.counted, now: d.now });
  }
  if (error.code === 'VALIDATION') {
    if (Array.isArray(d.serials)) return t('stocktake.errors.scannedTwice', { serials: list(d.serials) });
    if (d.scanned !== undefined) return t('stocktake.errors.countMismatch', { counted: d.counted, scanned: d.scanned });
  }
  if (error.code === 'NOT_FOUND' && typeof d.stocktakeId === 'number') return t('stocktake.errors.unknown', { id: d.stocktakeId });
  return describeStockError(error, t, nameOf).message;
}

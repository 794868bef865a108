import type { TFunction } from 'i18next';
import { StocktakeConflictReason } from '../../../shared/stock/stocktake-contract';
import type { ApiError } from '../api/types';
import { describeStockError, type NameOf } from '../stock/errors';

/** Which stocktake refusal a CONFLICT is, as the core says in `details.reason`; null for any other answer. */
export function conflictReason(error: ApiError): StocktakeConflictReason | null {
  if (error.code !== 'CONFLICT') return null;
  const parsed = StocktakeConflictReason.safeParse(error.details?.reason);
  return parsed.success ? parsed.data : null;
}

function list(value: unknown): string {
  return Array.isArray(value)
    ? value
        .map((entry: unknown) => (entry && typeof entry === 'object' && 'serial' in entry ? String(entry.serial) : String(entry)))
        .join('、')
    : '';
}

/** A stocktake refusal in the counter's language (details from electron/core/stock/stocktake*.ts). */
export function describeStocktakeError(error: ApiError, t: TFunction, nameOf: NameOf): string {
  const d = error.details ?? {};
  const sku = typeof d.sku === 'string' ? d.sku : '';
  const item = sku ? nameOf(sku) : '';
  const bucket = typeof d.bucket === 'string' ? t(`stock.bucket.${d.bucket}`) : '';
  switch (conflictReason(error)) {
    case 'already_open':
      return t('stocktake.errors.alreadyOpen', { id: d.stocktakeId });
    case 'nothing_counted':
      return t('stocktake.errors.nothingCounted');
    case 'closed':
      return t(d.status === 'cancelled' ? 'stocktake.errors.closed_cancelled' : 'stocktake.errors.closed_approved');
    case 'serials_elsewhere':
      return t('stocktake.errors.blocked', { item, bucket, serials: list(d.blocked) });
    case null:
      break;
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

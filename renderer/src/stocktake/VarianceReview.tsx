import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountedBucket, StockItemView } from '../../../shared/stock/schemas';
import type { StocktakeLine } from '../../../shared/stock/stocktake-contract';
import { hallTime, itemName, signed } from '../stock/format';
import type { StocktakeSheet } from './useStocktake';

const views = ['all', 'variance', 'uncounted'] as const;
type SheetView = (typeof views)[number];

function hasVariance(line: StocktakeLine): boolean {
  return line.counted !== null && (line.variance !== 0 || line.missingSerials.length > 0 || line.unexpectedSerials.length > 0);
}

function rowClass(line: StocktakeLine): string {
  if (line.counted === null) return 'sheet__row sheet__row--uncounted';
  if (!hasVariance(line)) return 'sheet__row';
  return (line.variance ?? 0) < 0 || line.missingSerials.length > 0 ? 'sheet__row sheet__row--short' : 'sheet__row sheet__row--over';
}

interface VarianceReviewProps {
  sheet: StocktakeSheet;
  itemsBySku: ReadonlyMap<string, StockItemView>;
  /** Sends a line to the count form (to count it, or count it again). */
  onCount: (sku: string, bucket: CountedBucket) => void;
  canCount: boolean;
}

/**
 * The stocktake sheet under review: book against shelf for every line, with the variance
 * and, for equipment, the serials missing from the shelf and those found that the books
 * don't have there. Lines not counted are listed too; approval leaves them untouched.
 */
export function VarianceReview({ sheet, itemsBySku, onCount, canCount }: VarianceReviewProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<SheetView>('all');
  const { summary } = sheet;
  const lines = sheet.lines.filter((line) => (view === 'all' ? true : view === 'variance' ? hasVariance(line) : line.counted === null));
  const nameOf = (line: StocktakeLine): string => {
    const known = itemsBySku.get(line.sku);
    return known ? itemName(known, i18n.language) : line.name;
  };

  return (
    <section className="sheet" aria-labelledby="sheet-heading" data-testid="variance-review">
      <div className="sheet__head">
        <h3 id="sheet-heading" className="sheet__heading">
          {t('stocktake.review.heading')}
        </h3>
        <p className="sheet__summary" data-testid="stocktake-summary">
          {t('stocktake.review.summary', summary)}
        </p>
        <div className="sheet__views" role="radiogroup" aria-label={t('stocktake.review.show')}>
          {views.map((option) => (
            <label key={option} className="move__choice">
              <input type="radio" name="sheet-view" checked={view === option} onChange={() => setView(option)} />
              {t(`stocktake.review.view.${option}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="sheet__scroll">
        <table className="sheet__table">
          <thead>
            <tr>
              <th scope="col">{t('stock.column.item')}</th>
              <th scope="col">{t('stocktake.count.bucket')}</th>
              <th scope="col" className="sheet__num">
                {t('stocktake.review.expected')}
              </th>
              <th scope="col" className="sheet__num">
                {t('stocktake.review.counted')}
              </th>
              <th scope="col" className="sheet__num">
                {t('stocktake.review.variance')}
              </th>
              <th scope="col">{t('stocktake.review.serials')}</th>
              <th scope="col">{t('stocktake.review.countedBy')}</th>
              {canCount && <th scope="col" aria-label={t('stocktake.review.actions')} />}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.sku}:${line.bucket}`} className={rowClass(line)} data-line={`${line.sku}:${line.bucket}`}>
                <td>
                  <span className="sheet__name">{nameOf(line)}</span>
                  <span className="sheet__sku">{line.sku}</span>
                </td>
                <td>{t(`stock.bucket.${line.bucket}`)}</td>
                <td className="sheet__num">{line.expected}</td>
                <td className="sheet__num">{line.counted ?? <span className="tag tag--serial">{t('stocktake.review.notCounted')}</span>}</td>
                <td className="sheet__num sheet__variance">{line.variance === null ? '' : signed(line.variance)}</td>
                <td className="sheet__serials">
                  {line.missingSerials.length > 0 && (
                    <span className="sheet__missing">{t('stocktake.review.missing', { serials: line.missingSerials.join('、') })}</span>
                  )}
                  {line.unexpectedSerials.length > 0 && (
                    <span className="sheet__unexpected">{t('stocktake.review.unexpected', { serials: line.unexpectedSerials.join('、') })}</span>
                  )}
                </td>
                <td className="sheet__by">{line.countedBy ? `${line.countedBy} ${hallTime(line.countedAt)}` : ''}</td>
                {canCount && (
                  <td>
                    <button type="button" className="button sheet__count" onClick={() => onCount(line.sku, line.bucket)}>
                      {line.counted === null ? t('stocktake.review.count') : t('stocktake.review.recount')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {lines.length === 0 && <p className="grid__empty">{t('stocktake.review.empty')}</p>}
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../shared/stock/schemas';
import { itemName, signed } from '../stock/format';
import type { ApprovedResult } from './StocktakePanel';

interface ApprovedStocktakeProps {
  result: ApprovedResult;
  itemsBySku: ReadonlyMap<string, StockItemView>;
  onDismiss: () => void;
}

/** What an approval booked: each adjustment, and the lines left alone because nobody counted them. */
export function ApprovedStocktake({ result, itemsBySku, onDismiss }: ApprovedStocktakeProps) {
  const { t, i18n } = useTranslation();
  const nameOf = (sku: string, fallback?: string): string => {
    const known = itemsBySku.get(sku);
    return known ? itemName(known, i18n.language) : (fallback ?? sku);
  };
  return (
    <div className="outcome stocktake__approved" role="status" data-testid="stocktake-approved">
      <div className="outcome__text">
        <p className="stocktake__approved-title">
          {t('stocktake.approved.title', { id: result.stocktake.stocktakeId, count: result.adjustments.length, by: result.stocktake.closedBy ?? '' })}
        </p>
        {result.adjustments.length > 0 && (
          <ul className="stocktake__list">
            {result.adjustments.map((adjustment) => (
              <li key={adjustment.groupId}>
                {nameOf(adjustment.sku)} {t(`stock.bucket.${adjustment.bucket}`)} {signed(adjustment.delta)}
                {adjustment.serials.length > 0 && <span className="detail__serials">{adjustment.serials.join('、')}</span>}
              </li>
            ))}
          </ul>
        )}
        {result.notCounted.length > 0 && (
          <p className="stocktake__left">
            {t('stocktake.approved.notCounted', {
              items: result.notCounted.map((line) => `${nameOf(line.sku, line.name)}（${t(`stock.bucket.${line.bucket}`)}）`).join('、'),
            })}
          </p>
        )}
      </div>
      <button type="button" className="outcome__close" onClick={onDismiss} aria-label={t('stock.outcome.dismiss')}>
        ×
      </button>
    </div>
  );
}

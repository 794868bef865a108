import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../../shared/stock/schemas';
import { hallTime, itemName } from '../format';
import type { StockColumnId } from './model';

interface StockCellProps {
  column: StockColumnId;
  item: StockItemView;
  language: string;
}

/** One cell of the stock grid. Numbers stay plain numbers; the low-stock mark sits beside on-hand. */
export function StockCell({ column, item, language }: StockCellProps) {
  const { t } = useTranslation();
  switch (column) {
    case 'item':
      return (
        <span className="grid__item">
          <span className="grid__name">
            {itemName(item, language)}
            {item.serialTracked && <span className="tag tag--serial">{t('stock.grid.serialTracked')}</span>}
          </span>
          <span className="grid__sku">{item.sku}</span>
        </span>
      );
    case 'category':
      return <>{t(`stock.category.${item.category}`)}</>;
    case 'onHand':
      return (
        <span className="grid__onhand">
          {item.low && <span className="tag tag--low">{t('stock.grid.low')}</span>}
          <span className="grid__number">{item.onHand}</span>
        </span>
      );
    case 'lent':
      return <span className="grid__number">{item.lent}</span>;
    case 'display':
      return <span className="grid__number">{item.display}</span>;
    case 'lowThreshold':
      return <span className="grid__number">{item.lowThreshold}</span>;
    case 'lastMovementAt':
      return <>{hallTime(item.lastMovementAt)}</>;
  }
}

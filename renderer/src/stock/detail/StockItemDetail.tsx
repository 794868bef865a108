import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../shared/money/fen';
import { describeError } from '../../api/describeError';
import { Dialog } from '../../approval';
import { StockActions } from '../actions/StockActions';
import type { MoveKind } from '../actions/moveKinds';
import { hallTime, itemName } from '../format';
import { MovementHistory } from './MovementHistory';
import { SerialUnits } from './SerialUnits';
import { useItemCard } from './useItemCard';
import './detail.css';

interface StockItemDetailProps {
  sku: string;
  manager: boolean;
  /** Bumped by the page after it books a movement, so the card reads itself again. */
  version: number;
  onStart: (kind: MoveKind, sku: string) => void;
  onClose: () => void;
}

/** An item's card: balances, the movements that made them (newest first, a page at a time) and, for equipment, every unit and who holds it. */
export function StockItemDetail({ sku, manager, version, onStart, onClose }: StockItemDetailProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { card, movements, more, loadingMore, error, loadMore, reload } = useItemCard(sku);

  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);

  const item = card?.item;
  return (
    <Dialog labelledBy={`${id}-heading`} onClose={onClose} size="wide" testId="stock-item-detail">
      <div className="modal__head">
        <h2 id={`${id}-heading`} className="modal__title" tabIndex={-1}>
          {item ? itemName(item, i18n.language) : sku}
          <span className="detail__sku">{sku}</span>
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('stock.detail.close')}
          <kbd className="button__key">Esc</kbd>
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {item && card && (
        <>
          <dl className="detail__balances" data-testid="detail-balances">
            <div className={`detail__balance${item.low ? ' detail__balance--low' : ''}`}>
              <dt>{t('stock.column.onHand')}</dt>
              <dd data-testid="detail-onhand">{card.balance.onHand}</dd>
            </div>
            <div className="detail__balance">
              <dt>{t('stock.column.display')}</dt>
              <dd>{card.balance.display}</dd>
            </div>
            <div className="detail__balance">
              <dt>{t('stock.column.lent')}</dt>
              <dd>{card.balance.lent}</dd>
            </div>
            <div className="detail__balance">
              <dt>{t('stock.column.lowThreshold')}</dt>
              <dd>{item.lowThreshold}</dd>
            </div>
            <div className="detail__fact">
              <dt>{t('stock.column.category')}</dt>
              <dd>{t(`stock.category.${item.category}`)}</dd>
              <dt>{t('stock.detail.unitValue')}</dt>
              <dd>{formatYuan(item.unitValueFen)}</dd>
              <dt>{t('stock.column.lastMovementAt')}</dt>
              <dd>{hallTime(item.lastMovementAt)}</dd>
            </div>
          </dl>
          {item.low && <p className="detail__low">{t('stock.detail.lowWarning', { onHand: item.onHand, threshold: item.lowThreshold })}</p>}
          <StockActions manager={manager} place="item" onStart={(kind) => onStart(kind, sku)} />
          {item.serialTracked && <SerialUnits units={card.units} />}
          <MovementHistory movements={movements} more={more} loadingMore={loadingMore} onMore={() => void loadMore()} />
        </>
      )}
    </Dialog>
  );
}

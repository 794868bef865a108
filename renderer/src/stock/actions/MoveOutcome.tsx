import { useTranslation } from 'react-i18next';
import type { StockItemView, StockMoveResult } from '../../../../shared/stock/schemas';
import { itemName } from '../format';
import type { MoveKind } from './moveKinds';

export interface BookedMove {
  kind: MoveKind;
  result: StockMoveResult;
}

interface MoveOutcomeProps {
  booked: BookedMove;
  item: StockItemView | undefined;
  onDismiss: () => void;
}

/** What the last movement did, said once after it is booked: the item's balances now, and a low-stock warning. */
export function MoveOutcome({ booked, item, onDismiss }: MoveOutcomeProps) {
  const { t, i18n } = useTranslation();
  const { movement, balance, low } = booked.result;
  const qty = Math.max(Math.abs(movement.deltas.onHand), Math.abs(movement.deltas.display), Math.abs(movement.deltas.lent));
  const name = item ? itemName(item, i18n.language) : movement.sku;
  return (
    <div className={`outcome${low ? ' outcome--low' : ''}`} role="status" data-testid="move-outcome">
      <p className="outcome__text">
        {t('stock.outcome.done', { action: t(`stock.move.kind.${booked.kind}`), item: name, qty })}{' '}
        {t('stock.outcome.balance', { onHand: balance.onHand, display: balance.display, lent: balance.lent })}
        {movement.serials.length > 0 && <> {t('stock.outcome.serials', { serials: movement.serials.join('、') })}</>}
        {low && <strong className="outcome__low"> {t('stock.outcome.low')}</strong>}
      </p>
      <button type="button" className="outcome__close" onClick={onDismiss} aria-label={t('stock.outcome.dismiss')}>
        ×
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { clerkMayStart, moveKinds, type MoveKind } from './moveKinds';

interface StockActionsProps {
  manager: boolean;
  onStart: (kind: MoveKind) => void;
  /** Where the buttons sit: above the grid, or on an item's card. */
  place: 'page' | 'item';
}

/**
 * The movements this staff member may start. A manager sees them all; a clerk only the
 * ones a manager can approve at the counter (damage, returns), marked as such.
 */
export function StockActions({ manager, onStart, place }: StockActionsProps) {
  const { t } = useTranslation();
  const kinds = moveKinds.filter((kind) => manager || clerkMayStart(kind));
  return (
    <div className={`stock-actions stock-actions--${place}`} role="group" aria-label={t('stock.actions.label')}>
      {kinds.map((kind) => (
        <button key={kind} type="button" className="button" onClick={() => onStart(kind)} data-testid={`${place}-action-${kind}`}>
          {t(`stock.move.kind.${kind}`)}
          {!manager && <span className="stock-actions__approval">{t('stock.actions.needsManager')}</span>}
        </button>
      ))}
    </div>
  );
}

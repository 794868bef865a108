import { useTranslation } from 'react-i18next';
import type { MovementView } from '../../../../shared/stock/schemas';
import { describeDeltas, hallTime } from '../format';

interface MovementHistoryProps {
  movements: MovementView[];
  more: boolean;
  loadingMore: boolean;
  onMore: () => void;
}

/** The ledger behind the balances, newest first: when, why, how much, who, and against what. */
export function MovementHistory({ movements, more, loadingMore, onMore }: MovementHistoryProps) {
  const { t } = useTranslation();
  return (
    <section className="detail__section" aria-labelledby="movement-history-heading">
      <h3 id="movement-history-heading" className="detail__subheading">
        {t('stock.detail.history')}
      </h3>
      {movements.length === 0 ? (
        <p className="detail__none">{t('stock.detail.noHistory')}</p>
      ) : (
        <table className="detail__table" data-testid="movement-history">
          <thead>
            <tr>
              <th scope="col">{t('stock.detail.at')}</th>
              <th scope="col">{t('stock.detail.reason')}</th>
              <th scope="col">{t('stock.detail.change')}</th>
              <th scope="col">{t('stock.detail.ref')}</th>
              <th scope="col">{t('stock.detail.staff')}</th>
              <th scope="col">{t('stock.detail.note')}</th>
            </tr>
          </thead>
          <tbody>
            {movements.map((movement) => (
              <tr key={movement.groupId}>
                <td className="detail__time">{hallTime(movement.at)}</td>
                <td className="detail__reason">{t(`stock.reason.${movement.reason}`)}</td>
                <td className="detail__change">
                  {describeDeltas(movement.deltas, t)}
                  {movement.serials.length > 0 && <span className="detail__serials">{movement.serials.join('、')}</span>}
                </td>
                <td>
                  {movement.ref && (
                    <>
                      {t(`stock.refType.${movement.ref.type}`, { defaultValue: movement.ref.type })} <span className="detail__code">{movement.ref.id}</span>
                    </>
                  )}
                  {movement.customer && <span className="detail__customer">{movement.customer.phoneMasked}</span>}
                </td>
                <td>
                  {movement.staffName ?? ''} <span className="detail__code">{movement.staffNo}</span>
                </td>
                <td className="detail__note">{movement.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="button detail__more" onClick={onMore} disabled={loadingMore} data-testid="history-more">
          {loadingMore ? t('stock.detail.loading') : t('stock.detail.more')}
        </button>
      )}
    </section>
  );
}

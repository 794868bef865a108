import { useTranslation } from 'react-i18next';
import type { RedemptionView } from '../../../shared/points/redemption';
import { formatPoints } from '../customer/customerFacts';
import { SlipPrintPanel } from '../slips/SlipPrintPanel';

interface RedemptionDoneProps {
  redemption: RedemptionView;
  onAnother: () => void;
}

/**
 * Redeemed: what was handed over, the points taken and left, every voucher code large
 * enough to read out or photograph (its QR code is on the slip), and the slip itself.
 */
export function RedemptionDone({ redemption, onAnother }: RedemptionDoneProps) {
  const { t } = useTranslation();
  const vouchers = redemption.lines.flatMap((line) => line.vouchers.map((voucher) => ({ ...voucher, name: line.name })));
  return (
    <div className="redeemed" data-testid="redemption-done" data-redemption-no={redemption.redemptionNo}>
      <div className="redeemed__head">
        <p className="enrol-done__note" role="status">
          {t('redeem.done.note', {
            redemptionNo: redemption.redemptionNo,
            points: formatPoints(redemption.totalPoints),
            after: formatPoints(redemption.pointsAfter),
          })}
        </p>
        <button type="button" className="button button--compact" onClick={onAnother} data-testid="redeem-another">
          {t('redeem.done.another')}
          <kbd className="button__key">Esc</kbd>
        </button>
      </div>
      <ul className="redeemed__lines">
        {redemption.lines.map((line) => (
          <li key={line.catalogueCode}>
            {t('redeem.done.line', { name: line.name, quantity: line.quantity, points: formatPoints(line.points) })}
            {line.serviceStatus === 'pending_activation' && <span className="pill pill--warn">{t('redeem.done.pendingActivation')}</span>}
          </li>
        ))}
      </ul>
      {vouchers.length > 0 && (
        <section className="vouchers" aria-label={t('redeem.done.vouchers')} data-testid="voucher-codes">
          <h3 className="vouchers__title">{t('redeem.done.vouchers')}</h3>
          <ul className="vouchers__list">
            {vouchers.map((voucher) => (
              <li key={voucher.code} className="voucher">
                <span className="voucher__name">{voucher.name}</span>
                <span className="voucher__code" data-testid="voucher-code">
                  {voucher.code}
                </span>
                <span className="voucher__until">{t('redeem.done.validUntil', { on: voucher.validUntil })}</span>
              </li>
            ))}
          </ul>
          <p className="vouchers__hint">{t('redeem.done.qrOnSlip')}</p>
        </section>
      )}
      <SlipPrintPanel slipNo={redemption.slipNo} fresh />
    </div>
  );
}

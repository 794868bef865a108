import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedemptionView } from '../../../shared/points/redemption';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import { describeError } from '../api/describeError';
import { formatPoints } from '../customer/customerFacts';
import type { Read } from '../customer/useRead';
import { ReprintDialog } from '../reprint/ReprintDialog';
import { SlipPrintPanel } from '../slips/SlipPrintPanel';
import { VoidForm, type Voided } from './VoidForm';

interface PastRedemptionsProps {
  redemptions: Read<{ redemptions: RedemptionView[] }>;
  onVoided: () => void;
}

/** The customer's redemptions at this counter, newest first: what was taken, the codes issued, reprint, and void. */
export function PastRedemptions({ redemptions, onVoided }: PastRedemptionsProps) {
  const { t } = useTranslation();
  const [voiding, setVoiding] = useState<string | null>(null);
  const [voided, setVoided] = useState<(Voided & { redemptionNo: string }) | null>(null);
  const [reprint, setReprint] = useState<string | null>(null);
  const list = redemptions.value?.redemptions;

  if (!list) {
    return (
      <p className={redemptions.error ? 'form-error' : 'history__empty'} role={redemptions.error ? 'alert' : 'status'}>
        {redemptions.error ? describeError(redemptions.error) : t('redeem.past.loading')}
      </p>
    );
  }
  if (list.length === 0) return <p className="history__empty">{t('redeem.past.none')}</p>;
  return (
    <>
      <ul className="history" data-testid="past-redemptions">
        {list.map((redemption) => (
          <li key={redemption.redemptionNo} className="history__item" data-redemption-no={redemption.redemptionNo}>
            <div className="history__head">
              <strong className="history__slip-no">{redemption.redemptionNo}</strong>
              <span className={`pill ${redemption.status === 'completed' ? 'pill--ok' : 'pill--danger'}`} data-testid="redemption-status">
                {t(`redeem.past.status.${redemption.status}`)}
              </span>
              {redemption.pendingHq && <span className="pill pill--warn">{t('redeem.past.pendingHq')}</span>}
            </div>
            <p className="history__meta">
              {t('redeem.past.meta', {
                at: shanghaiDateTime(new Date(redemption.createdAt)),
                staffNo: redemption.staffNo,
                points: formatPoints(redemption.totalPoints),
                before: formatPoints(redemption.pointsBefore),
                after: formatPoints(redemption.pointsAfter),
              })}
            </p>
            <ul className="history__benefits">
              {redemption.lines.map((line) => (
                <li key={line.catalogueCode}>
                  {t('redeem.done.line', { name: line.name, quantity: line.quantity, points: formatPoints(line.points) })}
                  {line.vouchers.map((voucher) => (
                    <span key={voucher.code} className={`past__code past__code--${voucher.status}`}>
                      {voucher.code} {t(`redeem.past.code.${voucher.status}`)}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
            {redemption.void && (
              <p className="history__meta">
                {t('redeem.past.voidedBy', { slipNo: redemption.void.slipNo, by: redemption.void.by, approvedBy: redemption.void.approvedBy, reason: redemption.void.reason })}
              </p>
            )}
            <div className="history__slip">
              <button type="button" className="button button--compact" onClick={() => setReprint(redemption.slipNo)} aria-label={t('reprint.reprintOf', { slipNo: redemption.slipNo })}>
                {t('reprint.reprint')}
              </button>
              {redemption.status === 'completed' && voiding !== redemption.redemptionNo && (
                <button type="button" className="button button--compact button--void" onClick={() => setVoiding(redemption.redemptionNo)} data-testid="void-start">
                  {t('redeem.void.start')}
                </button>
              )}
            </div>
            {voiding === redemption.redemptionNo && (
              <VoidForm
                redemption={redemption}
                onClose={() => setVoiding(null)}
                onVoided={(done) => {
                  setVoiding(null);
                  setVoided({ ...done, redemptionNo: redemption.redemptionNo });
                  onVoided();
                }}
              />
            )}
            {voided?.redemptionNo === redemption.redemptionNo && (
              <div className="prizes__done" data-testid="void-done">
                <p className="enrol-done__note" role="status">
                  {t('redeem.void.done', { points: formatPoints(redemption.totalPoints), after: formatPoints(voided.pointsAfter) })}
                  {voided.expiredPointsRestored > 0 && ` ${t('redeem.void.expired', { points: formatPoints(voided.expiredPointsRestored) })}`}
                </p>
                <SlipPrintPanel slipNo={voided.voidSlipNo} fresh />
              </div>
            )}
          </li>
        ))}
      </ul>
      {reprint !== null && <ReprintDialog slipNo={reprint} onClose={() => setReprint(null)} />}
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedemptionView } from '../../../shared/points/redemption';
import { api } from '../api/client';
import { useManagerApproval } from '../approval';
import { formatPoints } from '../customer/customerFacts';
import { describeRedeemError } from './errors';

export interface Voided {
  voidSlipNo: string;
  pointsAfter: number;
  expiredPointsRestored: number;
}

interface VoidFormProps {
  redemption: RedemptionView;
  onVoided: (voided: Voided) => void;
  onClose: () => void;
}

/**
 * Voiding a redemption (作废): the reason is required; a clerk's void goes on only with a
 * manager's staff number and PIN typed at the counter (the step-up prompt). Points, stock
 * and voucher codes go back in one transaction and a VOID slip prints.
 */
export function VoidForm({ redemption, onVoided, onClose }: VoidFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const approval = useManagerApproval();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const why = reason.trim();
    if (why.length < 2) return setProblem(t('redeem.void.needReason'));
    setBusy(true);
    setProblem('');
    const outcome = await approval.withApproval(
      (grant) => api.call['redemption.void']({ redemptionNo: redemption.redemptionNo, reason: why, ...(grant ? { approval: grant } : {}) }),
      t('redeem.void.purpose', { redemptionNo: redemption.redemptionNo, points: formatPoints(redemption.totalPoints) }),
    );
    setBusy(false);
    if (outcome === 'cancelled') return;
    if (!outcome.ok) return setProblem(describeRedeemError(outcome.error, t, (code) => code));
    const { voidSlipNo, pointsAfter, expiredPointsRestored } = outcome.value;
    onVoided({ voidSlipNo, pointsAfter, expiredPointsRestored });
  }

  return (
    <>
      <form
        className="void-form"
        noValidate
        aria-label={t('redeem.void.title', { redemptionNo: redemption.redemptionNo })}
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !busy && !approval.asking) {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
        data-testid="void-form"
      >
        <p className="void-form__explain">{t('redeem.void.explain')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('redeem.void.reason')}
          </label>
          <input
            id={`${id}-reason`}
            className="field__input"
            autoComplete="off"
            maxLength={200}
            autoFocus
            value={reason}
            aria-invalid={problem !== ''}
            aria-describedby={`${id}-error`}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem('');
            }}
          />
        </div>
        <p id={`${id}-error`} className="form-error" role="alert" data-testid="void-error">
          {problem}
        </p>
        <div className="trial-form__buttons">
          <button type="button" className="button button--compact" onClick={onClose} disabled={busy}>
            {t('redeem.void.close')}
            <kbd className="button__key">Esc</kbd>
          </button>
          <button type="submit" className="button button--primary button--compact" aria-disabled={busy} data-testid="void-submit">
            {busy ? t('redeem.void.voiding') : t('redeem.void.submit')}
            <kbd className="button__key">Enter</kbd>
          </button>
        </div>
      </form>
      {approval.dialog}
    </>
  );
}

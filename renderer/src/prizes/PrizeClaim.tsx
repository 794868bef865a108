import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalReasons } from '../../../shared/contract/refusals';
import type { PrizeRefusalCode } from '../../../shared/enrolment/prize-contract';
import type { PrizeWinView } from '../../../shared/enrolment/views';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';
import { idNumberProblem } from '../customer/WalkInForm';

/** A prize refused, in words that say what to do: check the card, the window has passed, ask for stock. */
function describeClaimError(error: ApiError, t: TFunction): string {
  const d = error.details ?? {};
  const [reason] = error.code === 'NOT_ELIGIBLE' ? refusalReasons(error.details) : [];
  if (reason?.code === ('IDENTITY_MISMATCH' satisfies PrizeRefusalCode)) return t('prizes.errors.identity', { attempts: reason.values?.attempts });
  if (reason?.code === ('CLAIM_WINDOW_PASSED' satisfies PrizeRefusalCode)) {
    return t('prizes.errors.window', { claimBy: reason.values?.claimBy, wonOn: reason.values?.wonOn });
  }
  if (error.code === 'INSUFFICIENT_STOCK') return t('prizes.errors.stock');
  if (error.code === 'CONFLICT' && typeof d.slipNo === 'string') return t('prizes.errors.claimed', { slipNo: d.slipNo });
  return describeError(error);
}

interface PrizeClaimProps {
  win: PrizeWinView;
  onClaimed: (slipNo: string) => void;
  onClose: () => void;
}

/**
 * Handing over a prize: the winner shows their ID card and the clerk types its number —
 * the only full number this screen takes — which the core checks against the hash on file.
 * A wrong number keeps what was typed, so one mistyped digit can be corrected.
 */
export function PrizeClaim({ win, onClaimed, onClose }: PrizeClaimProps) {
  const { t } = useTranslation();
  const id = useId();
  const [idNumber, setIdNumber] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const bad = idNumberProblem(idNumber);
    if (bad) return setProblem(t(bad));
    setBusy(true);
    const result = await api.call['prize.claim']({ winId: win.winId, idNumber: idNumber.trim().toUpperCase() });
    setBusy(false);
    if (!result.ok) return setProblem(describeClaimError(result.error, t));
    setIdNumber('');
    onClaimed(result.value.slipNo);
  }

  return (
    <form
      className="prize-claim"
      noValidate
      aria-label={t('prizes.claimFor', { prize: win.prizeName })}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
      data-testid="prize-claim"
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-id`}>
          {t('prizes.idNumber')}
        </label>
        <input
          id={`${id}-id`}
          className="field__input field__input--id"
          autoComplete="off"
          spellCheck={false}
          maxLength={18}
          autoFocus
          value={idNumber}
          aria-invalid={problem !== ''}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(event) => {
            setIdNumber(event.target.value);
            setProblem('');
          }}
        />
        <div id={`${id}-hint`} className="field__hint">
          {t('prizes.idHint')}
        </div>
      </div>
      <p id={`${id}-error`} className="form-error" role="alert" data-testid="prize-error">
        {problem}
      </p>
      <div className="trial-form__buttons">
        <button type="button" className="button button--compact" onClick={onClose} disabled={busy}>
          {t('prizes.close')}
          <kbd className="button__key">Esc</kbd>
        </button>
        <button type="submit" className="button button--primary button--compact" aria-disabled={busy}>
          {busy ? t('prizes.claiming') : t('prizes.claim')}
          <kbd className="button__key">Enter</kbd>
        </button>
      </div>
    </form>
  );
}

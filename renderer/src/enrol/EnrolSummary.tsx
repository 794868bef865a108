import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalReason } from '../../../shared/contract/refusals';
import { toRefusalReason } from '../../../shared/enrolment/refusals';
import type { BenefitView, CustomerEvaluation } from '../../../shared/enrolment/views';
import { benefitLine, InstalmentTable, PaymentLines, TrialTerms } from './BenefitLines';
import { ReasonList } from './ReasonList';

interface EnrolSummaryProps {
  checked: CustomerEvaluation;
  /** The entries changed since this check: it no longer says what would be enrolled. */
  stale: boolean;
  busy: boolean;
  /** Why the enrolment itself was refused (the core checks again when it writes). */
  refusal: { text: string; reasons: readonly RefusalReason[] } | null;
  onConfirm: () => void;
  /** Check the changed entries again (Enter on a summary that no longer matches them). */
  onRecheck: () => void;
  focus: number;
}

function BenefitItem({ benefit }: { benefit: BenefitView }) {
  const { t } = useTranslation();
  if (benefit.type === 'payment') return null;
  return (
    <li className={`benefits__item benefits__item--${benefit.type}`} data-benefit={benefit.type}>
      <span className="benefits__line">{benefitLine(benefit, t)}</span>
      {benefit.type === 'credit_schedule' && <InstalmentTable benefit={benefit} />}
      {benefit.type === 'trial' && <TrialTerms benefit={benefit} />}
    </li>
  );
}

/**
 * What the customer gets, exactly as it will be stored and printed: the gift, the
 * instalments month by month, the trial dates, points and their expiry, and what the
 * customer pays today — or every reason still standing in the way. Enter confirms.
 */
export function EnrolSummary({ checked, stale, busy, refusal, onConfirm, onRecheck, focus }: EnrolSummaryProps) {
  const { t } = useTranslation();
  const confirm = useRef<HTMLButtonElement>(null);
  const { evaluation } = checked;
  const payment = evaluation.benefits.find((b) => b.type === 'payment');

  useEffect(() => {
    if (focus > 0) confirm.current?.focus();
  }, [focus]);

  if (!evaluation.eligible) {
    return (
      <section className="summary summary--refused" aria-labelledby="enrol-summary-title" data-testid="enrol-summary">
        <h3 id="enrol-summary-title" className="summary__title">
          {t('enrol.summary.refused')}
        </h3>
        <ReasonList reasons={evaluation.reasons.map(toRefusalReason)} testId="summary-reasons" />
        <p className="summary__hint">{t('enrol.summary.fixHint')}</p>
      </section>
    );
  }
  return (
    <section className={`summary${stale ? ' summary--stale' : ''}`} aria-labelledby="enrol-summary-title" data-testid="enrol-summary">
      <h3 id="enrol-summary-title" className="summary__title">
        {t('enrol.summary.title')}
      </h3>
      {stale && <p className="summary__stale">{t('enrol.summary.stale')}</p>}
      <ul className="benefits">
        {evaluation.benefits.map((benefit, index) => (
          <BenefitItem key={`${benefit.type}-${index}`} benefit={benefit} />
        ))}
      </ul>
      {payment?.type === 'payment' && <PaymentLines benefit={payment} />}
      {refusal && (
        <div className="summary__refusal" role="alert" data-testid="enrol-refusal">
          <p>{refusal.text}</p>
          {refusal.reasons.length > 0 && <ReasonList reasons={refusal.reasons} />}
        </div>
      )}
      <div className="summary__buttons">
        <span className="summary__hint">{t('enrol.summary.backHint')}</span>
        <button
          ref={confirm}
          type="button"
          className="button button--primary button--confirm"
          aria-disabled={busy}
          onClick={() => {
            if (busy) return;
            if (stale) onRecheck();
            else onConfirm();
          }}
          data-testid="enrol-confirm"
        >
          {busy ? t('enrol.summary.enrolling') : stale ? t('enrol.summary.recheck') : t('enrol.summary.confirm')}
          <kbd className="button__key">Enter</kbd>
        </button>
      </div>
    </section>
  );
}

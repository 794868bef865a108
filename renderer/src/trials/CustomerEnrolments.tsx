import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView, TrialView } from '../../../shared/enrolment/views';
import { formatYuan } from '../../../shared/money/fen';
import { describeError } from '../api/describeError';
import type { Read } from '../customer/useRead';
import { benefitLine } from '../enrol/BenefitLines';
import { enrolmentCampaignName } from '../enrol/names';
import { ReprintDialog } from '../reprint/ReprintDialog';
import { TrialActions } from './TrialActions';
import './trials.css';

interface CustomerEnrolmentsProps {
  enrolments: Read<{ enrolments: EnrolmentView[] }>;
  onChanged: () => void;
}

/**
 * The customer's enrolments at this counter, newest first, with what each gave, its slip
 * (to reprint) and, for an iTV trial, its dates, lent units and the actions it still needs.
 */
export function CustomerEnrolments({ enrolments, onChanged }: CustomerEnrolmentsProps) {
  const { t, i18n } = useTranslation();
  const [reprint, setReprint] = useState<string | null>(null);
  const list = enrolments.value?.enrolments;

  if (!list) {
    return (
      <p className={enrolments.error ? 'form-error' : 'history__empty'} role={enrolments.error ? 'alert' : 'status'}>
        {enrolments.error ? describeError(enrolments.error) : t('trials.loading')}
      </p>
    );
  }
  if (list.length === 0) return <p className="history__empty">{t('trials.none')}</p>;
  return (
    <>
      <ul className="history" data-testid="enrolment-history">
        {list.map((enrolment) => {
          const trialBenefit = enrolment.benefits.find((b) => b.type === 'trial');
          return (
            <li key={enrolment.enrolmentNo} className="history__item" data-enrolment-no={enrolment.enrolmentNo}>
              <div className="history__head">
                <span className="campaign__kind">{t(`enrol.kind.${enrolment.kind}`)}</span>
                <strong>{enrolmentCampaignName(enrolment, i18n.language)}</strong>
                <span className={`pill ${enrolment.status === 'active' ? 'pill--ok' : 'pill--muted'}`}>{t(`trials.enrolmentStatus.${enrolment.status}`)}</span>
              </div>
              <p className="history__meta">
                {t('trials.meta', { enrolledOn: enrolment.enrolledOn, enrolmentNo: enrolment.enrolmentNo, staffNo: enrolment.staffNo })}
              </p>
              <ul className="history__benefits">
                {enrolment.benefits.map((benefit, index) => (
                  <li key={`${benefit.type}-${index}`}>{benefitLine(benefit, t)}</li>
                ))}
              </ul>
              {enrolment.trial && (
                <TrialState trial={enrolment.trial}>
                  <TrialActions
                    trial={enrolment.trial}
                    recoversOldModem={trialBenefit?.type === 'trial' && trialBenefit.recoverOldModem}
                    oldModemKnown={trialBenefit?.type === 'trial' && trialBenefit.oldModemSerial !== null}
                    onChanged={onChanged}
                  />
                </TrialState>
              )}
              <div className="history__slip">
                <span className="history__slip-no">{t('trials.slip', { slipNo: enrolment.slipNo })}</span>
                <button type="button" className="button button--compact" onClick={() => setReprint(enrolment.slipNo)} aria-label={t('reprint.reprintOf', { slipNo: enrolment.slipNo })}>
                  {t('reprint.reprint')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {reprint !== null && <ReprintDialog slipNo={reprint} onClose={() => setReprint(null)} />}
    </>
  );
}

function TrialState({ trial, children }: { trial: TrialView; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`trial trial--${trial.status}`} data-testid={`trial-${trial.enrolmentNo}`} data-status={trial.status}>
      <p className="trial__status">
        <span className="pill pill--new" data-testid="trial-status">
          {t(`trials.status.${trial.status}`)}
        </span>
        {t('trials.dates', {
          installBy: trial.installBy,
          completion: trial.completionOn ?? '—',
          freeUntil: trial.freeUntil ?? '—',
          conversion: trial.conversionOn ?? '—',
          fee: formatYuan(trial.monthlyFeeFen),
        })}
      </p>
      <ul className="trial__units">
        {trial.equipment.map((unit) => (
          <li key={unit.serial}>
            {unit.name} <span className="trial__serial">{unit.serial}</span> · {t(`trials.unit.${unit.status}`)}
          </li>
        ))}
      </ul>
      {trial.recovery && (
        <p className="trial__recovery">
          {t(trial.recovery.status === 'open' ? 'trials.recoveryOpen' : 'trials.recoveryDone', {
            orderId: trial.recovery.orderId,
            due: trial.recovery.dueOn,
            closed: trial.recovery.closedOn ?? '',
          })}
        </p>
      )}
      {trial.feeWaiverMonth && <p className="trial__recovery">{t('trials.feeWaived', { month: trial.feeWaiverMonth })}</p>}
      {children}
    </div>
  );
}

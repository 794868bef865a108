import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerEvaluation, EnrolmentView } from '../../../shared/enrolment/views';
import { describeError } from '../api/describeError';
import type { Read } from '../customer/useRead';
import { SlipPrintPanel } from '../slips/SlipPrintPanel';
import { CampaignList } from './CampaignList';
import { EnrolSummary } from './EnrolSummary';
import { campaignName } from './names';
import { OptionsForm } from './OptionsForm';
import { isStale, useEnrolFlow } from './useEnrolFlow';

interface EnrolFlowProps {
  customerId: number;
  evaluations: Read<{ today: string; evaluations: CustomerEvaluation[] }>;
  onEnrolled: (enrolment: EnrolmentView) => void;
  /** Escape on the campaign list: back out to the customer search. */
  onLeave: () => void;
}

/** The enrolment task for the customer at the counter: choose, enter, check, confirm, print. Escape steps back. */
export function EnrolFlow({ customerId, evaluations, onEnrolled, onLeave }: EnrolFlowProps) {
  const { t, i18n } = useTranslation();
  const flow = useEnrolFlow(customerId, onEnrolled);
  const { stage } = flow;

  function onKey(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (stage.stage === 'list') onLeave();
    else flow.back();
  }

  if (stage.stage === 'list') {
    return (
      <div className="enrol-flow" onKeyDown={onKey}>
        {evaluations.value ? (
          <CampaignList evaluations={evaluations.value.evaluations} onChoose={flow.choose} focus={flow.focus.list} />
        ) : (
          <p className={evaluations.error ? 'form-error' : 'enrol-flow__loading'} role={evaluations.error ? 'alert' : 'status'}>
            {evaluations.error ? describeError(evaluations.error) : t('enrol.list.loading')}
          </p>
        )}
      </div>
    );
  }

  const { campaign } = stage;
  return (
    <div className="enrol-flow" onKeyDown={onKey}>
      <header className="enrol-flow__head">
        <div>
          <span className="campaign__kind">{t(`enrol.kind.${campaign.kind}`)}</span>
          <h3 className="enrol-flow__title" data-testid="enrol-campaign">
            {campaignName(campaign, i18n.language)}
          </h3>
          {i18n.language !== 'en' && <p className="enrol-flow__description">{campaign.description}</p>}
        </div>
        <button type="button" className="button button--compact" onClick={flow.back} data-testid="enrol-back">
          {stage.stage === 'done' ? t('enrol.flow.another') : t('enrol.flow.back')}
          <kbd className="button__key">Esc</kbd>
        </button>
      </header>
      {stage.stage === 'done' ? (
        <EnrolDone enrolment={stage.enrolment} />
      ) : (
        <div className={`enrol-flow__work${campaign.options.length === 0 ? ' enrol-flow__work--no-options' : ''}`}>
          {campaign.options.length > 0 && (
            <OptionsForm
              campaign={campaign}
              draft={flow.draft}
              onDraft={flow.setDraft}
              problem={flow.problem}
              busy={flow.busy}
              onCheck={() => void flow.check()}
              focus={flow.focus.form}
            />
          )}
          {stage.checked ? (
            <EnrolSummary
              checked={stage.checked}
              stale={isStale(stage, flow.draft)}
              busy={flow.busy}
              refusal={flow.refusal}
              onConfirm={() => void flow.confirm()}
              onRecheck={() => void flow.check()}
              focus={flow.focus.confirm}
            />
          ) : (
            <p className="enrol-flow__next" role="status">
              {flow.busy ? t('enrol.options.checking') : flow.problem && campaign.options.length === 0 ? flow.problem.text : t('enrol.flow.fillIn')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Enrolled: the numbers to quote and the slip, printed by itself when the counter prints automatically. */
function EnrolDone({ enrolment }: { enrolment: EnrolmentView }) {
  const { t } = useTranslation();
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    note.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div className="enrol-done" data-testid="enrol-done" data-enrolment-no={enrolment.enrolmentNo}>
      <p ref={note} className="enrol-done__note" role="status">
        {t('enrol.flow.done', { enrolmentNo: enrolment.enrolmentNo })}
      </p>
      <SlipPrintPanel slipNo={enrolment.slipNo} fresh />
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { toRefusalReason } from '../../../shared/enrolment/refusals';
import type { CustomerEvaluation, EvaluationStatus } from '../../../shared/enrolment/views';
import { moveWithArrows } from '../customer/CustomerResults';
import { campaignName } from './names';
import { ReasonList } from './ReasonList';
import { reasonSentence } from './reasonText';

const groups: readonly EvaluationStatus[] = ['eligible', 'needs_options', 'ineligible'];

interface CampaignListProps {
  evaluations: CustomerEvaluation[];
  onChoose: (evaluation: CustomerEvaluation) => void;
  /** Changes when the list should take the focus: on the campaign named, else the first one the customer may join. */
  focus: { request: number; campaignId: string | null };
}

/**
 * Every campaign on offer today for this customer: those they may join first, then those
 * that only need the clerk's entries, then the ones they may not join, each with every
 * reason. ↑↓ move between the campaigns, Enter opens one.
 */
export function CampaignList({ evaluations, onChoose, focus }: CampaignListProps) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focus.request === 0) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-pick]') ?? [])];
    (buttons.find((button) => button.dataset.campaign === focus.campaignId) ?? buttons[0])?.focus();
  }, [focus, evaluations]);

  const count = (status: EvaluationStatus) => evaluations.filter((e) => e.status === status).length;
  return (
    <div ref={list} className="campaigns" onKeyDown={moveWithArrows} data-testid="campaign-list">
      <p className="campaigns__summary">
        {t('enrol.list.summary', { eligible: count('eligible'), needs: count('needs_options'), ineligible: count('ineligible') })}
      </p>
      {groups.map((status) => {
        const shown = evaluations.filter((e) => e.status === status);
        if (shown.length === 0) return null;
        return (
          <section key={status} className={`campaigns__group campaigns__group--${status}`} aria-label={t(`enrol.status.${status}`)}>
            <h3 className="campaigns__heading">
              {t(`enrol.status.${status}`)} <span className="campaigns__count">{shown.length}</span>
            </h3>
            <ul className="campaigns__list">
              {shown.map((evaluation) => (
                <CampaignRow key={evaluation.campaign.id} evaluation={evaluation} onChoose={onChoose} language={i18n.language} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function CampaignRow({ evaluation, onChoose, language }: { evaluation: CustomerEvaluation; onChoose: (e: CustomerEvaluation) => void; language: string }) {
  const { t } = useTranslation();
  const { campaign, status } = evaluation;
  const name = campaignName(campaign, language);
  const head = (
    <>
      <span className="campaign__kind">{t(`enrol.kind.${campaign.kind}`)}</span>
      <span className="campaign__name">{name}</span>
      <span className={`pill ${status === 'eligible' ? 'pill--ok' : status === 'needs_options' ? 'pill--warn' : 'pill--muted'}`}>
        {t(`enrol.status.${status}`)}
      </span>
    </>
  );
  if (status === 'ineligible') {
    return (
      <li className="campaign campaign--ineligible" data-testid={`campaign-${campaign.id}`} data-status={status}>
        <div className="campaign__head">{head}</div>
        <ReasonList reasons={evaluation.evaluation.reasons.map(toRefusalReason)} testId={`reasons-${campaign.id}`} />
      </li>
    );
  }
  return (
    <li className={`campaign campaign--${status}`} data-testid={`campaign-${campaign.id}`} data-status={status}>
      <button type="button" className="campaign__choose" data-pick data-campaign={campaign.id} onClick={() => onChoose(evaluation)}>
        <span className="campaign__head">{head}</span>
        {language !== 'en' && <span className="campaign__description">{campaign.description}</span>}
        {status === 'needs_options' && (
          <span className="campaign__needs">
            {t('enrol.list.needs', { what: evaluation.evaluation.reasons.map((r) => reasonSentence(r, language).replace(/[。.]$/, '')).join(t('enrol.list.joiner')) })}
          </span>
        )}
        <span className="campaign__go" aria-hidden="true">
          {t('enrol.list.choose')} ›
        </span>
      </button>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../shared/campaigns/reasons';
import { reasonSentence, showsAlternatives } from './reasonText';

/** Every reason a customer may not join, each with where the fix lies (the customer, an entry, stock…). */
export function ReasonList({ reasons, testId }: { reasons: readonly Reason[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="reasons" data-testid={testId}>
      {reasons.map((reason, index) => (
        <li key={`${reason.code}-${index}`} className={`reasons__item reasons__item--${reason.category}`} data-code={reason.code}>
          <span className="reasons__category">{t(`enrol.category.${reason.category}`)}</span>
          <span className="reasons__text">{reasonSentence(reason, i18n.language)}</span>
          {showsAlternatives(reason, i18n.language) && (
            <ol className="reasons__alternatives">
              {(reason.alternatives ?? []).map((alternative, at) => (
                <li key={at}>
                  <ReasonList reasons={alternative} />
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import type { RefusalReason } from '../../../shared/contract/refusals';
import { alternativesOf, categoryOf } from '../../../shared/enrolment/refusals';
import { reasonSentence } from './reasonText';

/**
 * Every reason a customer may not join, each with where the fix lies (the customer, an
 * entry, stock…). In English the alternatives of a NONE_OF_ALTERNATIVES reason are listed
 * too; in Chinese the core's text already names every one.
 */
export function ReasonList({ reasons, testId }: { reasons: readonly RefusalReason[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <ul className="reasons" data-testid={testId}>
      {reasons.map((reason, index) => {
        const category = categoryOf(reason.code);
        const alternatives = english ? alternativesOf(reason) : [];
        return (
          <li key={`${reason.code}-${index}`} className={`reasons__item reasons__item--${category ?? 'other'}`} data-code={reason.code}>
            {category && <span className="reasons__category">{t(`enrol.category.${category}`)}</span>}
            <span className="reasons__text">{reasonSentence(reason, i18n.language)}</span>
            {alternatives.length > 0 && (
              <ol className="reasons__alternatives">
                {alternatives.map((alternative, at) => (
                  <li key={at}>
                    <ReasonList reasons={alternative} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ul>
  );
}

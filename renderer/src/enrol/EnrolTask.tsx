import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../../shared/customers/contract';
import { api } from '../api/client';
import { refreshCurrentCustomer } from '../customer/currentCustomer';
import { useRead } from '../customer/useRead';
import { PrizeWins } from '../prizes/PrizeWins';
import { CustomerEnrolments } from '../trials/CustomerEnrolments';
import { EnrolFlow } from './EnrolFlow';
import { TaskTabs } from './TaskTabs';

type Tab = 'campaigns' | 'history' | 'prizes';

/**
 * The task column of the Enrol page for the customer at the counter: the campaigns to
 * enrol, the enrolments already made here (trials to install, cancel, recover) and the
 * lottery prizes waiting at the desk. Switching tabs keeps each one as it was.
 */
export function EnrolTask({ customer, onLeave }: { customer: CustomerCard; onLeave: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('campaigns');
  const customerId = customer.customerId;
  const evaluations = useRead(`evaluations:${customerId}`, () => api.call['campaign.evaluateForCustomer']({ customerId }));
  const enrolments = useRead(`enrolments:${customerId}`, () => api.call['enrolment.listForCustomer']({ customerId, limit: 50 }));
  const wins = useRead(`wins:${customerId}`, () => api.call['prize.listWins']({ customerId }));
  const { reload: reloadEvaluations } = evaluations;
  const { reload: reloadEnrolments } = enrolments;
  const { reload: reloadWins } = wins;

  const enrolled = useCallback(() => {
    reloadEvaluations();
    reloadEnrolments();
    void refreshCurrentCustomer();
  }, [reloadEnrolments, reloadEvaluations]);

  const waiting = (wins.value?.wins ?? []).filter((win) => win.claimable).length;
  const panel = (id: Tab) => ({ id: `enrol-panel-${id}`, role: 'tabpanel', 'aria-labelledby': `enrol-tab-${id}`, hidden: tab !== id, className: 'task-panel' });
  return (
    <div className="counter-page__task" data-testid="enrol-task">
      <TaskTabs
        label={t('enrol.tabs.label')}
        idPrefix="enrol"
        current={tab}
        onSelect={setTab}
        tabs={[
          { id: 'campaigns', label: t('enrol.tabs.campaigns') },
          { id: 'history', label: t('enrol.tabs.history'), count: enrolments.value?.enrolments.length ?? 0 },
          { id: 'prizes', label: t('enrol.tabs.prizes'), count: waiting, alert: true },
        ]}
      />
      <div {...panel('campaigns')}>
        <EnrolFlow customerId={customerId} evaluations={evaluations} onEnrolled={enrolled} onLeave={onLeave} />
      </div>
      <div {...panel('history')}>
        <CustomerEnrolments
          enrolments={enrolments}
          onChanged={() => {
            reloadEnrolments();
            reloadEvaluations();
          }}
        />
      </div>
      <div {...panel('prizes')}>
        <PrizeWins wins={wins} onClaimed={reloadWins} />
      </div>
    </div>
  );
}

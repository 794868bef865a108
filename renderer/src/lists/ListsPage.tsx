import { useState } from 'react';
import type { CounterInfo } from '../api/types';
import { PageFrame } from '../pages/PageFrame';
import { listPanelId, ListsTabs, type ListTab } from './ListsTabs';
import { RecoveriesPanel } from './RecoveriesPanel';
import { ReferralsPanel } from './ReferralsPanel';
import { RegisterPanel } from './RegisterPanel';
import { TrialCallsPanel } from './TrialCallsPanel';
import './lists.css';

/**
 * The follow-up lists (清单): the trial calls of month 1 and month 3, the equipment to
 * bring back, the referral credits owed, and the weekly trial register for billing.
 * Every view stays mounted, so a filter set on one is still there on coming back.
 */
export function ListsPage({ info }: { info: CounterInfo }) {
  const [tab, setTab] = useState<ListTab>('usage');
  const panel = (which: ListTab) => ({ id: listPanelId(which), role: 'tabpanel', 'aria-labelledby': `lists-tab-${which}`, hidden: tab !== which });
  return (
    <PageFrame page="lists">
      <ListsTabs current={tab} onSelect={setTab} />
      <div {...panel('usage')}>
        <TrialCallsPanel kind="trial_usage_call" visible={tab === 'usage'} hall={info.hall} />
      </div>
      <div {...panel('expiry')}>
        <TrialCallsPanel kind="trial_expiry_notice" visible={tab === 'expiry'} hall={info.hall} />
      </div>
      <div {...panel('recoveries')}>
        <RecoveriesPanel visible={tab === 'recoveries'} hall={info.hall} />
      </div>
      <div {...panel('referrals')}>
        <ReferralsPanel visible={tab === 'referrals'} hall={info.hall} />
      </div>
      <div {...panel('register')}>
        <RegisterPanel visible={tab === 'register'} />
      </div>
    </PageFrame>
  );
}

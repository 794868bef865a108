import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describeError';
import type { CounterInfo, StaffView } from '../api/types';
import { PageFrame } from '../pages/PageFrame';
import { ConflictTasks } from './ConflictTasks';
import { RejectedEvents } from './RejectedEvents';
import { SyncAlerts } from './SyncAlerts';
import { SyncTiles } from './SyncTiles';
import { SyncToolbar } from './SyncToolbar';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

/**
 * The sync page (同步): is HQ there, when did the counter last get through, what is
 * still waiting to go and how long, whether the clocks agree, what HQ refused, and the
 * conflicts between counters as the manager's tasks. "Sync now" with a progress bar.
 */
export function SyncPage({ info, staff }: { info: CounterInfo; staff: StaffView }) {
  const { t } = useTranslation();
  const { status, readAt, error, refresh } = useSyncStatus();
  // "3 分钟前" on the core's clock: a frozen one (demo, tests) stands still at its time.
  const now = info.clockFrozen ? Date.parse(info.now) : readAt;

  return (
    <PageFrame page="sync">
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {!status ? (
        !error && <p className="sync-note">{t('syncPage.loading')}</p>
      ) : (
        <div className="sync" data-testid="sync-page">
          <SyncToolbar status={status} now={now} onStarted={refresh} />
          <SyncTiles status={status} now={now} demo={info.demo} />
          <SyncAlerts status={status} />
          {status.registered && (
            <div className="sync-columns">
              <ConflictTasks status={status} now={now} isManager={staff.role === 'manager'} />
              <RejectedEvents status={status} now={now} />
            </div>
          )}
        </div>
      )}
    </PageFrame>
  );
}

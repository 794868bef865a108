import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import type { CounterStatus } from '../api/types';
import { PageFrame, PlannedNotice } from './PageFrame';

export function SyncPage({ status }: { status: CounterStatus | null }) {
  const { t } = useTranslation();
  return (
    <PageFrame page="sync">
      <dl className="facts">
        <dt>{t('sync.hq')}</dt>
        <dd>{t(`topbar.hq.${status?.hq ?? 'unknown'}`)}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd>{status?.lastSyncAt ? shanghaiDateTime(new Date(status.lastSyncAt)) : t('sync.never')}</dd>
        <dt>{t('sync.unsynced')}</dt>
        <dd className="facts__number">{status ? status.unsyncedEvents : '—'}</dd>
      </dl>
      <PlannedNotice page="sync" />
    </PageFrame>
  );
}

import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import type { CounterInfo, StaffView } from '../api/types';
import { StaffAccounts } from '../staff/StaffAccounts';
import { PageFrame } from './PageFrame';
import { SettingsPrinting } from './SettingsPrinting';

export function SettingsPage({ info, staff }: { info: CounterInfo; staff: StaffView }) {
  const { t } = useTranslation();
  const now = shanghaiDateTime(new Date(info.now));
  return (
    <PageFrame page="settings">
      <h2 className="page__subheading">{t('settings.counterInfo')}</h2>
      <dl className="facts">
        <dt>{t('settings.hall')}</dt>
        <dd>
          {info.hall.name} <span className="facts__code">{info.hall.code}</span>
        </dd>
        <dt>{t('settings.counter')}</dt>
        <dd>
          {info.counter.name} <span className="facts__code">{info.counter.code}</span>
        </dd>
        <dt>{t('settings.mode')}</dt>
        <dd>{info.demo ? t('settings.demoMode') : t('settings.liveMode')}</dd>
        <dt>{t('settings.version')}</dt>
        <dd>{info.appVersion}</dd>
        <dt>{t('settings.schema')}</dt>
        <dd>{info.schemaVersion}</dd>
        {info.clockFrozen && (
          <>
            <dt>{t('settings.clock')}</dt>
            <dd>{t('settings.frozenClock', { time: now })}</dd>
          </>
        )}
      </dl>
      <StaffAccounts staff={staff} />
      <SettingsPrinting info={info} />
    </PageFrame>
  );
}

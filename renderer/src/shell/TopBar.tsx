import { useTranslation } from 'react-i18next';
import type { CounterInfo, CounterStatus, StaffView } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { CounterBadges } from './CounterBadges';

interface TopBarProps {
  info: CounterInfo;
  staff: StaffView;
  status: CounterStatus | null;
  onLock: () => void;
  onLogout: () => void;
}

export function TopBar({ info, staff, status, onLock, onLogout }: TopBarProps) {
  const { t } = useTranslation();
  const hq = status?.hq ?? 'unknown';
  return (
    <header className="topbar">
      <div className="topbar__where">
        <span className="topbar__hall">{info.hall.name}</span>
        <span className="topbar__counter">{info.counter.name}</span>
      </div>
      <div className="topbar__status" aria-live="polite">
        <span className={`chip chip--hq-${hq}`} data-testid="hq-status">
          <span className="chip__dot" aria-hidden="true" />
          {t(`topbar.hq.${hq}`)}
        </span>
        {status && (
          <span className={`chip${status.unsyncedEvents > 0 ? ' chip--pending' : ''}`} title={t('topbar.unsyncedTitle')} data-testid="unsynced">
            {t('topbar.unsynced', { events: status.unsyncedEvents })}
          </span>
        )}
        <CounterBadges info={info} />
      </div>
      <div className="topbar__who" data-testid="current-staff">
        <span className="topbar__name">{staff.name}</span>
        <span className={`role role--${staff.role}`}>{t(`role.${staff.role}`)}</span>
        <span className="topbar__staff-no">{staff.staffNo}</span>
      </div>
      <div className="topbar__actions">
        <LanguageSwitch />
        <button type="button" className="button button--bar" aria-keyshortcuts="Control+L" onClick={onLock}>
          {t('topbar.lock')}
          <kbd className="button__key" aria-hidden="true">
            {t('topbar.lockShortcut')}
          </kbd>
        </button>
        <button type="button" className="button button--bar" onClick={onLogout}>
          {t('topbar.logout')}
        </button>
      </div>
    </header>
  );
}

import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import type { CounterInfo } from '../api/types';

/** The marks that keep anyone from mistaking a demo or a test for real business. */
export function CounterBadges({ info }: { info: CounterInfo }) {
  const { t } = useTranslation();
  if (!info.demo && !info.clockFrozen) return null;
  return (
    <span className="badges">
      {info.demo && (
        <span className="badge badge--demo" data-testid="demo-badge" title={t('badge.demoTitle')}>
          {t('badge.demo')}
        </span>
      )}
      {info.clockFrozen && (
        <span className="badge badge--frozen" data-testid="clock-frozen-badge" title={t('badge.clockFrozenTitle')}>
          {t('badge.clockFrozen', { time: shanghaiDateTime(new Date(info.now)) })}
        </span>
      )}
    </span>
  );
}

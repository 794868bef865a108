import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/calendar/dates';
import type { ReportPeriod } from '../../../shared/reports/summary';

interface PeriodPickerProps {
  period: ReportPeriod;
  /** The period shown now (the core's answer), or null while the first answer is on its way. */
  shown: { from: string; to: string } | null;
  /** Whether a day other than today's period was chosen. */
  chosen: boolean;
  onPeriod: (period: ReportPeriod) => void;
  onDate: (date: string | undefined) => void;
}

/** Day or week, which one, and a step back or forward; "today" returns to the core's own business day. */
export function PeriodPicker({ period, shown, chosen, onPeriod, onDate }: PeriodPickerProps) {
  const { t } = useTranslation();
  const step = period === 'day' ? 1 : 7;
  return (
    <div className="period" role="group" aria-label={t('reports.period.label')}>
      <div className="period__switch" role="radiogroup" aria-label={t('reports.period.label')}>
        {(['day', 'week'] as const).map((p) => (
          <button key={p} type="button" role="radio" aria-checked={period === p} className="period__option" onClick={() => onPeriod(p)}>
            {t(`reports.period.${p}`)}
          </button>
        ))}
      </div>
      <button type="button" className="button" disabled={!shown} onClick={() => shown && onDate(addDays(shown.from, -step))}>
        ◀ {t(`reports.previous.${period}`)}
      </button>
      <label className="period__date">
        <span className="period__label">{t('reports.date')}</span>
        <input
          type="date"
          className="period__input"
          value={shown?.from ?? ''}
          onChange={(event) => event.target.value && onDate(event.target.value)}
        />
      </label>
      <button type="button" className="button" disabled={!shown} onClick={() => shown && onDate(addDays(shown.from, step))}>
        {t(`reports.next.${period}`)} ▶
      </button>
      <button type="button" className="button" disabled={!chosen} onClick={() => onDate(undefined)}>
        {t('reports.today')}
      </button>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dayOfWeek } from '../../../shared/calendar/dates';
import type { DayLine } from '../../../shared/reports/summary';

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function weekday(date: string, language: string): string {
  return (language === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH)[dayOfWeek(date)] ?? '';
}

/** A week day by day: enrolments and redemptions side by side, each day's figures above its bars. */
export function DailyChart({ days }: { days: readonly DayLine[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...days.map((d) => Math.max(d.enrolments, d.redemptions)));
  return (
    <figure className="chart chart--daily" aria-labelledby={`${id}-title`} data-testid="chart-by-day">
      <figcaption id={`${id}-title`} className="chart__title">
        {t('reports.charts.byDay')}
        <span className="chart__legend">
          <span className="chart__key chart__key--enrolments">{t('reports.charts.enrolments')}</span>
          <span className="chart__key chart__key--redemptions">{t('reports.charts.redemptions')}</span>
        </span>
      </figcaption>
      <ol className="chart__days">
        {days.map((d) => (
          <li key={d.date} className="chart__day" data-date={d.date}>
            <span className="chart__figures">
              {d.enrolments} / {d.redemptions}
            </span>
            <svg className="chart__plot" viewBox="0 0 20 100" preserveAspectRatio="none" aria-hidden="true">
              <rect className="chart__bar" x="2" width="7" y={100 - (d.enrolments / max) * 100} height={(d.enrolments / max) * 100} />
              <rect className="chart__bar chart__bar--second" x="11" width="7" y={100 - (d.redemptions / max) * 100} height={(d.redemptions / max) * 100} />
            </svg>
            <span className="chart__date">
              {d.date.slice(5)} {weekday(d.date, i18n.language)}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

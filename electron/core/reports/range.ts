import { addDays } from '../../../shared/calendar/dates';
import type { DateRange } from '../../../shared/reports/period';
import { shanghaiDayStart } from '../../../shared/time/shanghai';

/**
 * A period's bounds for SQL: its dates for the columns that hold Shanghai dates
 * (enrolled_on, completion_on…) and its instants for those that hold ISO instants
 * (created_at, at…), which compare as text because every one is written by toISOString().
 */
export interface PeriodBounds {
  from: string;
  to: string;
  fromAt: string;
  /** The first instant after the period (exclusive). */
  toAt: string;
}

export function periodBounds(range: DateRange): PeriodBounds {
  return {
    from: range.from,
    to: range.to,
    fromAt: shanghaiDayStart(range.from).toISOString(),
    toAt: shanghaiDayStart(addDays(range.to, 1)).toISOString(),
  };
}

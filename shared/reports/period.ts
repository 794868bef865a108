import { addDays, dayOfWeek } from '../calendar/dates';

/**
 * Report periods are Asia/Shanghai calendar days and Monday–Sunday weeks (the billing
 * centre's week: the register of 11-16…11-22 goes out on Monday 11-23).
 */
export interface DateRange {
  from: string;
  to: string;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  // dayOfWeek: 0 = Sunday … 6 = Saturday; Sunday closes the week that began six days before.
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

export function weekOf(date: string): DateRange {
  const from = mondayOf(date);
  return { from, to: addDays(from, 6) };
}

/** The week before the one `today` falls in: what goes to billing on a Monday. */
export function lastWeek(today: string): DateRange {
  return weekOf(addDays(mondayOf(today), -7));
}

export function periodRange(period: 'day' | 'week', date: string): DateRange {
  return period === 'day' ? { from: date, to: date } : weekOf(date);
}

/** Every date from `from` to `to`, both included. */
export function datesIn(range: DateRange): string[] {
  const dates: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) dates.push(day);
  return dates;
}

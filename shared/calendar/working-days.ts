import { z } from 'zod';
import { addDays, dayOfWeek, IsoDate } from './dates';

const NamedDay = z.object({ date: IsoDate, name: z.string().min(1) }).strict();

/**
 * The public-holiday calendar is data, published by HQ each year (the State Council
 * announces it in November for the next year): days off (放假) and the weekend days that
 * are worked instead (调休上班). Nothing about holidays is hard-coded.
 */
export const HolidayCalendar = z
  .object({
    note: z.string(),
    years: z
      .array(
        z
          .object({
            year: z.number().int().min(2000).max(2100),
            status: z.enum(['official', 'estimated']), // estimated: not yet announced, replace when it is
            source: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    holidays: z.array(NamedDay),
    makeUpWorkdays: z.array(NamedDay),
  })
  .strict()
  .superRefine((cal, ctx) => {
    const covered = new Set(cal.years.map((y) => y.year));
    const seen = new Set<string>();
    for (const [list, days] of [
      ['holidays', cal.holidays],
      ['makeUpWorkdays', cal.makeUpWorkdays],
    ] as const) {
      days.forEach((day, i) => {
        if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `${day.date} is listed twice` });
        seen.add(day.date);
        if (!covered.has(Number(day.date.slice(0, 4))))
          ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `${day.date} is outside the years listed` });
        const weekday = dayOfWeek(day.date);
        if (list === 'makeUpWorkdays' && weekday !== 0 && weekday !== 6)
          ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `${day.date} is a weekday: a make-up workday is a Saturday or Sunday` });
      });
    }
  });
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

/** True when the calendar has data for the year of `date`; outside it only weekends are known. */
export function calendarCovers(date: string, calendar: HolidayCalendar): boolean {
  const year = Number(date.slice(0, 4));
  return calendar.years.some((y) => y.year === year);
}

/** A working day is a weekday that is not a holiday, or a weekend day worked in exchange (调休). */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  if (calendar.makeUpWorkdays.some((d) => d.date === date)) return true;
  if (calendar.holidays.some((d) => d.date === date)) return false;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `n` working days after `date` (the day itself never counts, whether or not it
 * is a working day): "within 5 working days of activation" on a Friday is the next Friday.
 * n = 0 gives `date` back.
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  let current = date;
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

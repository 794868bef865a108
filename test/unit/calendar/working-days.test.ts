import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers, HolidayCalendar, isWorkingDay } from '../../../shared/calendar';

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/calendar/holidays.json'), 'utf8'));
const calendar = HolidayCalendar.parse(raw);

describe('the holiday calendar data', () => {
  it('covers 2026 (published) and 2027 (estimated) and says who is authoritative', () => {
    expect(calendar.years.map((y) => [y.year, y.status])).toEqual([
      [2026, 'official'],
      [2027, 'estimated'],
    ]);
    expect(calendar.note).toMatch(/HQ publishes the authoritative/);
    expect(calendarCovers('2026-11-21', calendar)).toBe(true);
    expect(calendarCovers('2028-01-03', calendar)).toBe(false);
  });

  it('has the 2026 National Day and Spring Festival breaks with their make-up days', () => {
    for (const d of ['2026-10-01', '2026-10-07', '2026-02-15', '2026-02-23', '2026-01-01']) expect(isWorkingDay(d, calendar)).toBe(false);
    for (const d of ['2026-09-20', '2026-10-10', '2026-02-14', '2026-02-28', '2026-01-04']) expect(isWorkingDay(d, calendar)).toBe(true);
  });

  it('refuses a make-up day on a weekday, a date listed twice and a year not declared', () => {
    const base = { note: 'x', years: [{ year: 2026, status: 'official', source: 'x' }] };
    expect(HolidayCalendar.safeParse({ ...base, holidays: [], makeUpWorkdays: [{ date: '2026-11-23', name: 'x' }] }).success).toBe(false);
    expect(
      HolidayCalendar.safeParse({ ...base, holidays: [{ date: '2026-10-01', name: 'a' }], makeUpWorkdays: [{ date: '2026-10-01', name: 'b' }] }).success,
    ).toBe(false);
    expect(HolidayCalendar.safeParse({ ...base, holidays: [{ date: '2027-10-01', name: 'a' }], makeUpWorkdays: [] }).success).toBe(false);
  });
});

describe('working days', () => {
  it('skips Saturdays and Sundays', () => {
    expect(isWorkingDay('2026-11-20', calendar)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', calendar)).toBe(false); // Saturday
    expect(addWorkingDays('2026-11-21', 5, calendar)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-20', 1, calendar)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-20', 0, calendar)).toBe('2026-11-20');
  });

  it('skips a holiday break and counts the make-up Saturday', () => {
    // 09-30 (Wed) + 1: the break runs 10-01…10-07, so the next working day is Thu 10-08.
    expect(addWorkingDays('2026-09-30', 1, calendar)).toBe('2026-10-08');
    // Thu 10-08, Fri 10-09, Sat 10-10 (make-up), Mon 10-12.
    expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4, calendar)).toBe('2026-10-12');
    // Sunday 09-20 is worked before the break.
    expect(addWorkingDays('2026-09-18', 1, calendar)).toBe('2026-09-20');
  });

  it('crosses the Spring Festival of 2026', () => {
    // Fri 02-13 + 1 is the make-up Saturday 02-14; + 2 jumps the break to Tue 02-24.
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, calendar)).toBe('2026-02-24');
  });

  it('crosses the year end and the New Year holiday of 2027', () => {
    // Thu 2026-12-31 + 1: Fri 01-01 is New Year's Day, then the weekend.
    expect(addWorkingDays('2026-12-31', 1, calendar)).toBe('2027-01-04');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-21', -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-21', 1.5, calendar)).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  dayOfWeek,
  daysBetween,
  endOfMonth,
  fullMonthsBetween,
  fullYearsBetween,
  IsoMonth,
  monthOf,
  monthsBetween,
  startOfMonth,
} from '../../../shared/calendar';

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-11-21', 7)).toBe('2026-11-28');
    expect(daysBetween('2026-11-21', '2027-01-31')).toBe(71);
  });

  it('knows the weekday (2026-11-21 is a Saturday)', () => {
    expect(dayOfWeek('2026-11-21')).toBe(6);
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfWeek('2027-01-01')).toBe(5);
  });

  it('agrees with UTC calendar arithmetic for any date and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.integer({ min: -5000, max: 5000 }), (ms, days) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const expected = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(date, days)).toBe(expected);
        expect(daysBetween(date, expected)).toBe(days);
        expect(dayOfWeek(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('refuses dates that do not exist', () => {
    expect(() => addDays('2027-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => addDays('2026-1-1', 1)).toThrow(RangeError);
  });
});

describe('month arithmetic', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2026-11-21', 2)).toBe('2027-01-21');
    expect(addMonthsToMonth('2026-11', 2)).toBe('2027-01');
    expect(addMonthsToMonth('2026-12', 1)).toBe('2027-01');
    expect(addMonthsToMonth('2027-01', -1)).toBe('2026-12');
    expect(addMonthsToMonth('2026-11', 23)).toBe('2028-10');
    expect(addMonthsToMonth('2026-01', -13)).toBe('2024-12');
  });

  it('finds months and their ends', () => {
    expect(monthOf('2026-11-21')).toBe('2026-11');
    expect(monthOf('2026-11')).toBe('2026-11');
    expect(endOfMonth('2026-11-21')).toBe('2026-11-30');
    expect(endOfMonth('2027-02')).toBe('2027-02-28');
    expect(endOfMonth('2028-02')).toBe('2028-02-29');
    expect(endOfMonth('2026-12')).toBe('2026-12-31');
    expect(startOfMonth('2026-11-21')).toBe('2026-11-01');
    expect(IsoMonth.safeParse('2026-13').success).toBe(false);
  });

  it('counts calendar months between, ignoring days', () => {
    expect(monthsBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(monthsBetween('2026-11-01', '2026-11-30')).toBe(0);
    expect(monthsBetween('2026-11-21', '2027-02-28')).toBe(3);
    expect(monthsBetween('2026-11-21', '2026-10-31')).toBe(-1);
    expect(monthsBetween('2026-11', '2027-11')).toBe(12);
  });

  it('keeps addMonthsToMonth and monthsBetween consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -600, max: 600 }), (y, m, n) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        expect(monthsBetween(month, addMonthsToMonth(month, n))).toBe(n);
      }),
    );
  });
});

describe('completed years (tenure)', () => {
  it('counts the anniversary itself as the full year', () => {
    expect(fullYearsBetween('2025-11-21', '2026-11-21')).toBe(1);
    expect(fullYearsBetween('2025-11-21', '2026-11-20')).toBe(0);
    expect(fullYearsBetween('2016-11-21', '2026-11-21')).toBe(10);
    expect(fullYearsBetween('2016-11-22', '2026-11-21')).toBe(9);
    expect(fullYearsBetween('2026-11-21', '2026-11-21')).toBe(0);
  });

  it('gives a 29 February start its anniversary on 28 February in common years', () => {
    expect(fullYearsBetween('2024-02-29', '2025-02-27')).toBe(0);
    expect(fullYearsBetween('2024-02-29', '2025-02-28')).toBe(1);
    expect(fullYearsBetween('2024-02-29', '2028-02-28')).toBe(3);
    expect(fullYearsBetween('2024-02-29', '2028-02-29')).toBe(4);
  });

  it('counts completed months with the same month-end rule', () => {
    expect(fullMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(fullMonthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(fullMonthsBetween('2026-05-21', '2026-11-21')).toBe(6);
    expect(fullMonthsBetween('2026-05-22', '2026-11-21')).toBe(5);
  });

  it('never decreases as time goes on, and rises by one exactly on anniversaries', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 0, max: 8000 }), (ms, span) => {
        const start = new Date(ms).toISOString().slice(0, 10);
        const day = addDays(start, span);
        const years = fullYearsBetween(start, day);
        expect(years).toBeGreaterThanOrEqual(0);
        expect(fullYearsBetween(start, addDays(day, 1))).toBeGreaterThanOrEqual(years);
        expect(addMonths(start, years * 12) <= day).toBe(true);
        expect(addMonths(start, (years + 1) * 12) > day).toBe(true);
      }),
    );
  });
});

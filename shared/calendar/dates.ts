import { z } from 'zod';

/**
 * Business dates are Asia/Shanghai calendar dates written `YYYY-MM-DD`, and months
 * `YYYY-MM`. All arithmetic here is on the year/month/day integers: a `Date` read in the
 * machine's local zone would shift a date by a day on a counter set to another zone.
 * Turn an instant into a Shanghai date with `shanghaiDate` (shared/time) first.
 */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export type IsoMonth = z.infer<typeof IsoMonth>;

interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseDate(date: string): Ymd {
  const match = DATE_PATTERN.exec(date);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  const d = Number(match?.[3]);
  if (!match || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { y, m, d };
}

/** Accepts a month or a date and reads its year and month. */
function parseMonth(monthOrDate: string): { y: number; m: number } {
  const match = MONTH_PATTERN.exec(monthOrDate);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw new RangeError(`not a YYYY-MM month: ${monthOrDate}`);
  return { y, m };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const formatDate = ({ y, m, d }: Ymd): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
const formatMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m, 2)}`;

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithm):
// exact integer arithmetic with no time zone anywhere.
function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatDate(fromDayNumber(toDayNumber(parseDate(date)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parseDate(to)) - toDayNumber(parseDate(from));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(parseDate(date)) + 4) % 7) + 7) % 7;
}

/**
 * Same day `months` later, clamped to the end of a shorter month: 01-31 + 1 month is
 * 02-28 (02-29 in a leap year). This is the civil-code reading of a period counted in
 * months (民法典 第202条: no matching day → the month's last day).
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { y, m, d } = parseDate(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return formatDate({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** `YYYY-MM` of a date (a month passes through unchanged). */
export function monthOf(dateOrMonth: string): string {
  const { y, m } = parseMonth(dateOrMonth);
  return formatMonth(y, m);
}

export function addMonthsToMonth(month: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { y, m } = parseMonth(month);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  return formatMonth(ny, index - ny * 12 + 1);
}

/** First day of the month of a date or month. */
export function startOfMonth(dateOrMonth: string): string {
  const { y, m } = parseMonth(dateOrMonth);
  return formatDate({ y, m, d: 1 });
}

/** Last day of the month of a date or month. */
export function endOfMonth(dateOrMonth: string): string {
  const { y, m } = parseMonth(dateOrMonth);
  return formatDate({ y, m, d: daysInMonth(y, m) });
}

/**
 * Calendar months from the month of `from` to the month of `to`, days ignored:
 * 2026-11-30 → 2026-12-01 is 1; 2026-11-01 → 2026-11-30 is 0.
 */
export function monthsBetween(from: string, to: string): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return b.y * 12 + b.m - (a.y * 12 + a.m);
}

/**
 * Completed months from `from` to `to`: the largest n with addMonths(from, n) ≤ to.
 * Exactly on the monthly anniversary counts; month ends clamp as in addMonths.
 */
export function fullMonthsBetween(from: string, to: string): number {
  if (compareDates(to, from) < 0) return -fullMonthsBetween(to, from);
  let n = monthsBetween(from, to);
  while (n > 0 && compareDates(addMonths(from, n), to) > 0) n -= 1;
  return n;
}

/**
 * Completed years (tenure 网龄): exactly on the anniversary counts as the full year. A
 * start on 02-29 has its anniversary on 02-28 in common years (the month-end rule of
 * addMonths), so such a customer is never a day short of a year.
 */
export function fullYearsBetween(from: string, to: string): number {
  const months = fullMonthsBetween(from, to);
  return months < 0 ? -Math.floor(-months / 12) : Math.floor(months / 12);
}

/** Negative, zero or positive, like a sort comparator. `YYYY-MM-DD` strings sort as dates. */
export function compareDates(a: string, b: string): number {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isValidIsoDate(date: string): boolean {
  return IsoDate.safeParse(date).success;
}

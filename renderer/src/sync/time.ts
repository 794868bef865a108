import type { TFunction } from 'i18next';
import { SHANGHAI_OFFSET_MS, shanghaiDate, shanghaiDateTime } from '../../../shared/time/shanghai';

/** An instant on the hall's wall clock: the time to the second today, the date and minute before. */
export function hallClock(iso: string, now: number): string {
  const at = new Date(iso);
  if (shanghaiDate(at) !== shanghaiDate(new Date(now))) return shanghaiDateTime(at);
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 19);
}

/** "3 分钟前" / "in 40 s": how far an instant is from now, in whole units. */
export function relativeTime(iso: string, now: number, t: TFunction): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const n = Math.abs(seconds);
  if (seconds > 0) {
    if (n < 60) return t('syncPage.time.inSeconds', { n });
    if (n < 3600) return t('syncPage.time.inMinutes', { n: Math.floor(n / 60) });
    return t('syncPage.time.inHours', { n: Math.floor(n / 3600) });
  }
  if (n < 10) return t('syncPage.time.justNow');
  if (n < 60) return t('syncPage.time.secondsAgo', { n });
  if (n < 3600) return t('syncPage.time.minutesAgo', { n: Math.floor(n / 60) });
  if (n < 86_400) return t('syncPage.time.hoursAgo', { n: Math.floor(n / 3600) });
  return t('syncPage.time.daysAgo', { n: Math.floor(n / 86_400) });
}

/** "3 分 05 秒": a length of time in its two largest units. */
export function duration(totalSeconds: number, t: TFunction): string {
  const s = Math.floor(Math.abs(totalSeconds));
  if (s < 60) return t('syncPage.time.seconds', { s });
  if (s < 3600) return t('syncPage.time.minutes', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
  if (s < 86_400) return t('syncPage.time.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  return t('syncPage.time.days', { d: Math.floor(s / 86_400), h: Math.floor((s % 86_400) / 3600) });
}

/** "09:31:05（3 分钟前）". */
export function timeAndAgo(iso: string, now: number, t: TFunction): string {
  return t('syncPage.time.at', { time: hallClock(iso, now), ago: relativeTime(iso, now, t) });
}

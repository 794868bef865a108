import i18next from 'i18next';
import { refusalReasons } from '../../../shared/contract/refusals';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import type { ApiError } from './types';

/** Where the error is shown, when the same code needs other words there (a login names the staff number too). */
export type ErrorPlace = 'login' | 'unlock';

// When an error carries several details, the one that changes what the clerk must do
// wins: "locked until 09:35" matters more than "0 attempts left". The later ones fill in the
// generic sentences of the business codes (NOT_ELIGIBLE_reasons, INSUFFICIENT_STOCK_need…).
const DETAIL_PRIORITY = ['lockedUntil', 'until', 'attemptsLeft', 'ref', 'reasons', 'need', 'needed', 'left'];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
// A core message is the counter's own words only when it is in Chinese (a library's English one is not).
const CJK = /[\u4e00-\u9fff]/;

/**
 * Details ready for a sentence: instants become Shanghai wall-clock time, the hall's only
 * clock; a NOT_ELIGIBLE answer's reasons become their sentences (`reasons`) and codes (`reasonCodes`).
 */
function readableDetails(error: ApiError): Record<string, unknown> {
  const readable = Object.fromEntries(
    Object.entries(error.details ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' && ISO_INSTANT.test(value) ? shanghaiDateTime(new Date(value)) : value,
    ]),
  );
  if (error.code !== 'NOT_ELIGIBLE') return readable;
  // Reasons of another shape are left out, so the plain NOT_ELIGIBLE sentence is said instead.
  const { reasons: _raw, ...rest } = readable;
  const reasons = refusalReasons(error.details);
  if (reasons.length === 0) return rest;
  return { ...rest, reasons: reasons.map((r) => r.text.replace(/[。.]$/, '')).join('；'), reasonCodes: reasons.map((r) => r.code).join(', ') };
}

function candidateKeys(error: ApiError, details: Record<string, unknown>, place: ErrorPlace | undefined): string[] {
  const present = DETAIL_PRIORITY.filter((name) => details[name] !== undefined && details[name] !== null);
  const stems = [...present.map((name) => `${error.code}_${name}`), error.code];
  return stems.flatMap((stem) => (place ? [`errors.${stem}_${place}`, `errors.${stem}`] : [`errors.${stem}`]));
}

/**
 * The sentence for an error in the counter's language: the most specific translation
 * the code and its details have, with the details filled in. Every stable code has one
 * (errors.* in i18n/zh-CN.ts and en.ts), so a screen that does not special-case a code
 * still says what to do. In Chinese, the core's own (specific, Chinese) message is preferred to a
 * code's generic sentence.
 */
export function describeError(error: ApiError, place?: ErrorPlace): string {
  const details = readableDetails(error);
  const key = candidateKeys(error, details, place).find((candidate) => i18next.exists(candidate));
  if (key === undefined) return error.message;
  // The core already speaks Chinese and says exactly what happened ("该体验已取消，无需重复办理");
  // in Chinese its message beats a code's generic sentence. A sentence built from the details,
  // and every sentence in English, come from the translations.
  const generic = key === `errors.${error.code}` || key === `errors.${error.code}_${place ?? ''}`;
  if (generic && i18next.language.startsWith('zh') && CJK.test(error.message)) return error.message;
  return i18next.t(key, details);
}

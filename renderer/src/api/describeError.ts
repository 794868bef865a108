import i18next from 'i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import type { ApiError } from './types';

/** Where the error is shown, when the same code needs other words there (a login names the staff number too). */
export type ErrorPlace = 'login' | 'unlock';

// When an error carries several details, the one that changes what the clerk must do
// wins: "locked until 09:35" matters more than "0 attempts left".
const DETAIL_PRIORITY = ['lockedUntil', 'until', 'attemptsLeft', 'ref'];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Details ready for a sentence: instants become Shanghai wall-clock time, the hall's only clock. */
function readableDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([name, value]) => [
      name,
      typeof value === 'string' && ISO_INSTANT.test(value) ? shanghaiDateTime(new Date(value)) : value,
    ]),
  );
}

function candidateKeys(error: ApiError, place: ErrorPlace | undefined): string[] {
  const details = error.details ?? {};
  const present = DETAIL_PRIORITY.filter((name) => details[name] !== undefined && details[name] !== null);
  const stems = [...present.map((name) => `${error.code}_${name}`), error.code];
  return stems.flatMap((stem) => (place ? [`errors.${stem}_${place}`, `errors.${stem}`] : [`errors.${stem}`]));
}

/**
 * The sentence for an error in the counter's language: the most specific translation
 * the code and its details have, with the details filled in; the core's own message
 * when the code has no translation yet.
 */
export function describeError(error: ApiError, place?: ErrorPlace): string {
  const key = candidateKeys(error, place).find((candidate) => i18next.exists(candidate));
  if (key === undefined) return error.message;
  return i18next.t(key, readableDetails(error.details ?? {}));
}

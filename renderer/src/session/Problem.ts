import type { TFunction } from 'i18next';
import { describeError, type ErrorPlace } from '../api/describeError';
import type { ApiError } from '../api/types';

/**
 * An error to show, kept as data rather than as a sentence so that switching the
 * language re-translates it on the next render.
 */
export type Problem = { kind: 'api'; error: ApiError; place?: ErrorPlace } | { kind: 'input'; key: string };

export function problemText(problem: Problem | null, t: TFunction): string {
  if (!problem) return '';
  return problem.kind === 'api' ? describeError(problem.error, problem.place) : t(problem.key);
}

import type { TFunction } from 'i18next';
import type { MethodOutput } from '../../../shared/contract/index';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';

export type StaffAccount = MethodOutput<'staff.list'>['staff'][number];

/**
 * The staff methods' refusals in the counter's language: a CONFLICT names its reason
 * (staff_no_taken, self, last_manager) in details, and each has its own sentence here;
 * anything else is said as everywhere else.
 */
export function staffErrorText(error: ApiError, t: TFunction): string {
  if (error.code === 'CONFLICT') {
    const staffNo = typeof error.details?.staffNo === 'string' ? error.details.staffNo : '';
    switch (error.details?.reason) {
      case 'staff_no_taken':
        return t('staff.problems.staffNoTaken', { staffNo });
      case 'self':
        return t('staff.problems.self');
      case 'last_manager':
        return t('staff.problems.lastManager', { staffNo });
    }
  }
  return describeError(error);
}

/** A text problem or a refusal, kept as data so a language switch re-translates it. */
export type StaffProblem = { key: string; values?: Record<string, string> } | { error: ApiError };

export function staffProblemText(problem: StaffProblem | null, t: TFunction): string {
  if (!problem) return '';
  return 'error' in problem ? staffErrorText(problem.error, t) : t(problem.key, problem.values);
}

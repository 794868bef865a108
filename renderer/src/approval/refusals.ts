import type { TFunction } from 'i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';

/** The core asks for a manager's staff number and PIN before it will do this (contract `approval: 'manager'`). */
export function needsManagerApproval(error: ApiError): boolean {
  return error.code === 'FORBIDDEN' && error.details?.needApproval === 'manager';
}

/**
 * Answers that refuse the approval itself, not the action: the prompt stays open for
 * another try. Anything else (done, or the action refused) goes back to the form.
 */
export function refusesApproval(error: ApiError): boolean {
  return error.code === 'WRONG_PIN' || error.code === 'ACCOUNT_LOCKED' || needsManagerApproval(error);
}

function shanghai(value: unknown): string {
  return typeof value === 'string' ? shanghaiDateTime(new Date(value)) : '';
}

/** What the prompt says when the approval was refused, in the words a manager at the counter needs. */
export function describeRefusal(error: ApiError, staffNo: string, t: TFunction): string {
  const details = error.details ?? {};
  if (error.code === 'WRONG_PIN') {
    if (typeof details.lockedUntil === 'string') return t('approval.errors.WRONG_PIN_lockedUntil', { lockedUntil: shanghai(details.lockedUntil) });
    if (typeof details.attemptsLeft === 'number') return t('approval.errors.WRONG_PIN_attemptsLeft', { attemptsLeft: details.attemptsLeft });
    return t('approval.errors.WRONG_PIN');
  }
  if (error.code === 'ACCOUNT_LOCKED') {
    return typeof details.until === 'string'
      ? t('approval.errors.ACCOUNT_LOCKED_until', { until: shanghai(details.until) })
      : t('approval.errors.ACCOUNT_LOCKED');
  }
  if (needsManagerApproval(error)) return t('approval.errors.notManager', { staffNo });
  return describeError(error);
}

import type { TFunction } from 'i18next';
import { syncMethods } from '../../../shared/sync/contract';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';

export type RegistrationField = 'hqUrl' | 'code';

/** What went wrong, and which field the cursor goes back to. */
export interface RegistrationProblem {
  field: RegistrationField | null;
  text: string;
}

export interface RegistrationInput {
  hqUrl: string;
  code: string;
}

/**
 * What the operator typed, as the contract wants it: an address without a scheme gets
 * http:// (halls type "10.20.0.5:7300"), a code typed without dashes gets them back.
 */
export function normalise(raw: RegistrationInput): RegistrationInput {
  const url = raw.hqUrl.trim();
  const compact = raw.code.replace(/\s+/g, '').toUpperCase();
  const grouped = !compact.includes('-') && compact.length >= 12 && compact.length % 4 === 0 ? (compact.match(/.{4}/g) ?? []).join('-') : compact;
  return { hqUrl: url === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`, code: grouped };
}

/** Checks the input against the contract's own schema before bothering HQ; null when it would pass. */
export function checkInput(input: RegistrationInput, t: TFunction): RegistrationProblem | null {
  if (input.hqUrl === '') return { field: 'hqUrl', text: t('registration.errors.needUrl') };
  if (input.code === '') return { field: 'code', text: t('registration.errors.needCode') };
  const parsed = syncMethods['sync.register'].input.safeParse(input);
  const badUrl = !/^https?:\/\//i.test(input.hqUrl);
  if (parsed.success && !badUrl) return null;
  const field = badUrl || parsed.error?.issues[0]?.path[0] === 'hqUrl' ? 'hqUrl' : 'code';
  return { field, text: t(field === 'hqUrl' ? 'registration.errors.badUrl' : 'registration.errors.badCode') };
}

function detail(error: ApiError, name: string): string {
  const value = error.details?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * The core's refusal in the operator's words: HQ's code for a bad registration code
 * (invalid, used, expired), HQ out of reach, a code for another counter.
 */
export function describeRegistrationError(error: ApiError, hqUrl: string, t: TFunction): RegistrationProblem {
  const hqCode = detail(error, 'hqCode');
  if (hqCode === 'REGISTRATION_CODE_INVALID') return { field: 'code', text: t('registration.errors.codeInvalid') };
  if (hqCode === 'REGISTRATION_CODE_USED') return { field: 'code', text: t('registration.errors.codeUsed') };
  if (hqCode === 'REGISTRATION_CODE_EXPIRED') return { field: 'code', text: t('registration.errors.codeExpired') };
  if (error.code === 'HQ_UNAVAILABLE') {
    return hqCode ? { field: null, text: t('registration.errors.refused', { code: hqCode }) } : { field: 'hqUrl', text: t('registration.errors.unreachable', { url: hqUrl }) };
  }
  if (error.code === 'CONFLICT') {
    const hall = detail(error, 'hall');
    return hall ? { field: 'code', text: t('registration.errors.otherCounter', { hall, counter: detail(error, 'counter') }) } : { field: null, text: t('registration.errors.already') };
  }
  return { field: null, text: describeError(error) };
}

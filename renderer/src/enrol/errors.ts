import type { TFunction } from 'i18next';
import { refusalReasons, type RefusalReason } from '../../../shared/contract/refusals';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';

function numberOf(details: Record<string, unknown>, name: string): number | null {
  const value = details[name];
  return typeof value === 'number' ? value : null;
}

/**
 * An enrolment refused when it was written, in the counter's language and with what to
 * do. The core checks everything again at that moment (stock may have gone, a serial been
 * lent at the next counter, the campaign been changed by HQ), so this can differ from the
 * summary the clerk saw.
 */
export function describeEnrolError(error: ApiError, t: TFunction): { text: string; reasons: RefusalReason[] } {
  const d = error.details ?? {};
  switch (error.code) {
    case 'NOT_ELIGIBLE':
      return { text: t('enrol.errors.notEligible'), reasons: refusalReasons(error.details) };
    case 'CONFLICT': {
      const current = numberOf(d, 'current');
      if (current !== null) return { text: t('enrol.errors.campaignChanged', { version: current }), reasons: [] };
      break;
    }
    case 'INSUFFICIENT_STOCK': {
      const have = numberOf(d, 'have');
      const need = numberOf(d, 'need');
      if (have !== null && need !== null) return { text: t('enrol.errors.stock', { sku: typeof d.sku === 'string' ? d.sku : '', have, need }), reasons: [] };
      break;
    }
    default:
      break;
  }
  return { text: describeError(error), reasons: [] };
}

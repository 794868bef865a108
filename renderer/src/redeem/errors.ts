import type { TFunction } from 'i18next';
import { refusalReasons } from '../../../shared/contract/refusals';
import { CatalogueRefusalCode } from '../../../shared/points/catalogue';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';
import { formatPoints } from '../customer/customerFacts';

type Details = Record<string, unknown>;
const num = (d: Details, name: string): number => (typeof d[name] === 'number' ? d[name] : 0);
const text = (d: Details, name: string): string => (typeof d[name] === 'string' || typeof d[name] === 'number' ? String(d[name]) : '');

/** The first catalogue refusal of a NOT_ELIGIBLE answer (an item withdrawn or outside its window), with its values. */
function catalogueReason(error: ApiError): { code: CatalogueRefusalCode; catalogueCode: string; validFrom: string; validTo: string } | null {
  for (const reason of refusalReasons(error.details)) {
    const code = CatalogueRefusalCode.safeParse(reason.code);
    if (!code.success) continue;
    const values: Details = reason.values ?? {};
    return { code: code.data, catalogueCode: text(values, 'catalogueCode'), validFrom: text(values, 'validFrom'), validTo: text(values, 'validTo') };
  }
  return null;
}

/**
 * A redemption or a void refused, said from the code and its details: how many points
 * are there and how many are needed, which limit stops it and how many more are allowed,
 * how much is on the shelf. `nameOf` names an item by its catalogue code.
 */
export function describeRedeemError(error: ApiError, t: TFunction, nameOf: (code: string) => string): string {
  const d = error.details ?? {};
  const item = nameOf(text(d, 'catalogueCode'));
  switch (error.code) {
    case 'INSUFFICIENT_POINTS':
      return t('redeem.errors.points', {
        available: formatPoints(num(d, 'available')),
        needed: formatPoints(num(d, 'needed')),
        short: formatPoints(num(d, 'needed') - num(d, 'available')),
      });
    case 'LIMIT_EXCEEDED':
      if (d.limit === 'per_customer') {
        return t('redeem.errors.perCustomer', { item, max: num(d, 'max'), already: num(d, 'already'), left: num(d, 'left') });
      }
      if (d.limit === 'offline') {
        return t('redeem.errors.offline', { max: formatPoints(num(d, 'max')), used: formatPoints(num(d, 'used')), left: formatPoints(num(d, 'left')) });
      }
      break;
    case 'INSUFFICIENT_STOCK':
      if (num(d, 'have') === 0 && num(d, 'onDisplay') > 0) return t('redeem.errors.displayOnly', { item });
      return t(d.sku === undefined ? 'redeem.errors.codes' : 'redeem.errors.stock', { item, have: num(d, 'have'), need: num(d, 'need') });
    case 'NOT_ELIGIBLE': {
      const reason = catalogueReason(error);
      if (reason?.code === 'CATALOGUE_WITHDRAWN') return t('redeem.errors.withdrawn', { item: nameOf(reason.catalogueCode) });
      if (reason) return t('redeem.errors.window', { item: nameOf(reason.catalogueCode), from: reason.validFrom, to: reason.validTo });
      break;
    }
    case 'NOT_FOUND':
      if (d.catalogueCode !== undefined) return t('redeem.errors.unknownItem', { code: text(d, 'catalogueCode') });
      break;
    case 'CONFLICT':
      if (d.voidSlipNo !== undefined) return t('redeem.errors.alreadyVoided', { redemptionNo: text(d, 'redemptionNo'), slipNo: text(d, 'voidSlipNo') });
      if (d.code !== undefined) return t('redeem.errors.codeTaken');
      break;
    default:
      break;
  }
  return describeError(error);
}

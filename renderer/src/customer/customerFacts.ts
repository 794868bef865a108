import type { TFunction } from 'i18next';
import { fullMonthsBetween, fullYearsBetween } from '../../../shared/calendar/index';
import type { CustomerCard } from '../../../shared/customers/contract';
import { formatYuan } from '../../../shared/money/fen';

/** Points are whole numbers, grouped by thousands as on the slip: 13,500. */
export function formatPoints(points: number): string {
  return String(points).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Completed tenure, in years once there is one, else in months. */
export function tenureText(tenureStart: string, today: string, t: TFunction): string {
  const years = fullYearsBetween(tenureStart, today);
  if (years >= 1) return t('customer.card.tenureYears', { count: years, since: tenureStart });
  return t('customer.card.tenureMonths', { count: Math.max(fullMonthsBetween(tenureStart, today), 0), since: tenureStart });
}

export function broadbandText(customer: CustomerCard, t: TFunction): string {
  const line = customer.broadband;
  if (!line) return t('customer.card.noBroadband');
  return [
    line.planCode,
    t(`customer.card.productKind.${line.productKind}`),
    line.hasItv ? t('customer.card.itvYes') : line.itvCapable ? t('customer.card.itvNo') : t('customer.card.itvNotCapable'),
    line.newInstall ? t('customer.card.newInstall') : null,
    line.communityUpgraded ? t('customer.card.upgradedCommunity') : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

export function contractText(customer: CustomerCard, t: TFunction): string {
  const contract = customer.contract;
  if (!contract) return t('customer.card.noContract');
  return t('customer.card.contract', {
    kind: t(`customer.card.contractKind.${contract.kind}`),
    end: contract.end,
    spent: formatYuan(contract.spentFen),
    amount: formatYuan(contract.amountFen),
    remaining: formatYuan(contract.remainingFen),
  });
}

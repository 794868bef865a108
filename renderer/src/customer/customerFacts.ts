import type { TFunction } from 'i18next';
import type { CustomerCard } from '../../../shared/customers/contract';
import { formatYuan } from '../../../shared/money/fen';

/** Points are whole numbers, grouped by thousands as on the slip: 13,500. */
export function formatPoints(points: number): string {
  return String(points).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Completed tenure as the core counted it on today's date: in years once there is one, else in months. */
export function tenureText(customer: Pick<CustomerCard, 'tenureStart' | 'tenureYears' | 'tenureMonths'>, t: TFunction): string {
  if (customer.tenureYears >= 1) return t('customer.card.tenureYears', { count: customer.tenureYears, since: customer.tenureStart });
  return t('customer.card.tenureMonths', { count: customer.tenureMonths, since: customer.tenureStart });
}

/** The plan in the screen's language: its catalogue name with the code, the code alone when the catalogue lacks it. */
export function planText(customer: Pick<CustomerCard, 'planCode' | 'planName' | 'planNameEn'>, language: string, t: TFunction): string {
  if (customer.planCode === null) return t('customer.card.noPlan');
  const name = language === 'en' ? customer.planNameEn : customer.planName;
  return name ? t('customer.card.planNamed', { name, code: customer.planCode }) : customer.planCode;
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

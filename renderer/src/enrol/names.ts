import type { TFunction } from 'i18next';
import type { OptionName } from '../../../shared/campaigns/options';
import type { CampaignSummary, EnrolmentView, PlanChoice } from '../../../shared/enrolment/views';
import { formatYuan } from '../../../shared/money/fen';

/** A campaign's name in the screen's language (HQ may publish an English one). */
export function campaignName(campaign: Pick<CampaignSummary, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && campaign.nameEn ? campaign.nameEn : campaign.name;
}

/** The campaign an enrolment was made in, in the screen's language (the customer's history). */
export function enrolmentCampaignName(enrolment: Pick<EnrolmentView, 'campaignName' | 'campaignNameEn'>, language: string): string {
  return campaignName({ name: enrolment.campaignName, nameEn: enrolment.campaignNameEn }, language);
}

/**
 * The prompt for an option: in Chinese the campaign's own label (HQ may word it for the
 * campaign, e.g. "以赠费抵扣32英寸彩电"); in English the standard prompt.
 */
export function optionLabel(campaign: CampaignSummary, option: OptionName, language: string, t: TFunction): string {
  const own = campaign.options.find((o) => o.option === option)?.label;
  return language !== 'en' && own ? own : t(`enrol.option.${option}`);
}

export function planLabel(plan: PlanChoice, language: string, t: TFunction): string {
  const name = language === 'en' ? plan.code : plan.name;
  return t('enrol.options.planChoice', { name, code: plan.code, fee: formatYuan(plan.monthlyFeeFen) });
}

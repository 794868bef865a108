import { addMonthsToMonth, monthOf } from '../calendar/dates';
import { missingOption, type EvaluationEnv } from './env';
import { reason, type Reason } from './reasons';

/** The campaign runs from validFrom to validTo inclusive, in the halls it names. */
export function checkWindowAndHall(env: EvaluationEnv): Reason[] {
  const { campaign, today, hallCode } = env;
  const out: Reason[] = [];
  if (today < campaign.validFrom)
    out.push(reason('CAMPAIGN_NOT_STARTED', `活动${campaign.validFrom}开始，尚未开始受理。`, campaign.validFrom, today));
  if (today > campaign.validTo) out.push(reason('CAMPAIGN_ENDED', `活动已于${campaign.validTo}结束。`, campaign.validTo, today));
  if (campaign.halls !== 'all' && !campaign.halls.includes(hallCode))
    out.push(reason('HALL_NOT_TARGETED', `本营业厅（${hallCode}）不在本活动的受理范围内。`, campaign.halls, hallCode));
  return out;
}

const periodLabels = { campaign: '本活动期内', calendar_month: '本月', calendar_year: '本年' } as const;

/** Per-customer count, per-period count and the campaign-wide quota. */
export function checkLimits(env: EvaluationEnv): Reason[] {
  const { campaign, today, context } = env;
  const { perCustomer, perPeriod, totalQuota } = campaign.limits;
  const mine = context.pastEnrolments.filter((e) => e.campaignId === campaign.id);
  const out: Reason[] = [];
  if (perCustomer !== null && mine.length >= perCustomer)
    out.push(
      reason('PER_CUSTOMER_LIMIT_REACHED', `该客户已办理本活动${mine.length}次，每位客户限办${perCustomer}次。`, perCustomer, mine.length),
    );
  if (perPeriod !== null) {
    const inPeriod = mine.filter((e) => {
      if (perPeriod.period === 'campaign') return e.enrolledOn >= campaign.validFrom && e.enrolledOn <= campaign.validTo;
      if (perPeriod.period === 'calendar_month') return monthOf(e.enrolledOn) === monthOf(today);
      return e.enrolledOn.slice(0, 4) === today.slice(0, 4);
    }).length;
    if (inPeriod >= perPeriod.count) {
      const next =
        perPeriod.period === 'calendar_month'
          ? `${addMonthsToMonth(monthOf(today), 1)}起可再办理。`
          : perPeriod.period === 'calendar_year'
            ? `${Number(today.slice(0, 4)) + 1}年起可再办理。`
            : '';
      out.push(
        reason(
          'PER_PERIOD_LIMIT_REACHED',
          `该客户${periodLabels[perPeriod.period]}已办理本活动${inPeriod}次，${periodLabels[perPeriod.period]}限办${perPeriod.count}次。${next}`,
          { count: perPeriod.count, period: perPeriod.period },
          inPeriod,
        ),
      );
    }
  }
  if (totalQuota !== null && context.campaignEnrolmentCount >= totalQuota)
    out.push(reason('QUOTA_EXHAUSTED', `活动名额已满（共${totalQuota}名）。`, totalQuota, context.campaignEnrolmentCount));
  return out;
}

/**
 * Declared exclusions against the campaigns the customer is in now. Checked as this
 * campaign declares them; HQ declares both sides (campaignProblems checks it does).
 */
export function checkExclusions(env: EvaluationEnv): Reason[] {
  return env.campaign.exclusiveWith
    .filter((id) => env.context.activeCampaignIds.includes(id))
    .map((id) => reason('EXCLUSIVE_CAMPAIGN_ACTIVE', `该客户正在参加与本活动互斥的活动（${id}），不能同时办理。`, `not ${id}`, id));
}

/**
 * Options the campaign marks required. Lent-equipment serials are left to the trial,
 * which names the missing SKU precisely.
 */
export function checkRequiredOptions(env: EvaluationEnv): Reason[] {
  const lendsEquipment = env.campaign.benefits.some((b) => b.type === 'trial' && b.lend.length > 0);
  return env.campaign.options
    .filter((o) => o.required && env.options[o.option] === undefined)
    .filter((o) => !(o.option === 'equipmentSerials' && lendsEquipment))
    .map((o) => missingOption(env, o.option));
}

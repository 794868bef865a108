import { computeBenefits } from './benefits';
import type { EvaluationEnv } from './env';
import type { EvaluationInput } from './input';
import { checkExclusions, checkLimits, checkRequiredOptions, checkWindowAndHall } from './limits';
import { dedupeReasons } from './reasons';
import type { CampaignEvaluation } from './result';
import { checkRule } from './rules';

/**
 * Decides whether the customer may join the campaign and computes exactly what they get.
 * Pure: the same input gives the same answer, in the main process, in the renderer or in
 * a test. Every check runs (window, hall, limits, exclusions, options, rules, benefits,
 * stock) and every failure is reported; benefits are returned only when nothing failed.
 * The input is trusted to match EvaluationInput: validate it at the door.
 */
export function evaluateCampaign(input: EvaluationInput): CampaignEvaluation {
  const { campaign, customer, today, hallCode } = input;
  const env: EvaluationEnv = { ...input };
  const computed = computeBenefits(env);
  const reasons = dedupeReasons([
    ...checkWindowAndHall(env),
    ...checkLimits(env),
    ...checkExclusions(env),
    ...checkRequiredOptions(env),
    ...checkRule(campaign.eligibility, env),
    ...computed.reasons,
  ]);
  const eligible = reasons.length === 0;
  return {
    campaignId: campaign.id,
    campaignVersion: campaign.version,
    kind: campaign.kind,
    snapshotVersion: customer.snapshotVersion,
    evaluatedOn: today,
    hallCode,
    eligible,
    reasons,
    benefits: eligible ? computed.benefits : [],
  };
}

import type { campaignMethods } from '../../../shared/enrolment/campaign-contract';
import type { enrolmentMethods } from '../../../shared/enrolment/contract';
import type { enrolmentRecordMethods } from '../../../shared/enrolment/enrolment-contract';
import type { CustomerEvaluation, EvaluationStatus } from '../../../shared/enrolment/views';
import type { CoreContext } from '../context';
import { getCustomer } from '../customers/repository';
import { followUpHandlers } from '../followups/handlers';
import type { PieceHandlers } from '../handlers';
import { prizeHandlers } from '../prizes/handlers';
import { trialHandlers } from '../trials/handlers';
import { campaignsOnOffer, campaignSummary } from './campaigns';
import { enrolCustomer } from './enrol';
import { evaluateFor, evaluationSetting, evaluationStatus, evaluationView } from './evaluation';
import { enrolmentsOf, enrolmentView, requireEnrolment } from './records';
import { requireCurrentCampaign } from './reference';
import { counterStaff } from './staff';

const statusRank: Record<EvaluationStatus, number> = { eligible: 0, needs_options: 1, ineligible: 2 };

function campaignHandlers(ctx: CoreContext): PieceHandlers<typeof campaignMethods> {
  return {
    'campaign.list': () => {
      const setting = evaluationSetting(ctx);
      return {
        today: setting.today,
        campaigns: campaignsOnOffer(ctx, setting.today, setting.hallCode).map((c) => campaignSummary(c, setting.plans)),
      };
    },
    'campaign.evaluateForCustomer': ({ customerId, options }) => {
      const setting = evaluationSetting(ctx);
      const customer = getCustomer(ctx, customerId);
      const evaluations: CustomerEvaluation[] = campaignsOnOffer(ctx, setting.today, setting.hallCode).map((campaign) => {
        const evaluation = evaluateFor(ctx, setting, customer, campaign, options?.[campaign.id] ?? {});
        return { campaign: campaignSummary(campaign, setting.plans), status: evaluationStatus(evaluation, campaign, setting, customer), evaluation: evaluationView(evaluation) };
      });
      // Stable sort: within a status the campaigns keep the order of the ten kinds.
      evaluations.sort((a, b) => statusRank[a.status] - statusRank[b.status]);
      return { today: setting.today, evaluations };
    },
    'campaign.evaluate': ({ customerId, campaignId, options }) => {
      const setting = evaluationSetting(ctx);
      const customer = getCustomer(ctx, customerId);
      const campaign = requireCurrentCampaign(ctx, campaignId);
      const evaluation = evaluateFor(ctx, setting, customer, campaign, options);
      return {
        campaign: campaignSummary(campaign, setting.plans),
        status: evaluationStatus(evaluation, campaign, setting, customer),
        evaluation: evaluationView(evaluation),
      };
    },
  };
}

function enrolmentRecordHandlers(ctx: CoreContext): PieceHandlers<typeof enrolmentRecordMethods> {
  return {
    'enrolment.create': (input, call) => enrolCustomer(ctx, counterStaff(call), input),
    'enrolment.get': ({ enrolmentNo }) => ({ enrolment: enrolmentView(ctx, requireEnrolment(ctx, enrolmentNo)) }),
    'enrolment.listForCustomer': ({ customerId, limit }) => {
      getCustomer(ctx, customerId);
      return { enrolments: enrolmentsOf(ctx, customerId, limit).map((row) => enrolmentView(ctx, row)) };
    },
  };
}

export function enrolmentHandlers(ctx: CoreContext): PieceHandlers<typeof enrolmentMethods> {
  return {
    ...campaignHandlers(ctx),
    ...enrolmentRecordHandlers(ctx),
    ...trialHandlers(ctx),
    ...prizeHandlers(ctx),
    ...followUpHandlers(ctx),
  };
}

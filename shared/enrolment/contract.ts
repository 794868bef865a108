import { joinPieces } from '../contract/define';
import { campaignMethods } from './campaign-contract';
import { enrolmentRecordMethods } from './enrolment-contract';
import { followUpMethods } from './followup-contract';
import { prizeMethods } from './prize-contract';
import { trialMethods } from './trial-contract';

/** Campaigns, enrolment, the trial lifecycle, prize claims and the follow-up lists. */
export const enrolmentMethods = joinPieces(campaignMethods, enrolmentRecordMethods, trialMethods, prizeMethods, followUpMethods);

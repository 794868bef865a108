import { joinPieces } from '../contract/define';
import { listMethods } from './lists';
import { registerMethods } from './register';
import { summaryMethods } from './summary';

/** The manager's business summary, the weekly trial register and the follow-up lists the enrolment methods don't give. */
export const reportMethods = joinPieces(summaryMethods, registerMethods, listMethods);

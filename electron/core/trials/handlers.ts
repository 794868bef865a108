import type { trialMethods } from '../../../shared/enrolment/trial-contract';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { counterStaff } from '../enrolment/staff';
import type { PieceHandlers } from '../handlers';
import { advanceTrials } from './advance';
import { cancelTrial } from './cancel';
import { confirmInstall } from './install';
import { listTrials, trialView } from './records';
import { completeRecovery } from './recovery';

export function trialHandlers(ctx: CoreContext): PieceHandlers<typeof trialMethods> {
  return {
    'trial.list': ({ status, limit }) => ({ trials: listTrials(ctx, status, limit).map((t) => trialView(ctx, t)) }),
    'trial.confirmInstall': (input, call) => confirmInstall(ctx, counterStaff(call), input),
    'trial.cancel': (input, call) => cancelTrial(ctx, counterStaff(call), input),
    'recovery.complete': (input, call) => completeRecovery(ctx, counterStaff(call), input),
    'trial.advance': (_input, call) => {
      const today = shanghaiDate(ctx.clock.now());
      return { today, changes: advanceTrials(ctx, today, counterStaff(call)) };
    },
  };
}

import type { reportMethods } from '../../../shared/reports/contract';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { trialCalls } from './calls';
import { recoveryCounts, recoveryList } from './recoveries';
import { referralCredits, referralTotals } from './referrals';
import { trialRegister } from './register';
import { businessSummary } from './summary';

/** Read-only: reports and lists never write, so nothing here is audited or sent to HQ. */
export function reportHandlers(ctx: CoreContext): PieceHandlers<typeof reportMethods> {
  const today = (): string => shanghaiDate(ctx.clock.now());
  return {
    'report.summary': (input) => businessSummary(ctx, input),
    'report.trialRegister': ({ weekOf }) => trialRegister(ctx, weekOf),
    'lists.trialCalls': (filter) => {
      const day = today();
      return { today: day, calls: trialCalls(ctx, day, filter) };
    },
    'lists.recoveries': (filter) => {
      const day = today();
      return { today: day, orders: recoveryList(ctx, day, filter), summary: recoveryCounts(ctx, day) };
    },
    'lists.referralCredits': (filter) => {
      const day = today();
      return { today: day, credits: referralCredits(ctx, day, filter), totals: referralTotals(ctx) };
    },
  };
}

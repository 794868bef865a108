import type { prizeMethods } from '../../../shared/enrolment/prize-contract';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { getCustomer } from '../customers/repository';
import { counterStaff } from '../enrolment/staff';
import type { PieceHandlers } from '../handlers';
import { claimPrize, IdentityMisses } from './claim';
import { prizeWinView, winsOf } from './wins';

export function prizeHandlers(ctx: CoreContext): PieceHandlers<typeof prizeMethods> {
  const misses = new IdentityMisses();
  return {
    'prize.listWins': ({ customerId }) => {
      getCustomer(ctx, customerId);
      const today = shanghaiDate(ctx.clock.now());
      return { today, wins: winsOf(ctx, customerId).map((w) => prizeWinView(ctx, w, today)) };
    },
    'prize.claim': (input, call) => claimPrize(ctx, counterStaff(call), misses, input),
  };
}

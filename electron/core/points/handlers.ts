import type { pointsMallMethods } from '../../../shared/points/contract';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { getCustomer } from '../customers/repository';
import type { PieceHandlers, StaffCall } from '../handlers';
import { listCatalogue } from './catalogue';
import { settingsReachability, type HqReachability } from './reachability';
import { redeemPoints, type CounterStaff } from './redeem';
import { listRedemptionsOf, redemptionView, requireRedemption } from './redemptions';
import { voidRedemption } from './void';

function counterStaff(call: StaffCall): CounterStaff {
  return { actor: call.actor, staffNo: call.session.staff.staffNo, name: call.session.staff.name };
}

/** `hq` defaults to the settings the sync client maintains; tests and the sync work may pass their own. */
export function pointsMallHandlers(ctx: CoreContext, hq: HqReachability = settingsReachability(ctx)): PieceHandlers<typeof pointsMallMethods> {
  return {
    'catalogue.list': (filter) => {
      if (filter.customerId !== undefined) getCustomer(ctx, filter.customerId);
      return { items: listCatalogue(ctx, filter, shanghaiDate(ctx.clock.now())) };
    },
    'redemption.create': (input, call) => redeemPoints(ctx, hq, counterStaff(call), input),
    'redemption.get': ({ redemptionNo }) => ({ redemption: redemptionView(ctx, requireRedemption(ctx, redemptionNo)) }),
    'redemption.listForCustomer': ({ customerId, limit }) => {
      getCustomer(ctx, customerId);
      return { redemptions: listRedemptionsOf(ctx, customerId, limit).map((r) => redemptionView(ctx, r)) };
    },
    'redemption.void': (input, call) => voidRedemption(ctx, hq, counterStaff(call), call.approvedBy, input),
  };
}

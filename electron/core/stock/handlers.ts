import type { stockMethods } from '../../../shared/stock/contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { stockMoveHandlers } from './moves';
import { stocktakeHandlers } from './stocktake';
import { stockViewHandlers } from './views';

export function stockHandlers(ctx: CoreContext): PieceHandlers<typeof stockMethods> {
  return { ...stockViewHandlers(ctx), ...stockMoveHandlers(ctx), ...stocktakeHandlers(ctx) };
}

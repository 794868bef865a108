import type { stockMethods } from '../../../shared/stock/contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';

export function stockHandlers(_ctx: CoreContext): PieceHandlers<typeof stockMethods> {
  return {};
}

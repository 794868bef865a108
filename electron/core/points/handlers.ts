import type { pointsMallMethods } from '../../../shared/points/contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';

export function pointsMallHandlers(_ctx: CoreContext): PieceHandlers<typeof pointsMallMethods> {
  return {};
}

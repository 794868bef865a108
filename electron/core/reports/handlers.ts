import type { reportMethods } from '../../../shared/reports/contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';

export function reportHandlers(_ctx: CoreContext): PieceHandlers<typeof reportMethods> {
  return {};
}

import type { auditMethods } from '../../../shared/audit/contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { listAudit, verifyAudit } from './log';

export function auditHandlers(ctx: CoreContext): PieceHandlers<typeof auditMethods> {
  return {
    'audit.list': ({ limit, beforeSeq }) => ({ entries: listAudit(ctx.store, limit, beforeSeq) }),
    'audit.verify': () => verifyAudit(ctx.store),
  };
}

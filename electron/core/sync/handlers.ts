import { DomainError } from '../../../shared/contract/errors';
import type { syncMethods } from '../../../shared/sync/contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { registerWithHq } from './register';
import type { SyncService } from './service';
import { listConflicts, resolveConflict, syncStatus } from './status';

/** The sync page's methods (shared/sync/contract.ts). */
export function syncHandlers(ctx: CoreContext, service: SyncService): PieceHandlers<typeof syncMethods> {
  return {
    'sync.status': () => syncStatus(ctx, service),
    'sync.now': () => {
      if (!service.registration()) throw new DomainError('HQ_UNAVAILABLE', '本柜台尚未在总部注册，无法同步');
      const { alreadyRunning } = service.scheduler.syncNow();
      return { started: !alreadyRunning, alreadyRunning };
    },
    'sync.conflicts': (input) => ({ conflicts: listConflicts(ctx, input.status) }),
    'sync.resolveConflict': (input, call) => ({ conflict: resolveConflict(ctx, call.actor, input) }),
    'sync.register': async (input) => {
      const result = await registerWithHq(ctx, service.fetcher, { ...input, appVersion: ctx.appVersion });
      service.resetClient();
      // A freshly registered counter syncs at once: its first pull brings the catalogue and customers.
      void service.scheduler.syncNow();
      return result;
    },
  };
}

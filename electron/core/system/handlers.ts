import type { z } from 'zod';
import type { HqState, systemMethods } from '../../../shared/system/contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { unsyncedCount } from '../outbox/outbox';
import { readRegistration } from '../sync/state';
import { readDevice } from './device';

/** What the sync client (HQ issue) tells the top bar; until it exists, HQ is not configured. */
export interface HqStatusSource {
  state(): z.infer<typeof HqState>;
  lastSyncAt(): string | null;
  /** The HQ address this counter was configured with (HALLDESK_HQ_URL), if any: the registration screen offers it. */
  configuredUrl(): string | null;
}

export const noHq: HqStatusSource = { state: () => 'not_configured', lastSyncAt: () => null, configuredUrl: () => null };

export function systemHandlers(ctx: CoreContext, hq: HqStatusSource): PieceHandlers<typeof systemMethods> {
  return {
    'system.info': () => {
      const device = readDevice(ctx);
      return {
        appVersion: ctx.appVersion,
        schemaVersion: ctx.store.schemaVersion,
        hall: { code: device?.hallCode ?? '', name: device?.hallName ?? '未注册' },
        counter: { code: device?.counterCode ?? '', name: device?.counterName ?? '' },
        demo: device?.mode === 'demo',
        registered: readRegistration(ctx) !== undefined,
        hqUrl: readRegistration(ctx)?.hqUrl ?? hq.configuredUrl(),
        clockFrozen: ctx.clock.frozen,
        now: ctx.clock.now().toISOString(),
      };
    },
    'system.status': () => ({
      hq: hq.state(),
      lastSyncAt: hq.lastSyncAt(),
      unsyncedEvents: unsyncedCount(ctx.store),
    }),
  };
}

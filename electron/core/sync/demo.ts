import { DEMO_CODE_PATH, DemoCodeResponse } from '../../../shared/sync/protocol';
import type { CoreContext } from '../context';
import { readDevice } from '../system/device';
import { registerWithHq } from './register';
import type { SyncService } from './service';

/**
 * Registers a demo-hall counter with the demo HQ (hq/src/demo.ts) if it is not yet
 * registered: a demo HQ hands a demo counter its one-time code itself, which a real HQ
 * never does. Then the counter syncs like any other.
 */
export async function connectDemoCounter(ctx: CoreContext, sync: SyncService, hqUrl: string): Promise<void> {
  if (sync.registration()) return;
  const device = readDevice(ctx);
  if (device?.mode !== 'demo') throw new Error('only a demo-hall counter registers itself with the demo HQ');
  const res = await sync.fetcher(`${hqUrl.replace(/\/$/, '')}${DEMO_CODE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hallCode: device.hallCode, counterCode: device.counterCode }),
    signal: AbortSignal.timeout(10_000),
  });
  const parsed = DemoCodeResponse.safeParse(await res.json().catch(() => undefined));
  if (!res.ok || !parsed.success) throw new Error(`the demo HQ at ${hqUrl} gave no registration code (${res.status})`);
  await registerWithHq(ctx, sync.fetcher, { hqUrl, code: parsed.data.code, appVersion: ctx.appVersion });
  sync.resetClient();
  ctx.log.info('sync.demo.registered', { hqUrl, hall: device.hallCode, counter: device.counterCode });
}

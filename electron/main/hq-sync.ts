import type { Core } from '../core/core';
import { connectDemoCounter } from '../core/sync/demo';
import { DEMO_HQ_PORT, HEALTH_PATH, HealthResponse } from '../../shared/sync/protocol';
import type { MainService } from './services';

/** Where the demo hall's HQ listens on this machine (`npm start` starts it: scripts/start.mjs). */
export const DEMO_HQ_URL = `http://127.0.0.1:${DEMO_HQ_PORT}`;

export interface HqSyncDeps {
  /** True when a demo HQ answers its health check at `url`. */
  probeDemoHq(url: string): Promise<boolean>;
  /** Registers this demo-hall counter with that HQ (once; a registered counter is left alone). */
  connectDemo(core: Core, url: string): Promise<void>;
}

async function probeDemoHq(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}${HEALTH_PATH}`, { signal: AbortSignal.timeout(1_500) });
    const health = HealthResponse.safeParse(await res.json());
    return health.success && health.data.demo;
  } catch {
    return false;
  }
}

export const realHqSyncDeps: HqSyncDeps = {
  probeDemoHq,
  connectDemo: (core, url) => connectDemoCounter(core.ctx, core.sync, url),
};

/**
 * The HQ sync timer as a main-process service: started after the window, stopped before
 * the core closes. From source with no HQ configured, the demo counter joins the demo
 * hall's HQ if one answers on this machine (else it works alone, HQ "not configured"); a
 * packaged app never looks for one: it syncs with the HQ it registered with, or idles.
 */
export function hqSyncService(deps: HqSyncDeps = realHqSyncDeps): MainService {
  let running: Core | undefined;
  return {
    name: 'hq-sync',
    start({ core, config, packaged }) {
      running = core;
      const log = core.ctx.log;
      if (packaged || config.hqUrl || config.demoHq === 'off') {
        core.sync.start();
        return;
      }
      // Stopped while the demo HQ was being asked: the core may be closing, leave it alone.
      const alive = () => running === core;
      void joinDemoHq(deps, core, log, alive).finally(() => {
        if (alive()) core.sync.start();
      });
    },
    stop() {
      running?.sync.stop();
      running = undefined;
    },
  };
}

async function joinDemoHq(deps: HqSyncDeps, core: Core, log: Core['ctx']['log'], alive: () => boolean): Promise<void> {
  const answers = await deps.probeDemoHq(DEMO_HQ_URL);
  if (!alive()) return;
  if (!answers) {
    log.info('sync.demo_hq.absent', { url: DEMO_HQ_URL });
    return;
  }
  try {
    await deps.connectDemo(core, DEMO_HQ_URL);
    log.info('sync.demo_hq.joined', { url: DEMO_HQ_URL });
  } catch (err) {
    // The demo must not depend on its HQ: the counter works alone and the top bar says so.
    log.warn('sync.demo_hq.failed', { url: DEMO_HQ_URL, error: err instanceof Error ? err.message : String(err) });
  }
}

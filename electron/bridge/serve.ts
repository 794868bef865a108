import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../core/config';
import { createCore, type Core } from '../core/core';
import { connectDemoCounter } from '../core/sync/demo';
import { startDemoHq, type DemoHq } from '../../hq/src/demo';
import { slipsDir } from '../core/slips/files';
import { APP_VERSION } from '../core/version';
import { createBridgePrinter } from './printer';
import { startBridge } from './server';

/**
 * `npm run web`: the real core on a real SQLite file, served with the built renderer
 * to a browser on 127.0.0.1. Used by the end-to-end tests and by reviewers where
 * Electron cannot run.
 */
const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const config = loadConfig(process.env, { packaged: false, defaultDataDir: join(repo, '.data/web') });
  // Slips are printed by loading the bridge's own print page, whose origin is known once it listens.
  let origin = '';
  const printer = createBridgePrinter({ origin: () => origin });
  const core = createCore({
    dataDir: config.dataDir,
    clock: config.clock,
    appVersion: APP_VERSION,
    logToConsole: true,
    printer,
    sync: config.hqUrl ? { hqUrl: config.hqUrl } : {},
    ...(config.hqUrl ? {} : { demo: { counterCode: config.demoCounter } }),
  });
  const demoHq = config.hqUrl || config.demoHq === 'off' ? undefined : await joinDemoHq(core);
  core.sync.start();
  const bridge = await startBridge({
    dispatch: core.dispatch,
    staticDir: join(repo, 'out/renderer'),
    slipsDir: slipsDir(config.dataDir),
    port: config.webPort,
  });
  origin = bridge.url;
  console.log(`HallDesk web bridge: ${bridge.url}  (data: ${config.dataDir}${config.clock.frozen ? ', clock frozen' : ''})`);

  const stop = (): void => {
    core.sync.stop();
    void bridge
      .close()
      .then(() => printer.close())
      .then(() => demoHq?.close())
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The demo hall's HQ on embedded PostgreSQL (shared by the demo counters on this machine),
 * with this counter registered to it. If it cannot start, the counter works alone and the
 * top bar says HQ is offline: the demo must not depend on it.
 */
async function joinDemoHq(core: Core): Promise<DemoHq | undefined> {
  try {
    const hq = await startDemoHq({ log: (line) => core.ctx.log.info('demo_hq', { line }) });
    await connectDemoCounter(core.ctx, core.sync, hq.url);
    console.log(`HallDesk demo HQ: ${hq.url}${hq.owned ? ' (started here, embedded PostgreSQL in .data/hq-demo)' : ' (shared)'}`);
    return hq;
  } catch (err) {
    console.warn(`HallDesk: the demo HQ did not start (${err instanceof Error ? err.message : String(err)}); this counter works offline.`);
    return undefined;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `HallDesk: ${err.message}` : err);
  process.exit(1);
});

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../core/config';
import { createCore } from '../core/core';
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
    ...(config.hqUrl ? {} : { demo: { counterCode: config.demoCounter } }),
  });
  const bridge = await startBridge({
    dispatch: core.dispatch,
    staticDir: join(repo, 'out/renderer'),
    slipsDir: slipsDir(config.dataDir),
    port: config.webPort,
  });
  origin = bridge.url;
  console.log(`HallDesk web bridge: ${bridge.url}  (data: ${config.dataDir}${config.clock.frozen ? ', clock frozen' : ''})`);

  const stop = (): void => {
    void bridge
      .close()
      .then(() => printer.close())
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `HallDesk: ${err.message}` : err);
  process.exit(1);
});

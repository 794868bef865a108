// Security first: the guards are installed before anything can create a web contents.
import { guardAllWebContents, hardenSession } from './security';
import { existsSync } from 'node:fs';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { ConfigError, loadConfig, type RuntimeConfig } from '../core/config';
import { createCore, type Core } from '../core/core';
import { APP_VERSION } from '../core/version';
import type { HqSyncDeps } from './hq-sync';
import { registerIpc } from './ipc';
import { chooseNativeBinding, nativeLoadHint } from './native';
import { APP_ENTRY_URL } from './origin';
import { appPaths } from './paths';
import { registerAppScheme, serveApp } from './protocol';
import { createElectronPrinter } from './printing';
import { mainServices } from './services';
import { createMainWindow, focusWindow } from './window';

export const STARTUP_FAILED_TITLE = 'HallDesk 无法启动 / HallDesk cannot start';

export interface StartOptions {
  /** The environment `loadConfig` reads; the process's own unless a test passes one. */
  env?: Record<string, string | undefined>;
  /** How the sync service finds the demo hall's HQ; the real network unless a test passes stand-ins. */
  hq?: HqSyncDeps;
}

/**
 * The whole main-process lifecycle. Resolves once the window is created, or once the
 * app has decided to quit (second instance, bad configuration, missing binding).
 */
export async function startApp(options: StartOptions = {}): Promise<void> {
  // These only take effect before `ready`.
  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents();

  // Two processes on one SQLite file would fight over it: a second launch focuses the first window and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Listened to from the start: a second launch during boot must not be lost.
  const shown: { window?: BrowserWindow } = {};
  app.on('second-instance', () => focusWindow(shown.window));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const paths = appPaths(app.getAppPath());
  const opened = openCore(options.env ?? process.env, paths.syncWorker);
  if (!opened) {
    app.quit();
    return;
  }
  const { core, config } = opened;
  const log = core.ctx.log;
  log.info('app.start', { packaged: app.isPackaged, dataDir: config.dataDir, clockFrozen: config.clock.frozen });

  hardenSession(session.defaultSession);
  serveApp(paths.renderer);
  const unregisterIpc = registerIpc({ dispatch: core.dispatch, log });
  const window = createMainWindow({ preload: paths.preload, url: APP_ENTRY_URL, log });
  shown.window = window;

  const services = mainServices({ hq: options.hq });
  for (const service of services) service.start({ core, window, config, packaged: app.isPackaged });

  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    for (const service of services) service.stop();
    unregisterIpc();
    core.close();
  });
}

/** Configuration, native binding and database; on any failure the clerk sees why and the app quits. */
function openCore(env: Record<string, string | undefined>, syncWorker: string): { core: Core; config: RuntimeConfig } | undefined {
  let config: RuntimeConfig;
  try {
    // A packaged app refuses HALLDESK_NOW here: loadConfig throws a ConfigError for it.
    config = loadConfig(env, { packaged: app.isPackaged, defaultDataDir: app.getPath('userData') });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    dialog.showErrorBox(STARTUP_FAILED_TITLE, `配置错误 / Configuration error:\n${err.message}`);
    return undefined;
  }

  const native = chooseNativeBinding({ packaged: app.isPackaged, appPath: app.getAppPath(), exists: existsSync });
  if (native.kind === 'missing') {
    dialog.showErrorBox(STARTUP_FAILED_TITLE, native.message);
    return undefined;
  }

  const nativeBinding = native.kind === 'file' ? { nativeBinding: native.file } : {};
  try {
    const core = createCore({
      dataDir: config.dataDir,
      clock: config.clock,
      appVersion: APP_VERSION,
      logToConsole: !app.isPackaged,
      printer: createElectronPrinter(),
      ...nativeBinding,
      // The pull worker is its own bundle and opens the database with the same binding as the main connection.
      sync: { ...(config.hqUrl ? { hqUrl: config.hqUrl } : {}), pullWorker: { file: syncWorker, ...nativeBinding } },
      // Same rule as the browser bridge (electron/bridge/serve.ts): no HQ means the demo hall.
      ...(config.hqUrl ? {} : { demo: { counterCode: config.demoCounter } }),
    });
    return { core, config };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const hint = nativeLoadHint(message, app.isPackaged);
    dialog.showErrorBox(STARTUP_FAILED_TITLE, [`无法打开数据库 / Cannot open the database (${config.dataDir}):`, message, hint ?? ''].join('\n').trim());
    return undefined;
  }
}

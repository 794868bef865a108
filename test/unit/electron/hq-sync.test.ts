import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { SyncService } from '../../../electron/core/sync/service';
import { startApp } from '../../../electron/main/app';
import { DEMO_HQ_URL, type HqSyncDeps } from '../../../electron/main/hq-sync';
import { app, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

/**
 * The HQ sync timer runs in the Electron app as a main-process service: started after the
 * window, stopped before the core closes. From source with no HQ configured the demo
 * counter joins the demo hall's HQ on this machine if it answers; a packaged app never looks.
 */
const NOW = '2026-11-21T01:30:00.000Z';
let dir: string;
let dataDir: string;

function makeAppFolder(withBinding: boolean): void {
  mkdirSync(join(app.appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(app.appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>HallDesk</title>');
  if (withBinding) {
    // Vitest runs under Node: Node's build of better-sqlite3 stands in for Electron's.
    const sqlite = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    mkdirSync(join(app.appPath, '.electron-native'));
    copyFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), join(app.appPath, '.electron-native', 'better_sqlite3.node'));
  }
}

/** Stand-ins for the network: whether a demo HQ answers, and the counter's registration with it. */
function demoHq(answers: boolean | Promise<boolean>, connect: (core: Core, url: string) => Promise<void> = () => Promise.resolve()) {
  const deps = { probeDemoHq: vi.fn<HqSyncDeps['probeDemoHq']>(() => Promise.resolve(answers)), connectDemo: vi.fn<HqSyncDeps['connectDemo']>(connect) };
  return deps;
}

const quit = () => app.emit('will-quit', { preventDefault: () => undefined });

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'halldesk-main-sync-'));
  app.appPath = join(dir, 'app');
  app.userDataPath = join(dir, 'userData');
  dataDir = join(dir, 'data');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  quit();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the HQ sync service of the Electron main process', () => {
  it('from source with no HQ configured: joins the demo HQ that answers, then starts the timer, after the window', async () => {
    makeAppFolder(true);
    const shown = vi.spyOn(FakeBrowserWindow.prototype, 'loadURL');
    const started = vi.spyOn(SyncService.prototype, 'start');
    const hq = demoHq(true);
    await startApp({ env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW }, hq });
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1));
    expect(DEMO_HQ_URL).toBe('http://127.0.0.1:7300');
    expect(hq.probeDemoHq).toHaveBeenCalledExactlyOnceWith(DEMO_HQ_URL);
    expect(hq.connectDemo).toHaveBeenCalledTimes(1);
    const [core, url] = hq.connectDemo.mock.calls[0] ?? [];
    expect(url).toBe(DEMO_HQ_URL);
    expect(core?.sync).toBeInstanceOf(SyncService);
    expect(shown.mock.invocationCallOrder[0]).toBeLessThan(hq.connectDemo.mock.invocationCallOrder[0] ?? 0);
    expect(hq.connectDemo.mock.invocationCallOrder[0]).toBeLessThan(started.mock.invocationCallOrder[0] ?? 0);
    expect(core?.sync.scheduler.nextAt).not.toBeNull();
  });

  it('works alone when no demo HQ answers, or when joining it fails', async () => {
    makeAppFolder(true);
    const started = vi.spyOn(SyncService.prototype, 'start');
    const absent = demoHq(false);
    await startApp({ env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW }, hq: absent });
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1));
    expect(absent.connectDemo).not.toHaveBeenCalled();
    quit();

    resetFakeElectron();
    app.appPath = join(dir, 'app');
    app.userDataPath = join(dir, 'userData');
    const broken = demoHq(true, () => Promise.reject(new Error('HQ said no')));
    await startApp({ env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW }, hq: broken });
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(2));
    expect(broken.connectDemo).toHaveBeenCalledTimes(1);
  });

  it('never looks for a demo HQ in a packaged app, with an HQ configured, or with HALLDESK_DEMO_HQ=off', async () => {
    const started = vi.spyOn(SyncService.prototype, 'start');
    for (const [packaged, env] of [
      [true, { HALLDESK_DATA_DIR: dataDir }],
      [false, { HALLDESK_DATA_DIR: join(dir, 'hq'), HALLDESK_HQ_URL: 'https://hq.example/' }],
      [false, { HALLDESK_DATA_DIR: dataDir, HALLDESK_DEMO_HQ: 'off' }],
    ] as const) {
      resetFakeElectron();
      app.appPath = join(dir, packaged ? 'packaged' : 'app');
      app.userDataPath = join(dir, 'userData');
      app.isPackaged = packaged;
      makeAppFolder(!packaged);
      const hq = demoHq(true);
      await startApp({ env, hq });
      expect(hq.probeDemoHq).not.toHaveBeenCalled();
      expect(started).toHaveBeenCalled();
      started.mockClear();
      quit();
      rmSync(app.appPath, { recursive: true, force: true });
    }
  });

  it('stops the timer before the core closes, and neither joins the demo HQ nor starts once the app is quitting', async () => {
    makeAppFolder(true);
    const stopped = vi.spyOn(SyncService.prototype, 'stop');
    const closed = vi.spyOn(Database.prototype, 'close');
    const started = vi.spyOn(SyncService.prototype, 'start');
    let answer: (yes: boolean) => void = () => undefined;
    const slow = demoHq(new Promise<boolean>((resolve) => (answer = resolve)));
    await startApp({ env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW }, hq: slow });
    quit();
    expect(stopped).toHaveBeenCalled();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(stopped.mock.invocationCallOrder[0]).toBeLessThan(closed.mock.invocationCallOrder[0] ?? 0);
    answer(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(slow.connectDemo).not.toHaveBeenCalled();
    expect(started).not.toHaveBeenCalled();
  });
});

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '../../../shared/contract/index';
import { RENDERER_CSP } from '../../../shared/contract/csp';
import { startApp, STARTUP_FAILED_TITLE } from '../../../electron/main/app';
import {
  app,
  defaultSession,
  dialog,
  invokeEvent,
  ipcMain,
  navigationEvent,
  protocol,
  resetFakeElectron,
  windows,
  type FakeBrowserWindow,
} from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const NOW = '2026-11-21T01:30:00.000Z';
// No demo HQ answers in these tests, whatever runs on this machine's port 7300 (hq-sync.test.ts covers one that does).
const noDemoHq = { probeDemoHq: () => Promise.resolve(false), connectDemo: () => Promise.reject(new Error('no demo HQ in this test')) };
const APP_PAGE = 'app://halldesk/index.html';

let dir: string;
let appPath: string;
let dataDir: string;

/**
 * A stand-in app folder: the built renderer, and at .electron-native/ the binding the
 * dev app loads. Vitest runs under Node, so Node's build stands in for Electron's.
 */
function makeAppFolder(withBinding: boolean): void {
  mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>HallDesk</title>');
  if (withBinding) {
    const sqlite = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    mkdirSync(join(appPath, '.electron-native'));
    copyFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), join(appPath, '.electron-native', 'better_sqlite3.node'));
  }
}

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'halldesk-main-'));
  appPath = join(dir, 'app');
  dataDir = join(dir, 'data');
  app.appPath = appPath;
  app.userDataPath = join(dir, 'userData');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  // Closes the core the test started, as quitting Electron would.
  app.emit('will-quit', { preventDefault: () => undefined });
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function onlyWindow(): FakeBrowserWindow {
  expect(windows).toHaveLength(1);
  const [window] = windows;
  if (!window) throw new Error('no window');
  return window;
}

function invoke(method: string, senderUrl: string | null, envelope: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(channelFor(method as (typeof methodNames)[number]));
  if (!handler) throw new Error(`no handler for ${method}`);
  return Promise.resolve(handler(invokeEvent(senderUrl), envelope));
}

function expectRefusedToStart(fragment: string): void {
  expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
  const [title, content] = dialog.showErrorBox.mock.calls[0] ?? [];
  expect(title).toBe(STARTUP_FAILED_TITLE);
  expect(content).toContain(fragment);
  expect(app.quit).toHaveBeenCalled();
  expect(windows).toHaveLength(0);
  expect(ipcMain.handlers.size).toBe(0);
}

describe('startApp from source (dev)', () => {
  beforeEach(() => makeAppFolder(true));

  it('sets up the sandbox, the scheme and the guards before ready', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    const ready = app.whenReady.mock.invocationCallOrder[0] ?? 0;
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(app.requestSingleInstanceLock.mock.invocationCallOrder[0]).toBeLessThan(ready);
  });

  it('opens one 1366x768 window with the secure webPreferences and the built preload', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    const window = onlyWindow();
    expect(window.options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 640, show: false });
    expect(window.options.webPreferences).toEqual({
      preload: join(appPath, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(window.loadedUrls).toEqual([APP_PAGE]);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it("guards the window's contents: no navigation away, no new windows, no webview", async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    const contents = onlyWindow().webContents;
    const away = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = navigationEvent('app://halldesk/index.html');
    contents.emit('will-navigate', home);
    expect(home.preventDefault).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission on the default session', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    const callback = vi.fn();
    defaultSession.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(defaultSession.permissionCheckHandler?.({}, 'notifications', 'app://halldesk', {})).toBe(false);
  });

  it('serves the built renderer on app:// with the CSP, and nothing outside it', async () => {
    writeFileSync(join(appPath, 'out', 'secret.txt'), 'SECRET');
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    const handler = protocol.handlers.get('app');
    const page = await handler?.({ url: APP_PAGE, method: 'GET' });
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await page?.text()).toContain('<title>HallDesk</title>');
    const escape = await handler?.({ url: 'app://halldesk/..%2fsecret.txt', method: 'GET' });
    expect(escape?.status).toBe(404);
  });

  it('registers one IPC handler per contract method, answering from the demo hall core', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW, HALLDESK_COUNTER: '02' } });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((name) => channelFor(name)).sort());
    expect(ipcMain.eventNames()).toEqual([]);
    expect(await invoke('system.info', APP_PAGE, { input: {} })).toMatchObject({
      ok: true,
      value: { demo: true, clockFrozen: true, now: NOW, counter: { code: '02' } },
    });
    expect(await invoke('system.info', 'https://evil.example/', { input: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('does not seed the demo hall when an HQ is configured', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_HQ_URL: 'https://hq.example/' } });
    expect(await invoke('system.info', APP_PAGE, { input: {} })).toMatchObject({
      ok: true,
      value: { demo: false, clockFrozen: false, hall: { code: '' } },
    });
  });

  it('uses the userData folder when no data dir is configured', async () => {
    await startApp({ hq: noDemoHq, env: {} });
    expect(onlyWindow()).toBeDefined();
    expect(await invoke('system.info', APP_PAGE, { input: {} })).toMatchObject({ ok: true });
    expect(ipcMain.handlers.size).toBe(methodNames.length);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(app.userDataPath, 'halldesk.sqlite'))).toBe(true);
  });

  it('closes the core and drops the IPC handlers on quit', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    const handler = ipcMain.handlers.get(channelFor('system.info'));
    app.emit('will-quit', { preventDefault: () => undefined });
    expect(ipcMain.handlers.size).toBe(0);
    // A call that was already in flight finds the database closed and gets a value, not an exception.
    expect(await handler?.(invokeEvent(APP_PAGE), { input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('brings the first window forward when a second instance starts', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    const window = onlyWindow();
    window.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(window.restoreCount).toBe(1);
    expect(window.focusCount).toBe(1);
    expect(windows).toHaveLength(1);
  });

  it('quits when the window is closed', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('refuses a bad environment with a dialog and quits', async () => {
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_COUNTER: 'not a code!' } });
    expectRefusedToStart('HALLDESK_COUNTER');
  });
});

describe('startApp, refusals', () => {
  it('quits at once when another instance holds the lock', async () => {
    makeAppFolder(true);
    app.lockGranted = false;
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir } });
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(protocol.handlers.size).toBe(0);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('refuses HALLDESK_NOW in a packaged app', async () => {
    makeAppFolder(false);
    app.isPackaged = true;
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: NOW } });
    expectRefusedToStart('HALLDESK_NOW');
  });

  it('runs a packaged app on the default binding, with the real clock', async () => {
    // No .electron-native folder: a packaged app must not look for one.
    makeAppFolder(false);
    app.isPackaged = true;
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir } });
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(await invoke('system.info', APP_PAGE, { input: {} })).toMatchObject({ ok: true, value: { clockFrozen: false } });
  });

  it('tells a developer to run rebuild:electron when the Electron binding is missing', async () => {
    makeAppFolder(false);
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir } });
    expectRefusedToStart('npm run rebuild:electron');
  });

  it('explains a binding built for another runtime instead of crashing', async () => {
    makeAppFolder(false);
    mkdirSync(join(appPath, '.electron-native'));
    writeFileSync(join(appPath, '.electron-native', 'better_sqlite3.node'), 'not a shared library');
    await startApp({ hq: noDemoHq, env: { HALLDESK_DATA_DIR: dataDir } });
    expectRefusedToStart('npm run rebuild:electron');
  });
});

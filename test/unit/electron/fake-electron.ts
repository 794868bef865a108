import { EventEmitter } from 'node:events';
import { vi, type Mock } from 'vitest';

/**
 * A hand-written stand-in for the parts of the `electron` module the main process
 * uses, so electron/main runs under vitest where no Electron binary exists. It records
 * what the code asked for (windows, handlers, permissions) for the tests to assert,
 * and behaves like Electron where the code depends on it: a new window's web
 * contents are announced by `web-contents-created`, and a second `ipcMain.handle` on
 * one channel throws.
 *
 * Tests use it with:
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 * and call `resetFakeElectron()` before each test (the instances stay the same, so
 * the mocked module's exports never go stale).
 */

export type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
export type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

export interface NavigationEvent {
  url: string;
  preventDefault: () => void;
}

/**
 * What the printing calls of every web contents answer, set by a test before it prints:
 * the print page's readiness (what `executeJavaScript` resolves to; `null` never
 * resolves), the PDF bytes, the printer's verdict and the system's printers.
 */
export const printing = {
  probe: { state: 'ready', heightMm: 180.4, error: null } as unknown,
  pdf: Buffer.from('%PDF-1.4 fake slip'),
  verdict: { success: true, failureReason: '' },
  printers: [{ name: 'XP-80C' }, { name: 'Microsoft Print to PDF' }],
  reset(): void {
    this.probe = { state: 'ready', heightMm: 180.4, error: null };
    this.pdf = Buffer.from('%PDF-1.4 fake slip');
    this.verdict = { success: true, failureReason: '' };
    this.printers = [{ name: 'XP-80C' }, { name: 'Microsoft Print to PDF' }];
  },
};

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly scripts: string[] = [];
  readonly pdfCalls: Record<string, unknown>[] = [];
  readonly printCalls: Record<string, unknown>[] = [];

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return printing.probe === null ? new Promise<never>(() => undefined) : Promise.resolve(printing.probe);
  }

  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.pdfCalls.push(options);
    return Promise.resolve(printing.pdf);
  }

  /** As in Electron, the verdict arrives later, through the callback. */
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(options);
    const { success, failureReason } = printing.verdict;
    setImmediate(() => callback(success, failureReason));
  }

  getPrintersAsync(): Promise<{ name: string }[]> {
    return Promise.resolve(printing.printers);
  }
}

export interface FakeWindowOptions {
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  show?: boolean;
  webPreferences?: Record<string, unknown>;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  minimized = false;
  visible = false;
  destroyed = false;
  focusCount = 0;
  restoreCount = 0;

  constructor(readonly options: FakeWindowOptions) {
    super();
    windows.push(this);
    // As in Electron: every new web contents is announced to the app.
    app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.restoreCount += 1;
    this.minimized = false;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focusCount += 1;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  appPath = '/nonexistent/app';
  userDataPath = '/nonexistent/userData';
  lockGranted = true;
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  readonly quit = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());

  getAppPath(): string {
    return this.appPath;
  }

  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath: unexpected ${name}`);
    return this.userDataPath;
  }

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.appPath = '/nonexistent/app';
    this.userDataPath = '/nonexistent/userData';
    this.lockGranted = true;
    for (const fn of [this.enableSandbox, this.requestSingleInstanceLock, this.quit, this.whenReady]) fn.mockClear();
  }
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, IpcHandler>();

  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string): never {
    throw new Error(`fake ipcMain.handleOnce(${channel}): the app is not expected to use it`);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  reset(): void {
    this.removeAllListeners();
    this.handlers.clear();
  }
}

class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly registerSchemesAsPrivileged = vi.fn();

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} handled twice`);
    this.handlers.set(scheme, handler);
  }

  reset(): void {
    this.handlers.clear();
    this.registerSchemesAsPrivileged.mockClear();
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null | undefined;
  permissionCheckHandler: PermissionCheckHandler | null | undefined;
  devicePermissionHandler: DevicePermissionHandler | null | undefined;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }

  reset(): void {
    this.permissionRequestHandler = undefined;
    this.permissionCheckHandler = undefined;
    this.devicePermissionHandler = undefined;
  }
}

export const windows: FakeBrowserWindow[] = [];
export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const protocol = new FakeProtocol();
export const defaultSession = new FakeSession();
export const dialog = { showErrorBox: vi.fn<(title: string, content: string) => void>() };

/** What `vi.mock('electron', …)` returns. */
export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  protocol,
  session: { defaultSession },
  dialog,
};

export function resetFakeElectron(): void {
  windows.length = 0;
  printing.reset();
  app.reset();
  ipcMain.reset();
  protocol.reset();
  defaultSession.reset();
  dialog.showErrorBox.mockClear();
}

/** A navigation-style event whose `preventDefault` the test can inspect. */
export function navigationEvent(url: string): NavigationEvent & { preventDefault: Mock<() => void> } {
  return { url, preventDefault: vi.fn<() => void>() };
}

/** An IPC invoke event as Electron builds it; `url` null stands for a destroyed frame. */
export function invokeEvent(url: string | null): { senderFrame: { url: string } | null } {
  return { senderFrame: url === null ? null : { url } };
}

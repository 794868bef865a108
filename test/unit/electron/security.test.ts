import { beforeEach, describe, expect, it, vi } from 'vitest';
import { guardAllWebContents, guardWebContents, hardenSession, secureWebPreferences } from '../../../electron/main/security';
import { app, defaultSession, FakeWebContents, navigationEvent, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

beforeEach(() => resetFakeElectron());

describe('secureWebPreferences', () => {
  it('turns every isolation on and every Node door off, with the given preload', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
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
  });
});

describe('guardWebContents', () => {
  function guarded(): FakeWebContents {
    const contents = new FakeWebContents();
    // The fake stands in for Electron's WebContents; the guard only uses on() and setWindowOpenHandler().
    guardWebContents(contents as unknown as Parameters<typeof guardWebContents>[0]);
    return contents;
  }

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5180/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://user@halldesk/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('prevents navigation and redirects to %s', (url) => {
    const contents = guarded();
    const navigate = navigationEvent(url);
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).toHaveBeenCalledTimes(1);
    const redirect = navigationEvent(url);
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalledTimes(1);
  });

  it("lets the app's own pages load", () => {
    const contents = guarded();
    const navigate = navigationEvent('app://halldesk/index.html#/stock');
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window, even one for the app itself', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://halldesk/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = guarded();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('is applied to every web contents the app creates', () => {
    guardAllWebContents();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission request, check and device', () => {
    hardenSession(defaultSession as unknown as Parameters<typeof hardenSession>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      defaultSession.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(defaultSession.permissionCheckHandler?.({}, permission, 'app://halldesk', {})).toBe(false);
    }
    expect(defaultSession.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});

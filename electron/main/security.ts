import { app, type Session, type WebContents, type WebPreferences } from 'electron';
import { isAppUrl } from './origin';

/**
 * The security defaults (STYLE.md "Security defaults stay on") in one module, imported
 * first by the app. Nothing here is relaxed for tests or development: the unit tests
 * assert these exact settings.
 */

/** The only webPreferences a HallDesk window is created with; the slip print window has no preload. */
export function secureWebPreferences(preload?: string): WebPreferences {
  return {
    ...(preload === undefined ? {} : { preload }),
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
  };
}

/**
 * Every web contents, present and future: no `<webview>`, no new windows, and no
 * navigation away from the app's origin (a dropped file or a crafted link would
 * otherwise replace the UI with a page that has the preload's API).
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The counter needs no camera, microphone, location, notifications or devices: refuse them all. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

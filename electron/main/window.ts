import { BrowserWindow } from 'electron';
import type { Logger } from '../core/log';
import { secureWebPreferences } from './security';

/** A counter PC's usual screen; the layout is designed for it. */
export const WINDOW_SIZE = { width: 1366, height: 768 } as const;
/** Below this the POS screens stop fitting without horizontal scrolling. */
export const WINDOW_MIN_SIZE = { width: 1024, height: 640 } as const;

export function createMainWindow(options: { preload: string; url: string; log: Logger }): BrowserWindow {
  const window = new BrowserWindow({
    ...WINDOW_SIZE,
    minWidth: WINDOW_MIN_SIZE.width,
    minHeight: WINDOW_MIN_SIZE.height,
    title: 'HallDesk',
    // Shown once painted, so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preload),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((err: unknown) => {
    options.log.error('window.load_failed', { url: options.url, error: err instanceof Error ? err.message : String(err) });
  });
  return window;
}

/** A second launch brings the running window forward instead of opening another counter. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

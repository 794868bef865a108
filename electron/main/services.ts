import type { BrowserWindow } from 'electron';
import type { RuntimeConfig } from '../core/config';
import type { Core } from '../core/core';

/**
 * The seam for main-process work that lives as long as the window: slip printing
 * (a hidden window + webContents.print) and the HQ sync timer (push the outbox every
 * 60 s with backoff, "sync now"). Both belong to later issues; each will be a
 * MainService added to the list below, started after the window exists and stopped
 * before the core closes.
 */
export interface MainService {
  readonly name: string;
  start(context: { core: Core; window: BrowserWindow; config: RuntimeConfig }): void;
  stop(): void;
}

export function mainServices(): MainService[] {
  return [];
}

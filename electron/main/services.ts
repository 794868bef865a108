import type { BrowserWindow } from 'electron';
import type { RuntimeConfig } from '../core/config';
import type { Core } from '../core/core';
import { hqSyncService, type HqSyncDeps } from './hq-sync';

/**
 * The seam for main-process work that lives as long as the window, such as the HQ sync
 * timer (push the outbox every 60 s with backoff, "sync now"): each is a MainService
 * added to the list below, started after the window exists and stopped before the core
 * closes. Slip printing is not one: it opens a hidden window per print and is handed to
 * the core as its SlipPrinter (printing.ts).
 */
export interface MainService {
  readonly name: string;
  start(context: { core: Core; window: BrowserWindow; config: RuntimeConfig; packaged: boolean }): void;
  stop(): void;
}

export function mainServices(deps?: { hq?: HqSyncDeps }): MainService[] {
  return [hqSyncService(deps?.hq)];
}

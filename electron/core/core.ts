import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { auditHandlers } from './audit/handlers';
import { customerHandlers } from './customers/handlers';
import { enrolmentHandlers } from './enrolment/handlers';
import { pointsMallHandlers } from './points/handlers';
import { reportHandlers } from './reports/handlers';
import { slipHandlers } from './slips/handlers';
import type { SlipPrinter } from './slips/printer';
import { stockHandlers } from './stock/handlers';
import { syncHandlers } from './sync/handlers';
import { SyncService, type SyncServiceOptions } from './sync/service';
import type { Clock } from './clock';
import type { CoreContext } from './context';
import { seedDemoHall } from './demo/seed';
import { createDispatcher, type Dispatch } from './dispatch';
import { createFileLogger, type Logger } from './log';
import { sessionHandlers, staffHandlers } from './staff/handlers';
import { approveAsManager } from './staff/accounts';
import { SessionTable } from './staff/sessions';
import { openStore } from './store/store';
import { systemHandlers, type HqStatusSource } from './system/handlers';
import type { Contract } from '../../shared/contract/index';
import type { PieceHandlers } from './handlers';

export interface CoreOptions {
  dataDir: string;
  clock: Clock;
  appVersion: string;
  /** better-sqlite3 build for this runtime; Node's default when absent. */
  nativeBinding?: string;
  /** Seed the demo hall on first start (no HQ configured). */
  demo?: { counterCode?: string };
  log?: Logger;
  logToConsole?: boolean;
  hq?: HqStatusSource;
  /** How slips reach paper: Electron's hidden window, the bridge's Chromium, a test's fake. */
  printer?: SlipPrinter;
  /** How this counter reaches HQ (none configured: the scheduler idles until a registration). */
  sync?: SyncServiceOptions;
}

export interface Core {
  readonly ctx: CoreContext;
  readonly dispatch: Dispatch;
  readonly sessions: SessionTable;
  readonly dbFile: string;
  readonly sync: SyncService;
  close(): void;
}

export const DB_FILE_NAME = 'halldesk.sqlite';

/** Opens the counter's database and assembles every domain's handlers behind one dispatcher. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const dbFile = join(options.dataDir, DB_FILE_NAME);
  const log = options.log ?? createFileLogger(join(options.dataDir, 'logs'), options.clock, options.logToConsole);
  const store = openStore({ file: dbFile, nativeBinding: options.nativeBinding, now: () => options.clock.now() });
  const ctx: CoreContext = { store, clock: options.clock, log, appVersion: options.appVersion };
  if (options.demo) seedDemoHall(ctx, options.demo.counterCode);

  const sessions = new SessionTable();
  const sync = new SyncService(ctx, options.sync);
  const handlers: PieceHandlers<Contract> = {
    ...systemHandlers(ctx, options.hq ?? sync.hq),
    ...sessionHandlers(ctx, sessions),
    ...staffHandlers(ctx, sessions),
    ...auditHandlers(ctx),
    ...customerHandlers(ctx),
    ...stockHandlers(ctx),
    ...pointsMallHandlers(ctx),
    ...enrolmentHandlers(ctx),
    ...reportHandlers(ctx),
    ...slipHandlers(ctx, { dataDir: options.dataDir, printer: options.printer }),
    ...syncHandlers(ctx, sync),
  };
  const dispatch = createDispatcher({
    handlers,
    sessions,
    clock: options.clock,
    log,
    approve: (staffNo, pin) => approveAsManager(ctx, staffNo, pin),
  });
  log.info('core.open', { dbFile, schemaVersion: store.schemaVersion });
  return {
    ctx,
    dispatch,
    sessions,
    dbFile,
    sync,
    close: () => {
      sync.stop();
      store.close();
    },
  };
}

import { DEFAULT_PULL_LIMIT } from '../../../shared/sync/protocol';
import type { SyncProgress } from '../../../shared/sync/contract';
import type { CoreContext } from '../context';
import type { HqStatusSource } from '../system/handlers';
import { HqClient, HqRequestError, type FetchLike } from './http';
import { applyPage, fetchPage } from './pull';
import { PullWorkerHost, type AppliedPage, type PullWorkerSpec } from './pull-host';
import { pushOutbox } from './push';
import { SyncScheduler, realTimers, type Timers } from './scheduler';
import { SYNC_SETTINGS, readRegistration, readSetting, readSyncState, recordAttempt, syncIntervalMs, type Registration } from './state';
import { sourcePullWorker } from './worker-spec';

export interface SyncServiceOptions {
  /** HALLDESK_HQ_URL: where HQ is now, over the address recorded at registration (HQ moved). */
  hqUrl?: string;
  fetch?: FetchLike;
  timers?: Timers;
  random?: () => number;
  /** Events per push request (default 200). */
  pushBatch?: number;
  /** Rows per pulled page; each page is one transaction. */
  pullLimit?: number;
  requestTimeoutMs?: number;
  /** Between two pulled pages: lets the counter's own requests run during a long first pull. */
  betweenPages?: () => Promise<void>;
  /**
   * Where pulled pages are checked and written: a worker thread (the default: the tsx
   * bootstrap from source; the app passes its bundle and native binding), or 'main-thread'
   * (the old way, kept for the bench's before/after).
   */
  pullWorker?: PullWorkerSpec | 'main-thread';
  initialDelayMs?: number;
}

export interface SyncOutcome {
  ok: boolean;
  pushed: { sent: number; accepted: number; duplicate: number; rejected: number };
  pulledRows: number;
  pages: number;
  error?: { kind: string; code: string; message: string };
}

const setImmediatePromise = () => new Promise<void>((ok) => setImmediate(ok));

/**
 * The counter's side of sync: push the outbox, then pull HQ's feed page by page, on a
 * timer with backoff or on demand. Plain Node: the clock, timers, randomness and fetch
 * are injected, so tests drive it step by step.
 */
export class SyncService {
  readonly scheduler: SyncScheduler;
  progress: SyncProgress | null = null;
  lastOutcome: SyncOutcome | null = null;
  private client: HqClient | undefined;
  private readonly fetch: FetchLike;
  private worker: PullWorkerHost | undefined;

  constructor(
    private readonly ctx: CoreContext,
    private readonly o: SyncServiceOptions = {},
  ) {
    this.fetch = o.fetch ?? ((url, init) => fetch(url, init));
    this.scheduler = new SyncScheduler({
      run: async () => (await this.runOnce()).ok,
      intervalMs: () => syncIntervalMs(ctx),
      timers: o.timers ?? realTimers,
      random: o.random ?? Math.random,
      now: () => ctx.clock.now(),
      initialDelayMs: o.initialDelayMs,
    });
  }

  get fetcher(): FetchLike {
    return this.fetch;
  }

  registration(): Registration | undefined {
    return readRegistration(this.ctx);
  }

  /** Forget the HTTP client (after registering: new device id and secret). */
  resetClient(): void {
    this.client = undefined;
  }

  private clientFor(reg: Registration): HqClient {
    if (!this.client) {
      this.client = new HqClient({ registration: { ...reg, hqUrl: this.o.hqUrl ?? reg.hqUrl }, fetch: this.fetch, clock: this.ctx.clock, timeoutMs: this.o.requestTimeoutMs });
      const drift = readSyncState(this.ctx).clock_drift_ms;
      if (drift !== null) this.client.driftMs = drift;
    }
    return this.client;
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): void {
    this.scheduler.stop();
    this.worker?.close();
    this.worker = undefined;
  }

  /** One sync now (or the running one); resolves with how it went. */
  async syncNow(): Promise<SyncOutcome | null> {
    await this.scheduler.syncNow().promise;
    return this.lastOutcome;
  }

  /** One whole sync; call through the scheduler, which guarantees one at a time. */
  async runOnce(): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { ok: false, pushed: { sent: 0, accepted: 0, duplicate: 0, rejected: 0 }, pulledRows: 0, pages: 0 };
    const reg = readRegistration(this.ctx);
    if (!reg) {
      outcome.error = { kind: 'refused', code: 'NOT_REGISTERED', message: '本柜台尚未在总部注册' };
      this.lastOutcome = outcome;
      return outcome;
    }
    const client = this.clientFor(reg);
    try {
      this.progress = { phase: 'push', rows: 0, total: null, percent: null };
      outcome.pushed = await pushOutbox(this.ctx, reg, client, (sent, total) => {
        this.progress = { phase: 'push', rows: sent, total, percent: total ? Math.min(100, Math.floor((sent * 100) / total)) : 100 };
      }, this.o.pushBatch);
      await this.pullAll(reg, client, outcome);
      outcome.ok = true;
      recordAttempt(this.ctx, { ok: true }, client.driftMs);
    } catch (err) {
      const e =
        err instanceof HqRequestError
          ? { kind: err.kind, code: err.code, message: err.message }
          : { kind: 'internal', code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
      outcome.error = e;
      this.ctx.log.warn('sync.failed', e);
      recordAttempt(this.ctx, { ok: false, code: e.code, message: e.message }, client.driftMs);
    } finally {
      this.progress = null;
    }
    this.lastOutcome = outcome;
    return outcome;
  }

  /** One page: fetched here, checked and written by the worker (or here, on the main thread). */
  private async pullPage(reg: Registration, client: HqClient, cursor: string, limit: number, count: boolean): Promise<AppliedPage> {
    const spec = this.o.pullWorker ?? sourcePullWorker();
    if (spec === 'main-thread') {
      const page = await fetchPage(client, cursor, limit, count, setImmediatePromise, this.ctx.log);
      applyPage(this.ctx, reg, page);
      return page;
    }
    this.worker ??= new PullWorkerHost(spec, this.ctx.store.db.name, this.ctx.log);
    return this.worker.applyPage(client.pullChunks(cursor, limit, count), reg, this.ctx.clock.now());
  }

  private async pullAll(reg: Registration, client: HqClient, outcome: SyncOutcome): Promise<void> {
    const limit = this.o.pullLimit ?? DEFAULT_PULL_LIMIT;
    let total: number | null = null;
    for (;;) {
      const turn = this.o.betweenPages ?? setImmediatePromise;
      const page = await this.pullPage(reg, client, readSyncState(this.ctx).cursor, limit, outcome.pages === 0);
      if (outcome.pages === 0) total = page.begin.total;
      outcome.pages++;
      outcome.pulledRows += page.rows;
      this.progress = {
        phase: 'pull',
        rows: outcome.pulledRows,
        total,
        percent: total ? Math.min(100, Math.floor((outcome.pulledRows * 100) / total)) : null,
      };
      if (!page.end.more) return;
      await turn();
    }
  }

  /** What the top bar reads (system.status). */
  readonly hq: HqStatusSource = {
    state: () => {
      if (!readRegistration(this.ctx)) return 'not_configured';
      return readSyncState(this.ctx).last_attempt_ok === 1 ? 'online' : 'offline';
    },
    lastSyncAt: () => readSetting(this.ctx, SYNC_SETTINGS.lastSuccessAt) ?? null,
    configuredUrl: () => this.o.hqUrl ?? null,
  };
}

/** The timers a scheduler uses; tests pass fake ones and move time by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // The sync timer must never keep a process alive on its own.
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * When to try again after `failures` failures in a row: exponential from 5 s, capped at
 * 5 minutes, with jitter so that a hall's counters (or a province's) do not all come
 * back at the same second when HQ returns.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** The regular interval, ±10 %, for the same reason. */
export function intervalDelay(intervalMs: number, random: () => number): number {
  return Math.round(intervalMs * (0.9 + random() * 0.2));
}

export interface SchedulerOptions {
  /** One sync; resolves true when HQ answered and everything went through. */
  run: () => Promise<boolean>;
  intervalMs: () => number;
  timers: Timers;
  random: () => number;
  now: () => Date;
  /** First sync this long after start (the window opens first). */
  initialDelayMs?: number;
}

/**
 * Runs syncs on a timer, never two at once: "sync now" while one runs joins it rather
 * than starting another. After a failure it backs off; after a success it waits the interval.
 */
export class SyncScheduler {
  private handle: unknown;
  private running: Promise<boolean> | undefined;
  private started = false;
  private failures = 0;
  nextAt: Date | null = null;

  constructor(private readonly o: SchedulerOptions) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(this.o.initialDelayMs ?? 1_000);
  }

  stop(): void {
    this.started = false;
    this.cancel();
  }

  /** Starts a sync now, or returns the one already running. */
  syncNow(): { promise: Promise<boolean>; alreadyRunning: boolean } {
    if (this.running) return { promise: this.running, alreadyRunning: true };
    this.cancel();
    const promise = this.o
      .run()
      .catch(() => false)
      .then((ok) => {
        this.running = undefined;
        this.failures = ok ? 0 : this.failures + 1;
        if (this.started) this.schedule(ok ? intervalDelay(this.o.intervalMs(), this.o.random) : backoffDelay(this.failures, this.o.random));
        return ok;
      });
    this.running = promise;
    return { promise, alreadyRunning: false };
  }

  private schedule(ms: number): void {
    this.cancel();
    this.nextAt = new Date(this.o.now().getTime() + ms);
    this.handle = this.o.timers.setTimeout(() => {
      this.handle = undefined;
      this.nextAt = null;
      void this.syncNow().promise;
    }, ms);
  }

  private cancel(): void {
    if (this.handle !== undefined) this.o.timers.clearTimeout(this.handle);
    this.handle = undefined;
    this.nextAt = null;
  }
}

import { Worker } from 'node:worker_threads';
import type { PullBegin, PullEnd } from '../../../shared/sync/pull';
import type { Logger } from '../log';
import { HqRequestError } from './http';
import { WorkerMessage, type HostMessage, type PullWorkerData } from './pull-worker-protocol';
import type { PageScope } from './rows';

/** Which script runs the pull worker, and how it reaches SQLite. */
export interface PullWorkerSpec {
  /** out/main/sync-worker.cjs in the app; from source, the tsx bootstrap (worker-spec.ts). */
  file: string;
  /** From source: the TypeScript entry the bootstrap loads. */
  entry?: string;
  /** The better-sqlite3 build the main connection uses; Node's default when absent. */
  nativeBinding?: string;
}

export interface AppliedPage {
  begin: PullBegin;
  end: PullEnd;
  rows: number;
}

interface Waiting {
  resolve(page: AppliedPage): void;
  reject(err: Error): void;
}

/**
 * The main thread's side of the pull worker: starts it on first use, streams each page's
 * bytes to it as they arrive and waits for its answer. Only a page in flight keeps the
 * process alive; the worker restarts on the next page if it dies.
 */
export class PullWorkerHost {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(
    private readonly spec: PullWorkerSpec,
    private readonly dbFile: string,
    private readonly log: Logger,
  ) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const data: PullWorkerData = {
      dbFile: this.dbFile,
      ...(this.spec.nativeBinding ? { nativeBinding: this.spec.nativeBinding } : {}),
      ...(this.spec.entry ? { entry: this.spec.entry } : {}),
    };
    const worker = new Worker(this.spec.file, { workerData: data });
    worker.on('message', (raw: unknown) => this.receive(raw));
    const gone = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error(`the sync worker stopped: ${why}`));
    };
    worker.on('error', (err) => gone(err.message));
    worker.on('exit', (code) => gone(`exit ${code}`));
    // Idle, it never keeps the process alive (a page in flight does: applyPage). After the
    // listeners: attaching a 'message' listener refs the worker's port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private receive(raw: unknown): void {
    const parsed = WorkerMessage.safeParse(raw);
    if (!parsed.success) {
      this.log.error('sync.worker.bad_message', { issue: parsed.error.issues[0]?.message ?? 'invalid' });
      return;
    }
    const m = parsed.data;
    if (m.t === 'log') {
      this.log.log(m.level, m.event, m.fields);
      return;
    }
    if (m.t === 'fatal') {
      this.failAll(new Error(`the sync worker cannot open the database: ${m.message}`));
      return;
    }
    const waiting = this.waiting.get(m.id);
    if (!waiting) return;
    this.waiting.delete(m.id);
    if (m.t === 'applied') waiting.resolve({ begin: m.begin, end: m.end, rows: m.rows });
    else if (m.t === 'aborted') waiting.reject(new Error('page dropped'));
    else if (m.error.kind === 'internal') waiting.reject(new Error(m.error.message));
    else waiting.reject(new HqRequestError(m.error.kind, m.error.code, m.error.message));
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  private post(worker: Worker, message: HostMessage, transfer: ArrayBuffer[] = []): void {
    worker.postMessage(message, transfer);
  }

  /**
   * Streams one page to the worker and resolves once it is written with its cursor. A
   * download that breaks off drops the page (nothing written) and rethrows the break.
   */
  async applyPage(chunks: AsyncIterable<Uint8Array>, scope: PageScope, now: Date): Promise<AppliedPage> {
    const worker = this.ensure();
    worker.ref();
    try {
      return await this.streamPage(worker, chunks, scope, now);
    } finally {
      worker.unref();
    }
  }

  private async streamPage(worker: Worker, chunks: AsyncIterable<Uint8Array>, scope: PageScope, now: Date): Promise<AppliedPage> {
    const id = this.nextId++;
    let settled = false;
    const answer = new Promise<AppliedPage>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Settled early (a bad row, the worker gone) while bytes still arrive: stop sending them.
    const watched = answer.then(
      () => (settled = true),
      () => (settled = true),
    );
    this.post(worker, { t: 'page', id, now: now.toISOString(), scope: { hallCode: scope.hallCode, counterCode: scope.counterCode } });
    try {
      for await (const chunk of chunks) {
        if (settled) break;
        // A copy the worker owns: the fetch body may reuse its buffer.
        const bytes = chunk.slice();
        this.post(worker, { t: 'chunk', id, bytes }, [bytes.buffer]);
      }
    } catch (err) {
      if (!settled) this.post(worker, { t: 'abort', id });
      await watched;
      throw err;
    }
    if (!settled) this.post(worker, { t: 'end', id });
    return answer;
  }

  /** Lets the worker close its connection and end; a page in flight is dropped. */
  close(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.failAll(new Error('the sync service stopped'));
    this.post(worker, { t: 'close' });
    // If it does not end by itself (a page mid-write finishes first), it is ended.
    setTimeout(() => void worker.terminate(), 5_000).unref();
  }
}

import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { Clock } from '../clock';
import type { CoreContext } from '../context';
import type { Logger, LogLevel } from '../log';
import { openStore, type Store } from '../store/store';
import { HqRequestError, ndjsonLines } from './http';
import { applyPage, readPage } from './pull';
import { HostMessage, PullWorkerData, type WorkerMessage } from './pull-worker-protocol';

/**
 * The pull worker (a worker_thread; out/main/sync-worker.cjs in the app): it turns each
 * pulled page's bytes into checked rows and writes them, with the cursor, in one
 * transaction on its own connection to the counter's file. Parsing and validating a
 * million customers is the heavy part of a first pull; here it never holds up the
 * window. WAL lets the main connection read meanwhile; its writes wait at most one page.
 */

class Aborted extends Error {}

/** The bytes of one page as the service forwards them, read as an async stream. */
class ChunkQueue implements AsyncIterable<Uint8Array> {
  private readonly chunks: Uint8Array[] = [];
  private done = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.notify();
  }

  end(failure?: Error): void {
    this.done = true;
    this.failure = failure;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = this.chunks.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.done) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

function send(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

const log: Logger = (() => {
  const write = (level: LogLevel, event: string, fields: Record<string, unknown> = {}) => send({ t: 'log', level, event, fields });
  return { log: write, info: (e, f) => write('info', e, f), warn: (e, f) => write('warn', e, f), error: (e, f) => write('error', e, f) };
})();

/** The service's clock, as it read it when the page started: rows of a page share one time. */
const pageClock = (iso: string): Clock => ({ now: () => new Date(iso), frozen: true });

function failureOf(err: unknown): Extract<WorkerMessage, { t: 'failed' }>['error'] {
  if (err instanceof HqRequestError) return { kind: err.kind, code: err.code, message: err.message };
  return { kind: 'internal', code: 'PULL_WORKER', message: err instanceof Error ? err.message : String(err) };
}

async function runPage(store: Store, page: Extract<HostMessage, { t: 'page' }>, queue: ChunkQueue): Promise<void> {
  try {
    const ctx: CoreContext = { store, clock: pageClock(page.now), log, appVersion: '' };
    const read = await readPage(ndjsonLines(queue), log);
    applyPage(ctx, page.scope, read);
    send({ t: 'applied', id: page.id, begin: read.begin, end: read.end, rows: read.rows });
  } catch (err) {
    if (err instanceof Aborted) send({ t: 'aborted', id: page.id });
    else send({ t: 'failed', id: page.id, error: failureOf(err) });
  }
}

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('pull-worker.ts runs as a worker thread');
  const data = PullWorkerData.parse(workerData);
  let store: Store;
  try {
    // The main connection migrated the file already; this only checks it is the schema this code knows.
    store = openStore({ file: data.dbFile, nativeBinding: data.nativeBinding });
  } catch (err) {
    send({ t: 'fatal', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  log.info('sync.worker.started', { threadId });
  let current: { id: number; queue: ChunkQueue } | undefined;
  port.on('message', (raw: unknown) => {
    const parsed = HostMessage.safeParse(raw);
    if (!parsed.success) {
      log.error('sync.worker.bad_message', { issue: parsed.error.issues[0]?.message ?? 'invalid' });
      return;
    }
    const m = parsed.data;
    if (m.t === 'close') {
      current?.queue.end(new Aborted());
      store.close();
      port.close();
      return;
    }
    if (m.t === 'page') {
      // One page at a time: the service waits for each answer before the next page.
      current?.queue.end(new Aborted());
      const queue = new ChunkQueue();
      current = { id: m.id, queue };
      void runPage(store, m, queue);
      return;
    }
    if (current?.id !== m.id) return;
    if (m.t === 'chunk') current.queue.push(m.bytes);
    else if (m.t === 'end') current.queue.end();
    else current.queue.end(new Aborted());
  });
}

main();

import { z } from 'zod';
import { PullBegin, PullEnd } from '../../../shared/sync/pull';

/**
 * The messages between the sync service and its pull worker (pull-host.ts ↔ pull-worker.ts).
 * Both sides parse what they receive: a thread boundary is a door like any other.
 */
export const PullWorkerData = z
  .object({
    /** The counter's SQLite file: the worker opens its own connection to it. */
    dbFile: z.string().min(1),
    /** The better-sqlite3 build the main connection uses (Electron keeps its own). */
    nativeBinding: z.string().min(1).optional(),
    /** From source only: the TypeScript entry the tsx bootstrap loads. */
    entry: z.string().min(1).optional(),
  })
  .strict();
export type PullWorkerData = z.infer<typeof PullWorkerData>;

const Scope = z.object({ hallCode: z.string().min(1), counterCode: z.string().min(1) }).strict();

export const HostMessage = z.discriminatedUnion('t', [
  /** A page starts: its rows are written for this counter, stamped with the service's clock. */
  z.object({ t: z.literal('page'), id: z.number().int().positive(), now: z.iso.datetime({ offset: true }), scope: Scope }).strict(),
  z.object({ t: z.literal('chunk'), id: z.number().int().positive(), bytes: z.instanceof(Uint8Array) }).strict(),
  z.object({ t: z.literal('end'), id: z.number().int().positive() }).strict(),
  /** The download broke off: drop the page. */
  z.object({ t: z.literal('abort'), id: z.number().int().positive() }).strict(),
  z.object({ t: z.literal('close') }).strict(),
]);
export type HostMessage = z.infer<typeof HostMessage>;

export const FailureKind = z.enum(['unreachable', 'refused', 'server', 'protocol', 'internal']);

export const WorkerMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('applied'), id: z.number().int().positive(), begin: PullBegin, end: PullEnd, rows: z.number().int().nonnegative() }).strict(),
  z
    .object({
      t: z.literal('failed'),
      id: z.number().int().positive(),
      error: z.object({ kind: FailureKind, code: z.string(), message: z.string() }).strict(),
    })
    .strict(),
  z.object({ t: z.literal('aborted'), id: z.number().int().positive() }).strict(),
  /** The worker could not open the database: it exits after saying why. */
  z.object({ t: z.literal('fatal'), message: z.string() }).strict(),
  z
    .object({
      t: z.literal('log'),
      level: z.enum(['debug', 'info', 'warn', 'error']),
      event: z.string(),
      fields: z.record(z.string(), z.unknown()),
    })
    .strict(),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;

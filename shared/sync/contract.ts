import { z } from 'zod';
import { method } from '../contract/define';
import { ConflictKind } from './pull';

/** What the sync page and the top bar show; the sync client in electron/core/sync fills it. */
export const SyncProgress = z.object({
  phase: z.enum(['push', 'pull']),
  /** Rows (pull) or events (push) done in this sync. */
  rows: z.number().int().nonnegative(),
  /** What this phase expects in all, when HQ said; null while unknown. */
  total: z.number().int().nonnegative().nullable(),
  /** 0–100, or null while the total is unknown. */
  percent: z.number().int().min(0).max(100).nullable(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const RejectedEvent = z.object({
  eventId: z.string(),
  type: z.string(),
  createdAt: z.string(),
  code: z.string(),
  reason: z.string(),
});

export const SyncStatus = z.object({
  /** False in a demo hall with no HQ and before registration. */
  registered: z.boolean(),
  hqUrl: z.string().nullable(),
  /** Whether HQ answered the last attempt; null before any attempt. */
  reachable: z.boolean().nullable(),
  running: z.boolean(),
  progress: SyncProgress.nullable(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextSyncAt: z.string().nullable(),
  /** Why the last sync failed, in words for the counter; null after a success. */
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  outbox: z.object({
    pending: z.number().int().nonnegative(),
    oldestPendingAt: z.string().nullable(),
    oldestPendingAgeSeconds: z.number().int().nonnegative().nullable(),
    rejected: z.number().int().nonnegative(),
  }),
  /** The latest events HQ refused, with its reasons (newest first, at most 50). */
  rejected: z.array(RejectedEvent),
  clock: z.object({
    /** HQ's clock minus this counter's, as last measured; null before HQ answered. */
    driftMs: z.number().int().nullable(),
    /** True when the drift is above 2 minutes: slips and offline limits depend on the time. */
    warning: z.boolean(),
  }),
  conflicts: z.object({ open: z.number().int().nonnegative() }),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const ConflictView = z.object({
  conflictId: z.string(),
  kind: ConflictKind,
  status: z.enum(['open', 'resolved']),
  title: z.string(),
  advice: z.string(),
  details: z.record(z.string(), z.unknown()),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** Resolved here but HQ has not heard of it yet. */
  resolutionPending: z.boolean(),
});
export type ConflictView = z.infer<typeof ConflictView>;

export const CLOCK_DRIFT_WARNING_MS = 2 * 60_000;

export const syncMethods = {
  'sync.status': method({
    summary:
      'HQ reachability, last success, the outbox (size, age of the oldest pending event, rejected events with reasons), clock drift against HQ and open conflicts; progress while a sync runs.',
    role: 'clerk',
    whileLocked: true,
    input: z.object({}).strict(),
    output: SyncStatus,
    errors: [],
    example: {},
  }),
  'sync.now': method({
    summary: 'Start a sync now (push the outbox, then pull). Returns at once; a sync already running is not started twice.',
    role: 'clerk',
    input: z.object({}).strict(),
    output: z.object({ started: z.boolean(), alreadyRunning: z.boolean() }),
    errors: ['HQ_UNAVAILABLE'],
    example: {},
  }),
  'sync.conflicts': method({
    summary: "Conflicts HQ found between counters' offline work (negative stock, points overdrafts): the manager's tasks, open first. Clerks see them too (read-only); closing one is the manager's.",
    role: 'clerk',
    input: z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') }).strict(),
    output: z.object({ conflicts: z.array(ConflictView) }),
    errors: [],
    example: { status: 'open' },
  }),
  'sync.resolveConflict': method({
    summary: 'Close a conflict with a note saying what was done; HQ hears of it with the next push.',
    role: 'manager',
    input: z
      .object({
        conflictId: z.string().regex(/^C\d{6,}$/),
        note: z.string().trim().min(2, '请说明处理结果').max(500),
      })
      .strict(),
    output: z.object({ conflict: ConflictView }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { conflictId: 'C000001', note: '已盘点核实，向总部申请调拨一台' },
  }),
  'sync.register': method({
    summary:
      'Register this counter with HQ using the one-time code an HQ operator created for it. Only for a counter not yet registered. The code provisions the hall manager (staff no. and name here; the PIN comes from the HQ operator), who then adds the clerks.',
    role: 'none',
    input: z
      .object({
        hqUrl: z.url().max(200),
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2,5}$/, '注册码格式如 ABCD-EFGH-JKLM'),
      })
      .strict(),
    output: z.object({
      hall: z.object({ code: z.string(), name: z.string() }),
      counter: z.object({ code: z.string(), name: z.string() }),
      /** The accounts HQ provisioned with the code (the hall manager, PIN from the HQ operator): who logs in first. */
      staff: z.array(z.object({ staffNo: z.string(), name: z.string(), role: z.enum(['clerk', 'manager']) })),
    }),
    errors: ['CONFLICT', 'HQ_UNAVAILABLE', 'NOT_FOUND'],
    example: { hqUrl: 'http://127.0.0.1:7300', code: 'ABCD-EFGH-JKLM' },
  }),
};

import { CLOCK_DRIFT_WARNING_MS, type ConflictView, type SyncStatus } from '../../../shared/sync/contract';
import { DomainError } from '../../../shared/contract/errors';
import type { Actor } from '../audit/log';
import { commitAction, type CoreContext } from '../context';
import type { SyncService } from './service';
import { SYNC_SETTINGS, readRegistration, readSetting, readSyncState } from './state';

/** Everything the sync page shows, read from the database and the running service. */
export function syncStatus(ctx: CoreContext, service: SyncService): SyncStatus {
  const reg = readRegistration(ctx);
  const state = readSyncState(ctx);
  const now = ctx.clock.now();
  const pending = ctx.store
    .stmt("SELECT count(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE status = 'pending'")
    .get() as { n: number; oldest: string | null };
  const rejectedCount = (ctx.store.stmt("SELECT count(*) AS n FROM outbox WHERE status = 'rejected'").get() as { n: number }).n;
  const rejected = ctx.store
    .stmt(
      `SELECT event_id AS eventId, type, created_at AS createdAt, COALESCE(reject_code, '') AS code, COALESCE(reject_reason, '') AS reason
       FROM outbox WHERE status = 'rejected' ORDER BY seq DESC LIMIT 50`,
    )
    .all() as SyncStatus['rejected'];
  const open = (ctx.store.stmt("SELECT count(*) AS n FROM sync_conflict WHERE status = 'open'").get() as { n: number }).n;
  const drift = state.clock_drift_ms;
  return {
    registered: reg !== undefined,
    hqUrl: reg?.hqUrl ?? null,
    reachable: state.last_attempt_at === null ? null : state.last_error_code !== 'HQ_UNREACHABLE',
    running: service.scheduler.isRunning,
    progress: service.progress,
    lastAttemptAt: state.last_attempt_at,
    lastSuccessAt: readSetting(ctx, SYNC_SETTINGS.lastSuccessAt) ?? null,
    nextSyncAt: service.scheduler.nextAt?.toISOString() ?? null,
    lastError: state.last_error_code ? { code: state.last_error_code, message: state.last_error_message ?? '' } : null,
    outbox: {
      pending: pending.n,
      oldestPendingAt: pending.oldest,
      oldestPendingAgeSeconds: pending.oldest ? Math.max(0, Math.floor((now.getTime() - Date.parse(pending.oldest)) / 1000)) : null,
      rejected: rejectedCount,
    },
    rejected,
    clock: { driftMs: drift, warning: drift !== null && Math.abs(drift) > CLOCK_DRIFT_WARNING_MS },
    conflicts: { open },
  };
}

interface ConflictRow {
  conflict_id: string;
  kind: ConflictView['kind'];
  status: ConflictView['status'];
  title: string;
  advice: string;
  details: string;
  raised_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  note: string | null;
  resolution_pending: number;
}

function view(row: ConflictRow): ConflictView {
  return {
    conflictId: row.conflict_id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    advice: row.advice,
    details: JSON.parse(row.details) as Record<string, unknown>,
    raisedAt: row.raised_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    note: row.note,
    resolutionPending: row.resolution_pending === 1,
  };
}

export function listConflicts(ctx: CoreContext, status: 'open' | 'resolved' | 'all'): ConflictView[] {
  const rows = ctx.store
    .stmt(
      `SELECT * FROM sync_conflict WHERE (@status = 'all' OR status = @status)
       ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, raised_at DESC LIMIT 500`,
    )
    .all({ status }) as ConflictRow[];
  return rows.map(view);
}

/** The manager closes a conflict here at once; HQ hears of it as a conflict.resolved event. */
export function resolveConflict(ctx: CoreContext, actor: Actor, input: { conflictId: string; note: string }): ConflictView {
  const staffNo = actor.kind === 'staff' ? actor.staffNo : actor.name;
  return commitAction(ctx, actor, () => {
    const row = ctx.store.stmt('SELECT * FROM sync_conflict WHERE conflict_id = ?').get(input.conflictId) as ConflictRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `没有这项冲突：${input.conflictId}`, { conflictId: input.conflictId });
    if (row.status !== 'open') throw new DomainError('CONFLICT', '这项冲突已处理', { conflictId: input.conflictId, resolvedBy: row.resolved_by });
    const now = ctx.clock.now().toISOString();
    ctx.store
      .stmt(
        `UPDATE sync_conflict SET status = 'resolved', resolved_at = ?, resolved_by = ?, note = ?, resolution_pending = 1, updated_at = ?
         WHERE conflict_id = ?`,
      )
      .run(now, staffNo, input.note, now, input.conflictId);
    const updated = ctx.store.stmt('SELECT * FROM sync_conflict WHERE conflict_id = ?').get(input.conflictId) as ConflictRow;
    return {
      result: view(updated),
      audit: { action: 'sync.conflict.resolve', subject: `conflict:${input.conflictId}`, details: { note: input.note, kind: row.kind } },
      event: { type: 'conflict.resolved', payload: { conflictId: input.conflictId, note: input.note, staffNo } },
    };
  });
}

import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerdict } from '../../../shared/audit/contract';
import { maskFullNumbers } from '../../../shared/privacy/redact';
import type { Clock } from '../clock';
import type { Store } from '../store/store';

/** Who did it: a staff member by number, or the system itself (sync, scheduler). */
export type Actor = { kind: 'staff'; staffId: number; staffNo: string } | { kind: 'system'; name: string };

export function actorLabel(actor: Actor): string {
  return actor.kind === 'staff' ? `staff:${actor.staffNo}` : `system:${actor.name}`;
}

export interface AuditInput {
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  // The hash covers the stored text exactly, so verification never depends on re-serialising JSON.
  return createHash('sha256')
    .update([prevHash, row.seq, row.at, row.actor, row.action, row.subject, row.details].join('\u001f'))
    .digest('hex');
}

/** Appends one entry; call it inside the action's transaction. */
export function appendAudit(store: Store, clock: Clock, actor: Actor, input: AuditInput): number {
  const last = store.stmt('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: clock.now().toISOString(),
    actor: actorLabel(actor),
    action: input.action,
    // Free text in details (a reason, a note) may carry a customer's number: it is masked here,
    // at the one door every entry passes, and the hash covers what is stored.
    subject: maskFullNumbers(input.subject),
    details: maskFullNumbers(JSON.stringify(input.details ?? {})),
  };
  const prevHash = last?.hash ?? GENESIS;
  store
    .stmt(
      `INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
       VALUES (@seq, @at, @actor, @action, @subject, @details, @prev_hash, @hash)`,
    )
    .run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
  return row.seq;
}

/** Walks the whole chain; the first entry whose stored hash or link disagrees is the tampered one. */
export function verifyAudit(store: Store): AuditVerdict {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of store.stmt('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (row.seq !== expectedSeq) return { intact: false, entries, firstBadSeq: expectedSeq, reason: 'sequence_gap' };
    if (row.prev_hash !== prevHash) return { intact: false, entries, firstBadSeq: row.seq, reason: 'chain_broken' };
    if (entryHash(prevHash, row) !== row.hash) return { intact: false, entries, firstBadSeq: row.seq, reason: 'hash_mismatch' };
    prevHash = row.hash;
    expectedSeq++;
  }
  return { intact: true, entries };
}

export function listAudit(store: Store, limit: number, beforeSeq?: number): AuditEntry[] {
  const rows = store
    .stmt('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: JSON.parse(r.details) as Record<string, unknown>,
    hash: r.hash,
  }));
}

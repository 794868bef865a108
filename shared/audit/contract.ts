import { z } from 'zod';
import { method } from '../contract/define';

export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerdict = z.discriminatedUnion('intact', [
  z.object({ intact: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int().nonnegative(),
    firstBadSeq: z.number().int().positive(),
    reason: z.enum(['hash_mismatch', 'chain_broken', 'sequence_gap']),
  }),
]);
export type AuditVerdict = z.infer<typeof AuditVerdict>;

export const auditMethods = {
  'audit.list': method({
    summary: 'Audit entries, newest first, a page at a time.',
    role: 'manager',
    input: z.object({ limit: z.number().int().min(1).max(500), beforeSeq: z.number().int().positive().optional() }).strict(),
    output: z.object({ entries: z.array(AuditEntry) }),
    errors: [],
    example: { limit: 50 },
  }),
  'audit.verify': method({
    summary: 'Recompute the hash chain of the audit log and point at the first entry that does not match.',
    role: 'manager',
    input: z.object({}).strict(),
    output: AuditVerdict,
    errors: [],
    example: {},
  }),
};

import { expect } from 'vitest';
import demoCustomers from '../../resources/demo/customers.json';
import type { CoreContext } from '../../electron/core/context';
import { findByPhone } from '../../electron/core/customers/repository';
import { stockBalance } from '../../electron/core/stock/ledger';
import type { ContractClient } from '../../shared/contract/client';
import type { ApiResult } from '../../shared/contract/errors';
import { eventPayloads, type EventType } from '../../shared/sync/events';
import { databaseDigest, loginAs, openTestCounter, type TestCounter } from './core';

/** The demo customers by name, as resources/demo/customers.json lists them (docs/demo.md). */
export const demo = Object.fromEntries(demoCustomers.customers.map((c) => [c.name, c])) as Record<string, (typeof demoCustomers.customers)[number]>;
export const walkIn = demoCustomers.walkIn;

export interface EnrolmentCounter {
  counter: TestCounter;
  ctx: CoreContext;
  clerk: ContractClient;
  manager: ContractClient;
  digest(): string;
  /** The demo customer's id by name. */
  id(name: string): number;
  /** Moves the clock to 09:30 Shanghai on the given day; the clerk and the manager log in again (sessions last 12 hours). */
  setDay(day: string): Promise<void>;
}

/** A demo counter on 2026-11-21 09:30 (unless told otherwise) with a clerk (1001) and a manager (8001) logged in. */
export async function openEnrolmentCounter(now?: string): Promise<EnrolmentCounter> {
  const counter = openTestCounter(now ? { now } : {});
  const clerk = await loginAs(counter.client(), '1001');
  const manager = await loginAs(counter.client(), '8001');
  const ctx = counter.core.ctx;
  return {
    counter,
    ctx,
    clerk,
    manager,
    digest: () => databaseDigest(counter.core.dbFile),
    id(name) {
      const c = demo[name];
      const found = c ? findByPhone(ctx, c.phone) : undefined;
      if (!found) throw new Error(`no demo customer ${name}`);
      return found.id;
    },
    async setDay(day) {
      counter.clock.set(`${day}T01:30:00.000Z`);
      await loginAs(clerk, '1001');
      await loginAs(manager, '8001');
    },
  };
}

/**
 * The demo hall's lent iTV set (docs/demo.md, electron/core/enrolment/demo-trial.ts): 曹颖's
 * trial, enrolled at counter 01 on 2026-10-21, cancelled 11-12, recovery overdue from 11-20.
 */
export const DEMO_TRIAL = {
  enrolmentNo: 'ZY-HC-001-01-EN20261021-0001',
  customer: '曹颖',
  serials: { 'STB-ITV': 'STB2026000108', 'MODEM-E8B': 'E8B2026000208' },
  recoveryDueOn: '2026-11-19',
} as const;

export const onHand = (ctx: CoreContext, sku: string): number => stockBalance(ctx, sku).onHand;

/** Row counts of the tables the enrolment work writes; the table names are a closed list, never input. */
const COUNTS = {
  enrolment: 'SELECT COUNT(*) AS n FROM enrolment',
  credit_schedule: 'SELECT COUNT(*) AS n FROM credit_schedule',
  discount: 'SELECT COUNT(*) AS n FROM discount',
  referral_credit: 'SELECT COUNT(*) AS n FROM referral_credit',
  trial: 'SELECT COUNT(*) AS n FROM trial',
  equipment_loan: 'SELECT COUNT(*) AS n FROM equipment_loan',
  recovery_order: 'SELECT COUNT(*) AS n FROM recovery_order',
  follow_up: 'SELECT COUNT(*) AS n FROM follow_up',
  lottery_chance: 'SELECT COUNT(*) AS n FROM lottery_chance',
  points_lot: 'SELECT COUNT(*) AS n FROM points_lot',
  points_entry: 'SELECT COUNT(*) AS n FROM points_entry',
  stock_movement: 'SELECT COUNT(*) AS n FROM stock_movement',
  slip: 'SELECT COUNT(*) AS n FROM slip',
  outbox: 'SELECT COUNT(*) AS n FROM outbox',
  audit_log: 'SELECT COUNT(*) AS n FROM audit_log',
} as const;
export type Counted = keyof typeof COUNTS;

export function counts(ctx: CoreContext): Record<Counted, number> {
  return Object.fromEntries(Object.entries(COUNTS).map(([table, sql]) => [table, (ctx.store.stmt(sql).get() as { n: number }).n])) as Record<
    Counted,
    number
  >;
}

/** What changed in the row counts between two snapshots, tables that did not change left out. */
export function grown(before: Record<Counted, number>, after: Record<Counted, number>): Partial<Record<Counted, number>> {
  const tables = Object.keys(before) as Counted[];
  return Object.fromEntries(tables.filter((k) => after[k] !== before[k]).map((k) => [k, after[k] - before[k]]));
}

/** The outbox events written after `afterSeq`, each checked against its sync schema. */
export function eventsSince(ctx: CoreContext, afterSeq: number): { type: EventType; payload: Record<string, unknown> }[] {
  const rows = ctx.store.stmt('SELECT type, payload FROM outbox WHERE seq > ? ORDER BY seq').all(afterSeq) as { type: string; payload: string }[];
  return rows.map((r) => {
    expect(Object.keys(eventPayloads)).toContain(r.type);
    const type = r.type as EventType;
    const payload = JSON.parse(r.payload) as Record<string, unknown>;
    eventPayloads[type].parse(payload);
    return { type, payload };
  });
}

export function lastSeq(ctx: CoreContext, table: 'outbox' | 'audit_log'): number {
  const sql = { outbox: 'SELECT COALESCE(MAX(seq), 0) AS n FROM outbox', audit_log: 'SELECT COALESCE(MAX(seq), 0) AS n FROM audit_log' }[table];
  return (ctx.store.stmt(sql).get() as { n: number }).n;
}

export function auditSince(ctx: CoreContext, afterSeq: number): { action: string; subject: string; details: Record<string, unknown> }[] {
  const rows = ctx.store.stmt('SELECT action, subject, details FROM audit_log WHERE seq > ? ORDER BY seq').all(afterSeq) as {
    action: string;
    subject: string;
    details: string;
  }[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

/** A refusal's code and details. */
export function expectError(result: ApiResult<unknown>, code: string): { message: string; details: Record<string, unknown> } {
  if (result.ok) throw new Error(`expected ${code}, got ok`);
  expect(result.error.code, result.error.message).toBe(code);
  return { message: result.error.message, details: result.error.details ?? {} };
}

/** The reason codes of a NOT_ELIGIBLE answer, in order. */
export function reasonCodes(result: ApiResult<unknown>): string[] {
  const { details } = expectError(result, 'NOT_ELIGIBLE');
  return (details.reasons as { code: string }[]).map((r) => r.code);
}

/** Every full phone and ID number of the demo, for scanning what must only ever show them masked. */
export const secrets: string[] = [
  ...demoCustomers.customers.flatMap((c) => [c.phone, c.idNumber]),
  walkIn.phone,
  walkIn.idNumber,
];

/** Slip data and audit details must never carry a full phone or ID number. */
export function expectNoSecretsInSlipsAndAudit(ctx: CoreContext): void {
  const slips = ctx.store.stmt('SELECT slip_no, data FROM slip').all() as { slip_no: string; data: string }[];
  const audits = ctx.store.stmt('SELECT seq, subject, details FROM audit_log').all() as { seq: number; subject: string; details: string }[];
  for (const secret of secrets) {
    for (const s of slips) expect(s.data, `slip ${s.slip_no}`).not.toContain(secret);
    for (const a of audits) expect(`${a.subject} ${a.details}`, `audit ${a.seq}`).not.toContain(secret);
  }
}

export interface Enrolled {
  enrolmentNo: string;
  enrolmentId: number;
  slipNo: string;
  slip: { given: unknown[]; taken: unknown[]; terms: string[]; schedule?: unknown[]; points: unknown; customer: unknown; kind: string };
  grown: Partial<Record<Counted, number>>;
  events: { type: EventType; payload: Record<string, unknown> }[];
  audits: { action: string; subject: string; details: Record<string, unknown> }[];
}

/** Enrols through the contract and reports what the transaction wrote: the row counts that grew, its events and its audit entries. */
export async function enrol(
  e: EnrolmentCounter,
  name: string | number,
  campaignId: string,
  options: Record<string, unknown> = {},
): Promise<Enrolled> {
  const before = counts(e.ctx);
  const outboxSeq = lastSeq(e.ctx, 'outbox');
  const auditSeq = lastSeq(e.ctx, 'audit_log');
  const customerId = typeof name === 'number' ? name : e.id(name);
  const result = await e.clerk.call['enrolment.create']({ customerId, campaignId, options });
  if (!result.ok) throw new Error(`enrolment refused: ${result.error.code} ${result.error.message}`);
  const row = e.ctx.store.stmt('SELECT id FROM enrolment WHERE enrolment_no = ?').get(result.value.enrolmentNo) as { id: number };
  return {
    enrolmentNo: result.value.enrolmentNo,
    enrolmentId: row.id,
    slipNo: result.value.slipNo,
    slip: result.value.slip,
    grown: grown(before, counts(e.ctx)),
    events: eventsSince(e.ctx, outboxSeq),
    audits: auditSince(e.ctx, auditSeq),
  };
}

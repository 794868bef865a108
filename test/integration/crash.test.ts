import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/log';
import { openStore, type Store } from '../../electron/core/store/store';
import { DB_FILE_NAME } from '../../electron/core/core';

/**
 * Issue 3's crash test: a child process doing enrolments, walk-in registrations, redemptions,
 * voids and stock receipts is
 * killed with SIGKILL at random moments, over and over, on the same database. After every
 * kill the database must open, its audit chain verify, its ledgers balance, every outbox
 * event match a committed action, and everything the child acknowledged be there.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 200);
let dir: string;
let workerJs: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'halldesk-crash-'));
  workerJs = join(dir, 'crash-worker.cjs');
  // Bundled once so each of the hundreds of restarts costs a plain `node` start.
  await build({
    entryPoints: [join(import.meta.dirname, '../support/crash-worker.ts')],
    outfile: workerJs,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Acks {
  redemption: Set<string>;
  void: Set<string>;
  receive: Set<string>;
  enrolment: Set<string>;
  walkin: Set<string>;
}

/** Starts the worker, lets it run for `runMs` after it is ready, kills it with SIGKILL. */
function runAndKill(dataDir: string, seed: number, runMs: number, acks: Acks): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerJs, dataDir, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(import.meta.dirname, '../../node_modules') },
      cwd: join(import.meta.dirname, '../..'),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), runMs);
        const m = /^ACK (redemption|void|receive|enrolment|walkin) (.+)$/.exec(line);
        if (m) acks[m[1] as keyof Acks].add(m[2] as string);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`worker exited on its own (code ${code}): ${err}`));
    });
  });
}

function scalar(store: Store, sql: string, ...params: unknown[]): number {
  return (store.db.prepare(sql).pluck().get(...params) as number | null) ?? 0;
}

function checkInvariants(store: Store, acks: Acks): void {
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(store.db.pragma('foreign_key_check')).toEqual([]);
  expect(verifyAudit(store)).toMatchObject({ intact: true });

  // Stock: every bucket is the sum of its movements and never below zero.
  const negative = store.db
    .prepare('SELECT sku, bucket, SUM(qty) AS n FROM stock_movement GROUP BY sku, bucket HAVING n < 0')
    .all();
  expect(negative).toEqual([]);

  // Points: no lot overdrawn; each redemption took exactly its points; each void gave exactly them back.
  expect(
    store.db.prepare(`SELECT l.id FROM points_lot l WHERE l.hq_remaining + COALESCE((SELECT SUM(delta) FROM points_entry e WHERE e.lot_id = l.id), 0) < 0`).all(),
  ).toEqual([]);
  const mismatched = store.db
    .prepare(
      `SELECT r.redemption_no FROM redemption r
       WHERE COALESCE((SELECT -SUM(delta) FROM points_entry e WHERE e.ref = r.redemption_no AND e.reason = 'redeem'), 0) <> r.total_points
          OR COALESCE((SELECT SUM(delta) FROM points_entry e WHERE e.ref = r.redemption_no AND e.reason = 'void'), 0)
             <> CASE r.status WHEN 'voided' THEN r.total_points ELSE 0 END`,
    )
    .all();
  expect(mismatched).toEqual([]);

  // Outbox: exactly one event per committed action, and every event names a committed action.
  const events = store.db.prepare('SELECT type, payload FROM outbox').all() as { type: string; payload: string }[];
  const named = (type: string, key: string) =>
    events.filter((e) => e.type === type).map((e) => (JSON.parse(e.payload) as Record<string, string>)[key] ?? '');
  const created = named('redemption.created', 'redemptionNo');
  const voided = named('redemption.voided', 'redemptionNo');
  const received = named('stock.moved', 'counterparty');
  expect(new Set(created).size).toBe(created.length);
  expect(created.sort()).toEqual((store.db.prepare('SELECT redemption_no FROM redemption').pluck().all() as string[]).sort());
  expect(voided.sort()).toEqual(
    (store.db.prepare("SELECT redemption_no FROM redemption WHERE status = 'voided'").pluck().all() as string[]).sort(),
  );
  expect(received.sort()).toEqual(
    (store.db.prepare("SELECT DISTINCT ref_id FROM stock_movement WHERE ref_type = 'delivery' AND ref_id LIKE 'CRASH-%'").pluck().all() as string[]).sort(),
  );

  const enrolled = named('enrolment.created', 'enrolmentNo');
  expect(enrolled.sort()).toEqual((store.db.prepare('SELECT enrolment_no FROM enrolment').pluck().all() as string[]).sort());
  // Each enrolment's gift left the shelf with it, in the same transaction.
  expect(
    store.db
      .prepare(
        `SELECT e.enrolment_no FROM enrolment e WHERE e.campaign_id = 'ZY2026-SIGNUP-TV'
           AND NOT EXISTS (SELECT 1 FROM stock_movement m WHERE m.ref_type = 'enrolment' AND m.ref_id = e.enrolment_no AND m.reason = 'issued_enrolment')`,
      )
      .all(),
  ).toEqual([]);
  const registered = named('customer.registered', 'phone');
  expect(registered.sort()).toEqual((store.db.prepare("SELECT phone FROM customer WHERE origin = 'counter' AND phone LIKE '1360%'").pluck().all() as string[]).sort());

  // Nothing acknowledged to the caller is missing.
  for (const no of acks.enrolment) expect(scalar(store, 'SELECT COUNT(*) FROM enrolment WHERE enrolment_no = ?', no), no).toBe(1);
  for (const phone of acks.walkin) expect(scalar(store, 'SELECT COUNT(*) FROM customer WHERE phone = ?', phone), phone).toBe(1);
  for (const no of acks.redemption) expect(scalar(store, 'SELECT COUNT(*) FROM redemption WHERE redemption_no = ?', no), no).toBe(1);
  for (const no of acks.void) expect(scalar(store, "SELECT COUNT(*) FROM redemption WHERE redemption_no = ? AND status = 'voided'", no), no).toBe(1);
  for (const ref of acks.receive) expect(scalar(store, "SELECT COUNT(*) FROM stock_movement WHERE ref_id = ?", ref), ref).toBeGreaterThan(0);
}

describe('a counter killed at random moments', () => {
  it(
    `keeps its database whole across ${KILLS} SIGKILLs`,
    async () => {
      const dataDir = join(dir, 'counter');
      const acks: Acks = { redemption: new Set(), void: new Set(), receive: new Set(), enrolment: new Set(), walkin: new Set() };
      let seed = 20261121;
      for (let kill = 1; kill <= KILLS; kill++) {
        seed = (seed * 48271) % 2147483647;
        await runAndKill(dataDir, seed, 5 + (seed % 120), acks);
        const store = openStore({ file: join(dataDir, DB_FILE_NAME) });
        try {
          checkInvariants(store, acks);
        } finally {
          store.close();
        }
      }
      // The run must have done real work between the kills, or it proved nothing.
      expect(acks.redemption.size).toBeGreaterThan(KILLS);
      expect(acks.void.size).toBeGreaterThan(KILLS / 20);
      expect(acks.receive.size).toBeGreaterThan(KILLS / 20);
      expect(acks.enrolment.size).toBeGreaterThan(KILLS / 4);
      console.log(`crash test: ${KILLS} kills, ${acks.redemption.size} redemptions, ${acks.void.size} voids, ${acks.receive.size} receipts, ${acks.enrolment.size} enrolments, ${acks.walkin.size} walk-ins acknowledged`);
    },
    15 * 60 * 1000,
  );
});

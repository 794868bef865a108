import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';

let counter: TestCounter;
beforeEach(() => {
  counter = openTestCounter();
});
afterEach(() => counter.close());

async function managerClient() {
  return loginAs(counter.client(), '8001');
}

describe('the audit log', () => {
  it('chains every entry to the one before and verifies intact', async () => {
    const manager = await managerClient();
    await loginAs(counter.client(), '1001');
    const verdict = expectOk(await manager.call['audit.verify']({}));
    // The demo seed (its lent iTV trial told through the counter's services, docs/demo.md), two logins.
    expect(verdict).toEqual({ intact: true, entries: 6 });
    const { entries } = expectOk(await manager.call['audit.list']({ limit: 10 }));
    expect(entries.map((e) => e.action)).toEqual(['session.login', 'session.login', 'demo.seed', 'trial.cancel', 'trial.confirm_install', 'enrolment.create']);
  });

  it('refuses UPDATE and DELETE through SQLite itself', () => {
    const db = counter.core.ctx.store.db;
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('points at the first entry edited behind its back', async () => {
    const manager = await managerClient();
    for (const staffNo of ['1001', '1002', '1001']) await loginAs(counter.client(), staffNo);
    // Someone with the file and a SQLite shell drops the guard and edits entry 3.
    const raw = new Database(counter.core.dbFile);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET details = '{\"forged\":true}' WHERE seq = 3").run();
    raw.close();
    const verdict = expectOk(await manager.call['audit.verify']({}));
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 3, reason: 'hash_mismatch' });
  });

  it('notices an entry removed from the middle', async () => {
    const manager = await managerClient();
    for (const staffNo of ['1001', '1002']) await loginAs(counter.client(), staffNo);
    const raw = new Database(counter.core.dbFile);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    const verdict = expectOk(await manager.call['audit.verify']({}));
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 2, reason: 'sequence_gap' });
  });

  it('notices a rewritten entry whose own hash was recomputed, at the next link', async () => {
    const manager = await managerClient();
    await loginAs(counter.client(), '1001');
    const raw = new Database(counter.core.dbFile);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET hash = 'f'||substr(hash, 2) WHERE seq = 1").run();
    raw.close();
    const verdict = expectOk(await manager.call['audit.verify']({}));
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 1 });
  });
});

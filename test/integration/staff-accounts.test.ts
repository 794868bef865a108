import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractClient } from '../../shared/contract/client';
import { databaseDigest, demoPin, expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';

/** Staff accounts through the contract on a real SQLite file: the manager's Settings section. */
let counter: TestCounter;
beforeEach(() => {
  counter = openTestCounter();
});
afterEach(() => counter.close());

async function logIn(staffNo: string, pin: string): Promise<ContractClient> {
  const client = counter.client();
  client.setSession(expectOk(await client.call['session.login']({ staffNo, pin })).token);
  return client;
}

async function account(manager: ContractClient, staffNo: string) {
  const { staff } = expectOk(await manager.call['staff.list']({}));
  return staff.find((member) => member.staffNo === staffNo);
}

/** The audit entries written after `fromSeq`, oldest first. */
async function auditSince(manager: ContractClient, fromSeq: number) {
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 100 }));
  return entries.filter((entry) => entry.seq > fromSeq && entry.action.startsWith('staff.')).reverse();
}

async function lastSeq(manager: ContractClient): Promise<number> {
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 1 }));
  return entries[0]?.seq ?? 0;
}

function outboxRows(): number {
  return (counter.core.ctx.store.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

describe('staff accounts (staff.list, staff.create, staff.resetPin, staff.setActive)', () => {
  it('creates a clerk who can log in at once; a second account with the same number is refused and changes nothing', async () => {
    const manager = await loginAs(counter.client(), '8001');
    const from = await lastSeq(manager);
    const outbox = outboxRows();

    const { staff } = expectOk(await manager.call['staff.create']({ staffNo: '1003', name: '李娜', role: 'clerk', pin: '333333' }));
    expect(staff).toMatchObject({ staffNo: '1003', name: '李娜', role: 'clerk' });
    expect(await account(manager, '1003')).toMatchObject({ staffNo: '1003', name: '李娜', role: 'clerk', active: true, lockedUntil: null });
    const clerk = await logIn('1003', '333333');
    expect(expectOk(await clerk.call['session.current']({})).staff).toMatchObject({ staffNo: '1003', role: 'clerk' });

    const before = databaseDigest(counter.core.dbFile);
    const duplicate = await manager.call['staff.create']({ staffNo: '1003', name: '重名', role: 'manager', pin: '999999' });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '工号 1003 已存在', details: { staffNo: '1003', reason: 'staff_no_taken' } },
    });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
    expect(await account(manager, '1003')).toMatchObject({ name: '李娜', role: 'clerk' });

    const audit = await auditSince(manager, from);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'staff:8001', action: 'staff.create', subject: 'staff:1003', details: { role: 'clerk', name: '李娜' } });
    // Staff accounts are the counter's own: nothing for HQ.
    expect(outboxRows()).toBe(outbox);
  });

  it('lifts a lock by resetting the PIN; the old PIN stops working', async () => {
    const manager = await loginAs(counter.client(), '8001');
    const from = await lastSeq(manager);
    const passerBy = counter.client();
    for (let i = 0; i < 5; i++) await passerBy.call['session.login']({ staffNo: '1001', pin: '000000' });
    const locked = await account(manager, '1001');
    expect(locked?.lockedUntil).toBe('2026-11-21T01:35:00.000Z');
    expect(await passerBy.call['session.login']({ staffNo: '1001', pin: demoPin('1001') })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED' },
    });

    expectOk(await manager.call['staff.resetPin']({ staffNo: '1001', pin: '135790' }));
    expect(await account(manager, '1001')).toMatchObject({ active: true, lockedUntil: null });
    expect(await passerBy.call['session.login']({ staffNo: '1001', pin: demoPin('1001') })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN', details: { attemptsLeft: 4 } },
    });
    await logIn('1001', '135790');

    const actions = (await auditSince(manager, from)).map((e) => [e.actor, e.action, e.subject]);
    expect(actions).toContainEqual(['staff:8001', 'staff.reset_pin', 'staff:1001']);
    expect(actions.filter(([, action]) => action === 'staff.account_locked')).toHaveLength(1);
    expect(await manager.call['staff.resetPin']({ staffNo: '4242', pin: '135790' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('disables an account: its session ends, its login is refused with a clear message; re-enabling lets it back in', async () => {
    const manager = await loginAs(counter.client(), '8001');
    const clerk = await loginAs(counter.client(), '1002');
    const from = await lastSeq(manager);
    const outbox = outboxRows();

    const disabled = expectOk(await manager.call['staff.setActive']({ staffNo: '1002', active: false }));
    expect(disabled.staff).toMatchObject({ staffNo: '1002', name: '刘洋', role: 'clerk', active: false, lockedUntil: null });
    expect(await account(manager, '1002')).toMatchObject({ active: false });
    // The open session is gone, at once.
    expect(await clerk.call['session.current']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // Its owner, with the right PIN, is told why; anyone else learns nothing an unknown number would not say.
    expect(await counter.client().call['session.login']({ staffNo: '1002', pin: demoPin('1002') })).toEqual({
      ok: false,
      error: { code: 'ACCOUNT_DISABLED', message: '该工号已停用，请联系店长', details: { staffNo: '1002' } },
    });
    const unknown = await counter.client().call['session.login']({ staffNo: '4242', pin: '000000' });
    expect(await counter.client().call['session.login']({ staffNo: '1002', pin: '000000' })).toEqual(unknown);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', message: '工号或 PIN 错误' } });

    // Asking again for the state it already has changes nothing and writes nothing.
    const again = databaseDigest(counter.core.dbFile);
    expect(expectOk(await manager.call['staff.setActive']({ staffNo: '1002', active: false })).staff.active).toBe(false);
    expect(databaseDigest(counter.core.dbFile)).toBe(again);

    expect(expectOk(await manager.call['staff.setActive']({ staffNo: '1002', active: true })).staff.active).toBe(true);
    await logIn('1002', demoPin('1002'));

    const audit = await auditSince(manager, from);
    expect(audit.filter((e) => e.action === 'staff.deactivate' || e.action === 'staff.reactivate')).toMatchObject([
      { actor: 'staff:8001', action: 'staff.deactivate', subject: 'staff:1002', details: { role: 'clerk', name: '刘洋' } },
      { actor: 'staff:8001', action: 'staff.reactivate', subject: 'staff:1002', details: { role: 'clerk', name: '刘洋' } },
    ]);
    // The wrong PIN typed while disabled still counted (towards the lock), as any wrong PIN does.
    expect(audit.filter((e) => e.action === 'staff.wrong_pin')).toHaveLength(1);
    expect(outboxRows()).toBe(outbox);
    expect(expectOk(await manager.call['audit.verify']({})).intact).toBe(true);
  });

  it('refuses to disable the last active manager or oneself, and nothing changes', async () => {
    const manager = await loginAs(counter.client(), '8001');
    const from = await lastSeq(manager);

    let before = databaseDigest(counter.core.dbFile);
    expect(await manager.call['staff.setActive']({ staffNo: '8001', active: false })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '王建国（工号 8001）是本厅最后一名在用的店长，不能停用；请先新建或启用另一名店长',
        details: { staffNo: '8001', reason: 'last_manager' },
      },
    });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
    expect(expectOk(await manager.call['session.current']({})).staff.staffNo).toBe('8001');

    // With a second manager, the first still cannot disable themself…
    expectOk(await manager.call['staff.create']({ staffNo: '8002', name: '陈店长', role: 'manager', pin: '802802' }));
    before = databaseDigest(counter.core.dbFile);
    expect(await manager.call['staff.setActive']({ staffNo: '8001', active: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '不能停用自己的账号；请由另一名店长操作', details: { staffNo: '8001', reason: 'self' } },
    });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
    expect(await account(manager, '8001')).toMatchObject({ active: true });

    // …but the other one may; then the other one is the last.
    const second = await logIn('8002', '802802');
    expectOk(await second.call['staff.setActive']({ staffNo: '8001', active: false }));
    expect(await manager.call['session.current']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    before = databaseDigest(counter.core.dbFile);
    expect(await second.call['staff.setActive']({ staffNo: '8002', active: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { staffNo: '8002', reason: 'last_manager' } },
    });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);

    expect(await second.call['staff.setActive']({ staffNo: '4242', active: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有工号 4242' },
    });
    expect((await auditSince(second, from)).map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['staff:8001', 'staff.create', 'staff:8002'],
      ['staff:8002', 'staff.deactivate', 'staff:8001'],
    ]);
  });

  it('keeps every staff method from a clerk: FORBIDDEN, and nothing changes', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    const before = databaseDigest(counter.core.dbFile);
    const calls = [
      clerk.call['staff.list']({}),
      clerk.call['staff.create']({ staffNo: '1999', name: '冒名', role: 'manager', pin: '999999' }),
      clerk.call['staff.resetPin']({ staffNo: '8001', pin: '999999' }),
      clerk.call['staff.setActive']({ staffNo: '1002', active: false }),
      clerk.call['staff.setActive']({ staffNo: '8001', active: false }),
    ];
    for (const result of await Promise.all(calls)) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
    const manager = await loginAs(counter.client(), '8001');
    expect(await account(manager, '1002')).toMatchObject({ active: true });
    expect(await account(manager, '1999')).toBeUndefined();
  });
});

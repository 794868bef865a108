import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_MS } from '../../electron/core/staff/accounts';
import { demoPin, expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';

let counter: TestCounter;
beforeEach(() => {
  counter = openTestCounter();
});
afterEach(() => counter.close());

describe('staff login, roles and the screen lock', () => {
  it('logs a clerk in and out; the token stops working after logout', async () => {
    const clerk = counter.client();
    const login = expectOk(await clerk.call['session.login']({ staffNo: '1001', pin: '111111' }));
    expect(login.staff).toMatchObject({ staffNo: '1001', role: 'clerk', name: '张敏' });
    clerk.setSession(login.token);
    expect(expectOk(await clerk.call['session.current']({})).locked).toBe(false);
    expectOk(await clerk.call['session.logout']({}));
    const after = await clerk.call['session.current']({});
    expect(after).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('stores PINs only as salted scrypt hashes', () => {
    const rows = counter.core.ctx.store.db.prepare('SELECT staff_no, pin_salt, pin_hash FROM staff').all() as {
      staff_no: string;
      pin_salt: Buffer;
      pin_hash: Buffer;
    }[];
    const salts = new Set(rows.map((r) => r.pin_salt.toString('hex')));
    expect(salts.size).toBe(rows.length);
    for (const r of rows) {
      expect(r.pin_hash.length).toBe(32);
      expect(r.pin_hash.toString('latin1')).not.toContain(demoPin(r.staff_no));
    }
  });

  it('counts wrong PINs, locks on the fifth, refuses the sixth even when right, and reopens after five minutes', async () => {
    const c = counter.client();
    for (let i = 1; i <= 4; i++) {
      const r = await c.call['session.login']({ staffNo: '1002', pin: '000000' });
      expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { attemptsLeft: 5 - i } } });
    }
    const fifth = await c.call['session.login']({ staffNo: '1002', pin: '000000' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { attemptsLeft: 0 } } });
    const sixth = await c.call['session.login']({ staffNo: '1002', pin: demoPin('1002') });
    expect(sixth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });

    counter.clock.advance(LOCK_MS - 1000);
    expect(await c.call['session.login']({ staffNo: '1002', pin: demoPin('1002') })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED' },
    });
    counter.clock.advance(1000);
    expectOk(await c.call['session.login']({ staffNo: '1002', pin: demoPin('1002') }));
  });

  it('resets the count after a right PIN', async () => {
    const c = counter.client();
    for (let i = 0; i < 4; i++) await c.call['session.login']({ staffNo: '1001', pin: '000000' });
    expectOk(await c.call['session.login']({ staffNo: '1001', pin: demoPin('1001') }));
    const next = await c.call['session.login']({ staffNo: '1001', pin: '000000' });
    expect(next).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { attemptsLeft: 4 } } });
  });

  it('answers an unknown staff number like a wrong PIN', async () => {
    const r = await counter.client().call['session.login']({ staffNo: '4242', pin: '111111' });
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', message: '工号或 PIN 错误' } });
  });

  it('lets a manager lift a lock by resetting the PIN, which ends the old sessions', async () => {
    const manager = await loginAs(counter.client(), '8001');
    const old = await loginAs(counter.client(), '1002');
    const c = counter.client();
    for (let i = 0; i < 5; i++) await c.call['session.login']({ staffNo: '1002', pin: '000000' });
    const listed = expectOk(await manager.call['staff.list']({}));
    expect(listed.staff.find((s) => s.staffNo === '1002')?.lockedUntil).not.toBeNull();
    expectOk(await manager.call['staff.resetPin']({ staffNo: '1002', pin: '654321' }));
    expectOk(await c.call['session.login']({ staffNo: '1002', pin: '654321' }));
    expect(await old.call['session.current']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('locks the screen: only unlock, logout and status pass until the right PIN is given', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    expectOk(await clerk.call['session.lock']({}));
    expect(await clerk.call['session.lock']({})).toMatchObject({ ok: false, error: { code: 'SCREEN_LOCKED' } });
    expect(expectOk(await clerk.call['session.current']({})).locked).toBe(true);
    expect(await clerk.call['session.unlock']({ pin: '000000' })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expectOk(await clerk.call['session.unlock']({ pin: demoPin('1001') }));
    expect(expectOk(await clerk.call['session.current']({})).locked).toBe(false);
  });

  it('keeps manager-only methods from clerks and from callers without a session', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    expect(await clerk.call['staff.list']({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await counter.client().call['staff.list']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('expires a session after twelve hours', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    counter.clock.advance(12 * 60 * 60 * 1000);
    expect(await clerk.call['session.current']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a second account with the same staff number', async () => {
    const manager = await loginAs(counter.client(), '8001');
    const r = await manager.call['staff.create']({ staffNo: '1001', name: '重复', role: 'clerk', pin: '999999' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

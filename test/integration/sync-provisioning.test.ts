import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/log';
import { createRegistrationCode } from '../../hq/src/devices';
import { createClient } from '../../shared/contract/client';
import { DEMO_NOW, expectOk } from '../support/core';
import { HALL_B, manualTimers, setupHalls, startTestHq, startTestPostgres, type TestHq, type TestPostgres } from '../support/hq';

/**
 * A production counter starts blank: no hall, no staff. The operator's registration code
 * names the hall's manager; registering provisions that account (PIN hash only, HQ keeps
 * no copy once the code is used), the manager logs in and adds the clerks.
 */
let pgServer: TestPostgres;
let hq: TestHq;

beforeAll(async () => {
  pgServer = await startTestPostgres();
  hq = await startTestHq(pgServer);
  await setupHalls(hq);
});
afterAll(async () => {
  await hq?.close();
  await pgServer?.stop();
});

describe('provisioning a blank counter through its registration', () => {
  it('registers with a real HQ, the provisioned manager logs in and creates a clerk, the clerk logs in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halldesk-provision-'));
    const log = memoryLogger();
    const core = createCore({ dataDir: dir, clock: manualClock(DEMO_NOW), appVersion: 'test', log, sync: { timers: manualTimers } });
    try {
      const api = createClient((method, envelope) => core.dispatch(method, envelope));
      // Blank: not demo, not registered, and nobody can log in.
      expect(expectOk(await api.call['system.info']({}))).toMatchObject({ demo: false, registered: false, hall: { code: '' } });
      const nobody = await api.call['session.login']({ staffNo: '8101', pin: '135790' });
      expect(nobody.ok ? null : nobody.error.code).toBe('WRONG_PIN');

      const issued = await createRegistrationCode(hq.db.pool, { hallCode: HALL_B, counterCode: '01', manager: { staffNo: '8101', name: '周店长' } }, hq.clock);
      const pin = issued.manager?.pin ?? '';
      expect(pin).toMatch(/^\d{6}$/);
      const stored = (await hq.db.pool.query<{ salt: Buffer; hash: Buffer }>('SELECT manager_pin_salt AS salt, manager_pin_hash AS hash FROM registration_code')).rows[0];
      expect(stored?.hash.length).toBe(32);
      expect(stored?.hash.toString('latin1')).not.toContain(pin);

      const registered = expectOk(await api.call['sync.register']({ hqUrl: hq.url, code: issued.code }));
      expect(registered).toEqual({
        hall: { code: HALL_B, name: '遵义红花岗营业厅' },
        counter: { code: '01', name: '01号柜台' },
        staff: [{ staffNo: '8101', name: '周店长', role: 'manager' }],
      });
      // The first sync (started by the registration) finishes before anything else here.
      expect((await core.sync.syncNow())?.ok).toBe(true);
      expect(expectOk(await api.call['system.info']({}))).toMatchObject({ demo: false, registered: true, hall: { code: HALL_B } });
      // HQ's copy of the hash went with the spent code; the PIN never appears in the counter's audit or log.
      const spent = (await hq.db.pool.query('SELECT manager_staff_no, manager_pin_salt, manager_pin_hash FROM registration_code')).rows[0] as unknown;
      expect(spent).toEqual({ manager_staff_no: '8101', manager_pin_salt: null, manager_pin_hash: null });
      const registration = core.ctx.store.stmt("SELECT details FROM audit_log WHERE action = 'sync.register'").get() as { details: string };
      expect(JSON.parse(registration.details)).toMatchObject({ hall: HALL_B, staffAdded: ['8101'] });

      const manager = createClient((method, envelope) => core.dispatch(method, envelope));
      const session = expectOk(await manager.call['session.login']({ staffNo: '8101', pin }));
      expect(session.staff).toMatchObject({ staffNo: '8101', name: '周店长', role: 'manager' });
      manager.setSession(session.token);
      expectOk(await manager.call['staff.create']({ staffNo: '1101', name: '吴营业员', role: 'clerk', pin: '246813' }));

      const clerk = createClient((method, envelope) => core.dispatch(method, envelope));
      const clerkSession = expectOk(await clerk.call['session.login']({ staffNo: '1101', pin: '246813' }));
      expect(clerkSession.staff).toMatchObject({ staffNo: '1101', role: 'clerk' });
      const joined = [...log.lines, JSON.stringify(core.ctx.store.stmt('SELECT * FROM audit_log').all())].join('\n');
      expect(joined).not.toContain(pin);
    } finally {
      core.sync.stop();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an operator may set the PIN; HQ then shows none back, and refuses a malformed manager', async () => {
    const set = await createRegistrationCode(hq.db.pool, { hallCode: HALL_B, counterCode: '01', manager: { staffNo: '8102', name: '郑店长', pin: '582047' } }, hq.clock);
    expect(set.manager).toEqual({ staffNo: '8102', name: '郑店长' });
    await expect(
      createRegistrationCode(hq.db.pool, { hallCode: HALL_B, counterCode: '01', manager: { staffNo: '8103', name: '王', pin: '12345' } }, hq.clock),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

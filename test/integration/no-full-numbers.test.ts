import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoCustomers from '../../resources/demo/customers.json';
import { createClient, type ContractClient } from '../../shared/contract/client';
import { manualClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/core';
import { createFileLogger } from '../../electron/core/log';
import { DEMO_NOW, demoPin, expectOk } from '../support/core';

/**
 * Issue 3: full phone and ID numbers never appear in logs or slips. A counter with its real
 * file logger runs the flows that handle them — a walk-in registered with an ID number, a
 * referral typed with the referrer's full phone, enrolments, a prize claimed with a full ID
 * number, redemptions, a void, a trial cancelled, every look-up by phone, a wrong PIN and a
 * failed claim — and then every log line, every slip and every audit entry is searched for
 * every full number the counter saw.
 */
let dir: string;
let core: Core;
let clerk: ContractClient;
let manager: ContractClient;

const people = [...demoCustomers.customers, demoCustomers.walkIn];
const fullPhones = people.map((c) => c.phone);
const fullIds = people.map((c) => c.idNumber);

async function login(staffNo: string): Promise<ContractClient> {
  const client = createClient((method, envelope) => core.dispatch(method, envelope));
  client.setSession(expectOk(await client.call['session.login']({ staffNo, pin: demoPin(staffNo) })).token);
  return client;
}

async function idOf(phone: string): Promise<number> {
  const found = expectOk(await clerk.call['customer.find']({ by: 'phone', phone }));
  const customer = found.customers[0];
  if (!customer) throw new Error(`no customer ${phone}`);
  return customer.customerId;
}

const byName = (name: string) => {
  const c = people.find((p) => p.name === name);
  if (!c) throw new Error(name);
  return c;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'halldesk-numbers-'));
  const clock = manualClock(DEMO_NOW);
  core = createCore({ dataDir: dir, clock, appVersion: 'test', log: createFileLogger(join(dir, 'logs'), clock), demo: {} });
  clerk = await login('1001');
  manager = await login('8001');

  // Every customer looked up by full phone.
  for (const phone of fullPhones) await clerk.call['customer.find']({ by: 'phone', phone });
  // A walk-in registered with her ID number, then signed up with a TV.
  const walkIn = demoCustomers.walkIn;
  const registered = expectOk(
    await clerk.call['customer.registerWalkIn']({ phone: walkIn.phone, name: walkIn.name, idNumber: walkIn.idNumber }),
  );
  expectOk(
    await clerk.call['enrolment.create']({
      customerId: registered.customer.customerId,
      campaignId: 'ZY2026-SIGNUP-TV',
      options: { chosenPlanCode: 'STD-129' },
    }),
  );
  // A referral typed with the referrer's full phone; a failed one with a churned referrer.
  const luo = await idOf(byName('罗斌').phone);
  await clerk.call['enrolment.create']({ customerId: luo, campaignId: 'ZY2026-REFERRAL', options: { referrerPhone: byName('郭亮').phone } });
  expectOk(await clerk.call['enrolment.create']({ customerId: luo, campaignId: 'ZY2026-REFERRAL', options: { referrerPhone: byName('李明').phone } }));
  // An iTV trial with lent equipment, then cancelled.
  const trial = expectOk(
    await clerk.call['enrolment.create']({
      customerId: await idOf(byName('孙强').phone),
      campaignId: 'ZY2026-ITV-TRIAL',
      options: { equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000201'] } },
    }),
  );
  expectOk(await clerk.call['trial.cancel']({ enrolmentNo: trial.enrolmentNo, note: `客户来电 ${byName('孙强').phone}` }));
  // A prize claimed with a wrong full ID number, then the right one.
  const winner = byName('谢雨');
  await clerk.call['prize.claim']({ winId: 'ZY2026-LOTTERY-W0001', idNumber: byName('唐宁').idNumber });
  await clerk.call['prize.claim']({ winId: 'ZY2026-LOTTERY-W0001', idNumber: byName('唐宁').idNumber });
  expectOk(await clerk.call['prize.claim']({ winId: 'ZY2026-LOTTERY-W0001', idNumber: winner.idNumber }));
  // A redemption with a voucher and a gift, voided by a clerk with the manager's approval.
  const redemption = expectOk(
    await clerk.call['redemption.create']({
      customerId: await idOf(winner.phone),
      lines: [
        { catalogueCode: 'JF-UMBRELLA', quantity: 1 },
        { catalogueCode: 'V12580-C', quantity: 1 },
      ],
    }),
  );
  expectOk(
    await clerk.call['redemption.void']({
      redemptionNo: redemption.redemption.redemptionNo,
      reason: `客户 ${winner.phone} 改主意`,
      approval: { staffNo: '8001', pin: demoPin('8001') },
    }),
  );
  // A wrong PIN, and a manager looking at the audit trail.
  await clerk.call['session.unlock']({ pin: '000000' });
  expectOk(await manager.call['audit.verify']({}));
});

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function offenders(text: string): string[] {
  return [...fullPhones, ...fullIds].filter((n) => text.includes(n) || text.includes(n.toLowerCase()));
}

describe('full phone and ID numbers', () => {
  it('never reach a log line', () => {
    const logDir = join(dir, 'logs');
    expect(existsSync(logDir)).toBe(true);
    const lines = readdirSync(logDir).flatMap((f) => readFileSync(join(logDir, f), 'utf8').split('\n').filter(Boolean));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.flatMap(offenders)).toEqual([]);
  });

  it('never reach a slip', () => {
    const slips = core.ctx.store.db.prepare('SELECT slip_no, data FROM slip').all() as { slip_no: string; data: string }[];
    // enrolments, a trial cancellation, a prize, a redemption and its void
    expect(slips.length).toBeGreaterThanOrEqual(6);
    expect(slips.flatMap((s) => offenders(s.data).map((n) => `${s.slip_no}: ${n}`))).toEqual([]);
  });

  it('never reach the audit log', () => {
    const entries = core.ctx.store.db.prepare('SELECT seq, subject, details FROM audit_log').all() as {
      seq: number;
      subject: string;
      details: string;
    }[];
    expect(entries.flatMap((e) => offenders(`${e.subject} ${e.details}`).map((n) => `#${e.seq}: ${n}`))).toEqual([]);
  });

  it('are still whole where HQ needs them (the outbox), so the searches above look for the right strings', () => {
    const outbox = (core.ctx.store.db.prepare('SELECT payload FROM outbox').pluck().all() as string[]).join('\n');
    expect(outbox).toContain(byName('谢雨').phone);
    expect(outbox).toContain(demoCustomers.walkIn.phone);
  });
});

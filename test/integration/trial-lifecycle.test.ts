import { afterEach, describe, expect, it } from 'vitest';
import { advanceTrials } from '../../electron/core/trials/advance';
import { stockBalance } from '../../electron/core/stock/ledger';
import { expectOk } from '../support/core';
import { auditSince, DEMO_TRIAL, enrol, eventsSince, expectError, expectNoSecretsInSlipsAndAudit, lastSeq, onHand, openEnrolmentCounter, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
afterEach(() => e.counter.close());

const BOX = 'STB2026000101';
const MODEM = 'E8B2026000201';
const lend = (box = BOX, modem = MODEM) => ({ equipmentSerials: { 'STB-ITV': [box], 'MODEM-E8B': [modem] } });

const followUps = (customerId: number) =>
  e.ctx.store.db.prepare(`SELECT kind, due_on, status FROM follow_up WHERE customer_id = ? ORDER BY id`).all(customerId) as {
    kind: string;
    due_on: string;
    status: string;
  }[];
const serialState = (serial: string) => e.ctx.store.db.prepare('SELECT state, customer_id FROM serial_unit WHERE serial = ?').get(serial);

/** Enrols 徐敏 (existing e9-99 line) on `day` and confirms the install on `completionOn`. */
async function installedTrial(day: string, completionOn: string, oldModemSerial?: string): Promise<string> {
  e = await openEnrolmentCounter(`${day}T01:30:00.000Z`);
  const done = await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', { ...lend(), ...(oldModemSerial ? { oldModemSerial } : {}) });
  await e.setDay(completionOn);
  expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn }));
  return done.enrolmentNo;
}

describe('confirming the install recomputes the trial from the real completion day', () => {
  it('completed on the last day of November: free to 2027-01-31, calls moved, install task closed, old modem into stock', async () => {
    e = await openEnrolmentCounter('2026-11-25T01:30:00.000Z');
    const done = await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', { ...lend(), oldModemSerial: 'MDSTD1010' });
    const xu = e.id('徐敏');
    await e.setDay('2026-11-30');
    const stdBefore = onHand(e.ctx, 'MODEM-STD');
    const outboxSeq = lastSeq(e.ctx, 'outbox');
    const auditSeq = lastSeq(e.ctx, 'audit_log');
    const { trial } = expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn: '2026-11-30' }));
    expect(trial).toMatchObject({
      status: 'active',
      enrolledOn: '2026-11-25',
      installBy: '2026-12-02',
      completionOn: '2026-11-30',
      freeUntil: '2027-01-31',
      conversionOn: '2027-02-01',
      feeWaiverMonth: null,
    });
    expect(followUps(xu)).toEqual([
      { kind: 'install_due', due_on: '2026-12-02', status: 'done' },
      { kind: 'trial_usage_call', due_on: '2026-12-14', status: 'open' },
      { kind: 'trial_expiry_notice', due_on: '2027-01-17', status: 'open' },
    ]);
    expect(onHand(e.ctx, 'MODEM-STD')).toBe(stdBefore + 1);
    expect(serialState('MDSTD1010')).toEqual({ state: 'on_hand', customer_id: null });
    const events = eventsSince(e.ctx, outboxSeq);
    expect(events).toEqual([
      {
        type: 'trial.changed',
        payload: {
          enrolmentNo: done.enrolmentNo,
          customerPhone: '15885221010',
          status: 'active',
          completionOn: '2026-11-30',
          freeUntil: '2027-01-31',
          conversionOn: '2027-02-01',
          cancelRequestedOn: null,
          feeWaiverMonth: null,
          staffNo: '1001',
        },
      },
    ]);
    expect(auditSince(e.ctx, auditSeq).map((a) => a.action)).toEqual(['trial.confirm_install']);
    expectError(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn: '2026-11-30' }), 'CONFLICT');
  });

  it('completed on 2026-12-31: free to 2027-02-28, paid from 2027-03-01; a new install has no old modem to take back', async () => {
    e = await openEnrolmentCounter('2026-12-28T01:30:00.000Z');
    const done = await enrol(e, '冯雪', 'ZY2026-ITV-TRIAL', lend());
    await e.setDay('2026-12-31');
    const before = e.digest();
    expectError(
      await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn: '2026-12-31', oldModemSerial: 'MDSTD2929' }),
      'CONFLICT',
    );
    // Not before the enrolment, not in the future.
    expectError(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn: '2026-12-27' }), 'VALIDATION');
    expectError(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn: '2027-01-01' }), 'VALIDATION');
    expect(e.digest()).toBe(before);
    const { trial } = expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: done.enrolmentNo, completionOn: '2026-12-31' }));
    expect(trial).toMatchObject({ status: 'active', completionOn: '2026-12-31', freeUntil: '2027-02-28', conversionOn: '2027-03-01' });
    expect(followUps(e.id('冯雪')).filter((f) => f.status === 'open')).toEqual([
      { kind: 'trial_usage_call', due_on: '2027-01-14', status: 'open' },
      { kind: 'trial_expiry_notice', due_on: '2027-02-14', status: 'open' },
    ]);
  });
});

describe('cancelling and recovering the equipment', () => {
  it('opens a recovery order for the box and the e8-b modem, cancels the calls and prints a cancellation slip', async () => {
    const enrolmentNo = await installedTrial('2026-11-21', '2026-11-23', 'MDSTD1010');
    const xu = e.id('徐敏');
    await e.setDay('2027-01-10');
    const result = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo, note: '客户表示看电视少' }));
    expect(result.trial).toMatchObject({ status: 'cancel_requested', cancelRequestedOn: '2027-01-10', freeUntil: '2027-01-31' });
    expect(result.recovery).toMatchObject({
      status: 'open',
      openedOn: '2027-01-10',
      dueOn: '2027-01-17',
      serials: [
        { sku: 'STB-ITV', serial: BOX },
        { sku: 'MODEM-E8B', serial: MODEM },
      ],
    });
    const loans = e.ctx.store.db.prepare(
      'SELECT serial, status, recovery_order_id FROM equipment_loan WHERE enrolment_id = (SELECT id FROM enrolment WHERE enrolment_no = ?) ORDER BY id',
    );
    expect(loans.all(enrolmentNo)).toEqual([
      { serial: BOX, status: 'recovery_open', recovery_order_id: result.recovery?.orderId },
      { serial: MODEM, status: 'recovery_open', recovery_order_id: result.recovery?.orderId },
    ]);
    expect(followUps(xu)).toEqual([
      { kind: 'install_due', due_on: '2026-11-28', status: 'done' },
      { kind: 'trial_usage_call', due_on: '2026-12-07', status: 'cancelled' },
      { kind: 'trial_expiry_notice', due_on: '2027-01-17', status: 'cancelled' },
      { kind: 'equipment_recovery', due_on: '2027-01-17', status: 'open' },
    ]);
    expect(result.slip).toMatchObject({ kind: 'trial_cancel', title: 'iTV体验注销回执', customer: { phoneMasked: '158****1010' } });
    expect(result.slip.taken).toEqual([
      { label: 'iTV机顶盒（待回收）', quantity: 1, serial: BOX },
      { label: 'e8-b光猫（待回收）', quantity: 1, serial: MODEM },
    ]);
    expect(result.slip.terms).toContain('如因设备回收等原因注销未能在体验期最后一天（2027-01-31）前生效，2027-02的 iTV 费用予以减免。');
    expectError(await e.clerk.call['trial.cancel']({ enrolmentNo }), 'CONFLICT');
  });

  it('brings the serials back on hand, hands over an ordinary modem, closes the order; in time, so nothing is waived', async () => {
    const enrolmentNo = await installedTrial('2026-11-21', '2026-11-23', 'MDSTD1010');
    await e.setDay('2027-01-10');
    const orderId = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo })).recovery?.orderId ?? 0;
    await e.setDay('2027-01-15');
    const before = e.digest();
    // Every serial of the order, no more and no fewer.
    expect(expectError(await e.clerk.call['recovery.complete']({ orderId, serials: [BOX] }), 'CONFLICT').message).toContain(MODEM);
    expectError(await e.clerk.call['recovery.complete']({ orderId, serials: [BOX, MODEM, 'STB2026000102'] }), 'CONFLICT');
    expect(e.digest()).toBe(before);

    const stdBefore = onHand(e.ctx, 'MODEM-STD');
    const outboxSeq = lastSeq(e.ctx, 'outbox');
    const done = expectOk(await e.clerk.call['recovery.complete']({ orderId, serials: [MODEM, BOX], ordinaryModemSerial: 'STD2026000301' }));
    expect(done.recovery).toMatchObject({ status: 'done', closedOn: '2027-01-15', returnSku: 'MODEM-STD', returnSerial: 'STD2026000301' });
    expect(done.trial).toMatchObject({ status: 'cancelled', feeWaiverMonth: null });
    expect(done.trial.equipment.map((l) => [l.serial, l.status, l.recoveredOn])).toEqual([
      [BOX, 'recovered', '2027-01-15'],
      [MODEM, 'recovered', '2027-01-15'],
    ]);
    // All back but the demo hall's own lent set (docs/demo.md).
    expect(stockBalance(e.ctx, 'STB-ITV')).toEqual({ onHand: 7, display: 0, lent: 1 });
    expect(stockBalance(e.ctx, 'MODEM-E8B')).toEqual({ onHand: 7, display: 0, lent: 1 });
    expect(serialState(BOX)).toEqual({ state: 'on_hand', customer_id: null });
    expect(onHand(e.ctx, 'MODEM-STD')).toBe(stdBefore - 1);
    expect(serialState('STD2026000301')).toEqual({ state: 'issued', customer_id: e.id('徐敏') });
    const events = eventsSince(e.ctx, outboxSeq);
    expect(events.map((x) => [x.type, x.payload.status, x.payload.feeWaiverMonth])).toEqual([['trial.changed', 'cancelled', null]]);
    expect(followUps(e.id('徐敏')).find((f) => f.kind === 'equipment_recovery')?.status).toBe('done');
    expectError(await e.clerk.call['recovery.complete']({ orderId, serials: [MODEM, BOX] }), 'CONFLICT');
    // The free period would have ended on 01-31; a later run changes nothing of this trial
    // (only the demo hall's, whose units are still out: its January fee is waived).
    await e.setDay('2027-02-02');
    expect(advanceTrials(e.ctx, '2027-02-02')).toEqual([DEMO_WAIVER]);
    expectNoSecretsInSlipsAndAudit(e.ctx);
  });
});

/** What the first daily run from 2027-01-01 on does to the demo hall's cancelled trial. */
const DEMO_WAIVER = { enrolmentNo: DEMO_TRIAL.enrolmentNo, from: 'cancel_requested', to: 'cancel_requested', feeWaiverMonth: '2027-01' };

describe('dates passing: conversion, closing and the fee waiver', () => {
  it('converts an active trial the day after its free period, once, as the manager’s on-demand run or the system’s', async () => {
    const enrolmentNo = await installedTrial('2026-11-21', '2026-11-23');
    await e.setDay('2027-01-31');
    // Not ours yet; but the demo hall's trial, cancelled in time with its units still out after
    // its last free day (2026-12-31), has January waived (docs/demo.md).
    expect(expectOk(await e.manager.call['trial.advance']({})).changes).toEqual([DEMO_WAIVER]);
    await e.setDay('2027-02-01');
    expectError(await e.clerk.call['trial.advance']({}), 'FORBIDDEN');
    const outboxSeq = lastSeq(e.ctx, 'outbox');
    const auditSeq = lastSeq(e.ctx, 'audit_log');
    const run = expectOk(await e.manager.call['trial.advance']({}));
    expect(run).toEqual({ today: '2027-02-01', changes: [{ enrolmentNo, from: 'active', to: 'converted', feeWaiverMonth: null }] });
    expect(eventsSince(e.ctx, outboxSeq).map((x) => [x.type, x.payload.status, x.payload.staffNo])).toEqual([['trial.changed', 'converted', '8001']]);
    expect(auditSince(e.ctx, auditSeq).map((a) => a.action)).toEqual(['trial.advance']);
    expect(advanceTrials(e.ctx, '2027-02-01')).toEqual([]);
    expect(expectOk(await e.clerk.call['trial.list']({ status: 'converted', limit: 200 })).trials.map((t) => t.enrolmentNo)).toEqual([enrolmentNo]);
  });

  it('waives February when a cancellation asked for on 2027-01-28 only takes effect in February', async () => {
    const enrolmentNo = await installedTrial('2026-11-21', '2026-11-23', 'MDSTD1010');
    await e.setDay('2027-01-28');
    const order = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo })).recovery;
    // Due by the last free day, which is closer than the 7-day promise.
    expect(order?.dueOn).toBe('2027-01-31');
    await e.setDay('2027-02-01');
    const auditSeq = lastSeq(e.ctx, 'audit_log');
    // The system's daily run sees the cancellation has missed January.
    expect(advanceTrials(e.ctx, '2027-02-01')).toEqual([
      DEMO_WAIVER,
      { enrolmentNo, from: 'cancel_requested', to: 'cancel_requested', feeWaiverMonth: '2027-02' },
    ]);
    expect(auditSince(e.ctx, auditSeq)[0]).toMatchObject({ action: 'trial.advance' });
    expect(e.ctx.store.db.prepare(`SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1`).get()).toEqual({ actor: 'system:trial-advance' });
    expect(advanceTrials(e.ctx, '2027-02-02')).toEqual([]);
    await e.setDay('2027-02-03');
    const done = expectOk(await e.clerk.call['recovery.complete']({ orderId: order?.orderId ?? 0, serials: [BOX, MODEM], ordinaryModemSerial: 'MDSTD1010' }));
    expect(done.trial).toMatchObject({ status: 'cancelled', cancelRequestedOn: '2027-01-28', feeWaiverMonth: '2027-02' });
    // The customer's own old modem went back to them.
    expect(serialState('MDSTD1010')).toEqual({ state: 'issued', customer_id: e.id('徐敏') });
  });

  it('waives the next month too when the equipment comes back late and no daily run happened in between', async () => {
    const enrolmentNo = await installedTrial('2026-11-21', '2026-11-23');
    await e.setDay('2027-01-31');
    const order = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo })).recovery;
    await e.setDay('2027-02-05');
    const done = expectOk(await e.clerk.call['recovery.complete']({ orderId: order?.orderId ?? 0, serials: [BOX, MODEM] }));
    expect(done.trial).toMatchObject({ status: 'cancelled', feeWaiverMonth: '2027-02' });
  });

  it('waives nothing for a cancellation asked for after the free period (an ordinary cancellation of a paid package)', async () => {
    const enrolmentNo = await installedTrial('2026-11-21', '2026-11-23');
    await e.setDay('2027-02-01');
    advanceTrials(e.ctx, '2027-02-01');
    await e.setDay('2027-02-10');
    const cancelled = expectOk(await e.clerk.call['trial.cancel']({ enrolmentNo }));
    expect(cancelled.recovery?.dueOn).toBe('2027-02-17');
    await e.setDay('2027-02-20');
    const done = expectOk(await e.clerk.call['recovery.complete']({ orderId: cancelled.recovery?.orderId ?? 0, serials: [BOX, MODEM] }));
    expect(done.trial).toMatchObject({ status: 'cancelled', feeWaiverMonth: null });
  });

  it('shows the trial on its enrolment and in the register, customer masked', async () => {
    const enrolmentNo = await installedTrial('2026-11-21', '2026-11-23');
    const view = expectOk(await e.clerk.call['enrolment.get']({ enrolmentNo })).enrolment;
    expect(view.trial).toMatchObject({ enrolmentNo, status: 'active', phoneMasked: '158****1010', name: '徐敏', packageName: 'iTV全能包' });
    const register = expectOk(await e.clerk.call['trial.list']({ limit: 200 })).trials;
    expect(register.map((t) => t.enrolmentNo)).toEqual([DEMO_TRIAL.enrolmentNo, enrolmentNo]);
    expect(JSON.stringify(register)).not.toContain('15885221010');
  });
});

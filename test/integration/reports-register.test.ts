import { afterEach, describe, expect, it } from 'vitest';
import { trialRegisterColumns, trialRegisterFileName } from '../../shared/reports/register-sheet';
import { expectOk } from '../support/core';
import { enrol, openEnrolmentCounter, secrets, walkIn, type EnrolmentCounter } from '../support/enrolment';

let e: EnrolmentCounter;
afterEach(() => e.counter.close());

const lend = (n: number) => ({ equipmentSerials: { 'STB-ITV': [`STB202600010${n}`], 'MODEM-E8B': [`E8B202600020${n}`] } });

/**
 * Four trials around the week of Monday 2026-11-16: 孙强 enrolled the Friday before and
 * installed on Tuesday; 徐敏 enrolled and installed in the week (her old modem back);
 * the walk-in 欧阳娜 (a new broadband line) enrolled in the week, not yet installed;
 * 冯雪 enrolled the Monday after.
 */
async function fourTrials(): Promise<Record<'sun' | 'xu' | 'ou' | 'feng', string>> {
  e = await openEnrolmentCounter('2026-11-13T01:30:00.000Z');
  const sun = (await enrol(e, '孙强', 'ZY2026-ITV-TRIAL', lend(1))).enrolmentNo;
  await e.setDay('2026-11-17');
  expectOk(await e.clerk.call['trial.confirmInstall']({ enrolmentNo: sun, completionOn: '2026-11-17' }));
  await e.setDay('2026-11-18');
  const xu = (await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', { ...lend(2), oldModemSerial: 'MDSTD1010' })).enrolmentNo;
  await e.setDay('2026-11-19');
  const { customer } = expectOk(
    await e.manager.call['customer.registerWalkIn']({
      phone: walkIn.phone,
      name: walkIn.name,
      idNumber: walkIn.idNumber,
      broadband: { itvCapable: true, hasItv: false, communityUpgraded: true, productKind: 'yearly', planCode: 'e8-68', newInstall: true },
    }),
  );
  const ou = (await enrol(e, customer.customerId, 'ZY2026-ITV-TRIAL', lend(4))).enrolmentNo;
  await e.setDay('2026-11-20');
  expectOk(await e.manager.call['trial.confirmInstall']({ enrolmentNo: xu, completionOn: '2026-11-20' }));
  await e.setDay('2026-11-23');
  const feng = (await enrol(e, '冯雪', 'ZY2026-ITV-TRIAL', lend(3))).enrolmentNo;
  return { sun, xu, ou, feng };
}

describe('the weekly trial register (体验用户登记表)', () => {
  it("on Monday it is last week's: the trials enrolled or installed Monday to Sunday, in enrolment order, with billing's dates", async () => {
    const t = await fourTrials();
    const register = expectOk(await e.clerk.call['report.trialRegister']({}));
    expect(register).toMatchObject({ hall: { code: 'ZY-HC-001', name: '遵义汇川营业厅' }, weekStart: '2026-11-16', weekEnd: '2026-11-22', today: '2026-11-23' });
    expect(register.rows.map((r) => r.enrolmentNo)).toEqual([t.sun, t.xu, t.ou]);
    const [sun, xu, ou] = register.rows;
    expect(sun).toMatchObject({
      customerName: '孙强',
      phoneMasked: '158****1212',
      broadbandPlan: 'e8-48',
      packageName: 'iTV全能包',
      enrolledOn: '2026-11-13',
      installBy: '2026-11-20',
      completionOn: '2026-11-17',
      freeUntil: '2027-01-31',
      conversionOn: '2027-02-01',
      monthlyFeeFen: 3500,
      termMonths: 24,
      status: 'active',
      statusLabel: '体验中',
      staffNo: '1001',
      staffName: '张敏',
      enrolledThisWeek: false,
      installedThisWeek: true,
    });
    expect(sun?.equipment.map((u) => [u.sku, u.serial, u.status])).toEqual([
      ['STB-ITV', 'STB2026000101', 'lent'],
      ['MODEM-E8B', 'E8B2026000201', 'lent'],
    ]);
    expect(xu).toMatchObject({
      customerName: '徐敏',
      phoneMasked: '158****1010',
      broadbandPlan: 'e9-99',
      enrolledOn: '2026-11-18',
      completionOn: '2026-11-20',
      freeUntil: '2027-01-31',
      oldModemSerial: 'MDSTD1010',
      enrolledThisWeek: true,
      installedThisWeek: true,
    });
    // Not installed yet: no completion, free-period or conversion date goes to billing.
    expect(ou).toMatchObject({
      customerName: '欧阳娜',
      phoneMasked: '189****2828',
      broadbandPlan: 'e8-68',
      enrolledOn: '2026-11-19',
      installBy: '2026-11-26',
      completionOn: null,
      freeUntil: null,
      conversionOn: null,
      oldModemSerial: null,
      status: 'awaiting_install',
      statusLabel: '待安装',
      enrolledThisWeek: true,
      installedThisWeek: false,
    });
    const text = JSON.stringify(register);
    for (const secret of [...secrets, walkIn.phone]) expect(text).not.toContain(secret);
  });

  it('any day picks its Monday–Sunday week; a trial enrolled one week and installed the next is on both', async () => {
    const t = await fourTrials();
    const before = expectOk(await e.clerk.call['report.trialRegister']({ weekOf: '2026-11-15' }));
    expect(before).toMatchObject({ weekStart: '2026-11-09', weekEnd: '2026-11-15' });
    expect(before.rows.map((r) => [r.enrolmentNo, r.enrolledThisWeek, r.installedThisWeek])).toEqual([[t.sun, true, false]]);
    const thisWeek = expectOk(await e.clerk.call['report.trialRegister']({ weekOf: '2026-11-29' }));
    expect(thisWeek).toMatchObject({ weekStart: '2026-11-23', weekEnd: '2026-11-29' });
    expect(thisWeek.rows.map((r) => r.enrolmentNo)).toEqual([t.feng]);
    expect(expectOk(await e.clerk.call['report.trialRegister']({ weekOf: '2026-11-02' })).rows).toEqual([]);
  });

  it('the sheet billing receives: Chinese headers, one line per trial, dates and the fee as cells', async () => {
    await fourTrials();
    const register = expectOk(await e.clerk.call['report.trialRegister']({}));
    expect(trialRegisterFileName(register.hall.code, register.weekStart)).toBe('体验用户登记表_ZY-HC-001_2026-11-16.xlsx');
    expect(trialRegisterColumns.map((c) => c.header)).toEqual([
      '序号', '受理单号', '客户姓名', '联系电话', '宽带套餐', '体验套餐', '受理日期', '安装期限', '竣工日期', '免费期至', '转正式日期',
      '月费（元）', '协议期（月）', '借用设备及串号', '收回原光猫串号', '状态', '注销申请日', '费用减免月份', '受理营业员', '本周登记事由',
    ]);
    const second = register.rows[1];
    if (!second) throw new Error('the register has a second line');
    expect(trialRegisterColumns.map((c) => c.value(second, 1))).toEqual([
      2, second.enrolmentNo, '徐敏', '158****1010', 'e9-99', 'iTV全能包', '2026-11-18', '2026-11-25', '2026-11-20', '2027-01-31', '2027-02-01',
      3500, 24, 'iTV机顶盒 STB2026000102；e8-b光猫 E8B2026000202', 'MDSTD1010', '体验中', null, null, '张敏（1001）', '受理、竣工',
    ]);
  });
});

import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, MANAGER } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';
import { bridgeDatabaseFile } from './support/stock';
import { idNumberCheckChar } from '../../shared/customers/id-number';
import type { ContractClient } from '../../shared/contract/client';
import { trialRegisterColumns } from '../../shared/reports/register-sheet';

const CLERK = '1001';
const TRIAL = 'ZY2026-ITV-TRIAL';

/**
 * A broadband walk-in of this spec's own (phones 18785209951…) on an iTV trial with units
 * received for it, so the shared demo database's stock and customers stay as other specs
 * expect. Idempotent: a second call finds the customer and the trial already there.
 */
async function ownTrial(manager: ContractClient, n: number, name: string, installed: boolean): Promise<{ enrolmentNo: string; stb: string; modem: string }> {
  const phone = `1878520995${n}`;
  const stb = `STBE2E095${n}`;
  const modem = `E8BE2E095${n}`;
  const found = expectOk(await manager.call['customer.find']({ by: 'phone', phone })).customers[0];
  if (found) {
    const enrolment = expectOk(await manager.call['enrolment.listForCustomer']({ customerId: found.customerId })).enrolments[0];
    if (!enrolment) throw new Error(`${phone} has no enrolment`);
    return { enrolmentNo: enrolment.enrolmentNo, stb, modem };
  }
  for (const [sku, serial] of [
    ['STB-ITV', stb],
    ['MODEM-E8B', modem],
  ] as const) {
    expectOk(await manager.call['stock.receive']({ sku, qty: 1, serials: [serial], deliveryRef: `E2E-LISTS-${n}` }));
  }
  const first17 = `52030219880202${String(500 + n)}`;
  const { customer } = expectOk(
    await manager.call['customer.registerWalkIn']({
      phone,
      name,
      idNumber: first17 + idNumberCheckChar(first17),
      broadband: { itvCapable: true, hasItv: false, communityUpgraded: true, productKind: 'yearly', planCode: 'e8-68', newInstall: true },
    }),
  );
  const { enrolmentNo } = expectOk(
    await manager.call['enrolment.create']({ customerId: customer.customerId, campaignId: TRIAL, options: { equipmentSerials: { 'STB-ITV': [stb], 'MODEM-E8B': [modem] } } }),
  );
  if (installed) expectOk(await manager.call['trial.confirmInstall']({ enrolmentNo, completionOn: '2026-11-21' }));
  return { enrolmentNo, stb, modem };
}

async function openListsAs(page: Page, staffNo: string): Promise<void> {
  await page.goto('/');
  await keyboardLogin(page, staffNo, demoPin(staffNo));
  await expect(page.getByTestId('current-staff')).toContainText(staffNo);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: '清单' })).toBeFocused();
}

test('the weekly trial register exports to xlsx; read back, its rows are the contract’s rows', async ({ page, baseURL }, testInfo) => {
  const manager = await contractAs(baseURL, MANAGER);
  const own = await ownTrial(manager, 1, '钟晓梅', true);

  await openListsAs(page, CLERK);
  await page.getByRole('tab', { name: '体验用户登记表' }).click();
  const panel = page.getByTestId('trial-register');
  // Last week by default: on the frozen Saturday 2026-11-21 that is 11-09…11-15, before any e2e business.
  await expect(panel.getByTestId('register-range')).toHaveText('2026-11-09（周一）至 2026-11-15（周日） · 0 户');
  await expect(panel.getByText('这一周没有受理或竣工的体验用户。')).toBeVisible();
  await panel.getByRole('button', { name: '下一周 ▶' }).click();

  const register = expectOk(await manager.call['report.trialRegister']({ weekOf: '2026-11-16' }));
  await expect(panel.getByTestId('register-range')).toHaveText(`2026-11-16（周一）至 2026-11-22（周日） · ${register.rows.length} 户`);
  await expect(panel.locator('tbody tr')).toHaveCount(register.rows.length);
  const ownRow = panel.locator(`tr[data-enrolment-no="${own.enrolmentNo}"]`);
  await expect(ownRow).toContainText('钟晓梅 187****9951');
  await expect(ownRow).toContainText(own.stb);
  await page.screenshot({ path: screenshotPath('lists-register') });

  const downloading = page.waitForEvent('download');
  await panel.getByTestId('export-register').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('体验用户登记表_ZY-HC-001_2026-11-16.xlsx');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(panel.getByTestId('export-register-note')).toHaveText(`已导出 ${register.rows.length} 行：体验用户登记表_ZY-HC-001_2026-11-16.xlsx`);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('体验用户登记表');
  if (!sheet) throw new Error('the export has no sheet 体验用户登记表');
  const values = (row: number): unknown[] => trialRegisterColumns.map((_c, index) => sheet.getRow(row).getCell(index + 1).value);
  expect(values(1)).toEqual([
    '序号', '受理单号', '客户姓名', '联系电话', '宽带套餐', '体验套餐', '受理日期', '安装期限', '竣工日期', '免费期至', '转正式日期',
    '月费（元）', '协议期（月）', '借用设备及串号', '收回原光猫串号', '状态', '注销申请日', '费用减免月份', '受理营业员', '本周登记事由',
  ]);
  expect(sheet.rowCount).toBe(register.rows.length + 1);
  // Every cell as the contract's row gives it: dates as Excel dates of that day, the fee in yuan, counts as numbers.
  register.rows.forEach((row, index) => {
    const expected = trialRegisterColumns.map((column) => {
      const source = column.value(row, index);
      if (source === null) return null;
      if (column.kind === 'date') return new Date(`${String(source)}T00:00:00.000Z`);
      if (column.kind === 'yuan') return Number(source) / 100;
      return source;
    });
    expect(values(index + 2)).toEqual(expected);
  });
  const ownLine = register.rows.findIndex((row) => row.enrolmentNo === own.enrolmentNo);
  expect(values(ownLine + 2).slice(2, 13)).toEqual([
    '钟晓梅',
    '187****9951',
    'e8-68',
    'iTV全能包',
    new Date('2026-11-21T00:00:00.000Z'),
    new Date('2026-11-28T00:00:00.000Z'),
    new Date('2026-11-21T00:00:00.000Z'),
    new Date('2027-01-31T00:00:00.000Z'),
    new Date('2027-02-01T00:00:00.000Z'),
    35,
    24,
  ]);
});

test('a month-1 call marked done with its outcome leaves the list (checked through followup.list)', async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  const own = await ownTrial(manager, 1, '钟晓梅', true);
  const calls = expectOk(await manager.call['lists.trialCalls']({ kind: 'trial_usage_call' })).calls;
  const call = calls.find((c) => c.enrolmentNo === own.enrolmentNo);
  if (!call) throw new Error('the installed trial has a month-1 call');
  expect(call).toMatchObject({ dueOn: '2026-12-05', customer: { nameMasked: '钟**', phoneMasked: '187****9951' } });

  await openListsAs(page, CLERK);
  const panel = page.getByTestId('calls-trial_usage_call');
  await expect(panel.locator('tbody tr')).toHaveCount(calls.length);
  const row = panel.locator(`tr[data-follow-up-id="${call.followUpId}"]`);
  await expect(row).toContainText('2026-12-05');
  await expect(row).toContainText('钟** 187****9951');
  await expect(row).not.toContainText('钟晓梅');
  await page.screenshot({ path: screenshotPath('lists-calls') });

  await row.getByRole('button', { name: '登记结果' }).click();
  const dialog = page.getByTestId('outcome-dialog');
  await dialog.getByLabel('月使用不足 10 小时，已提醒使用').check();
  await dialog.getByLabel('补充说明（可选）').fill('晚上偶有卡顿');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(0);

  const open = expectOk(await manager.call['followup.list']({ kind: 'trial_usage_call', status: 'open' })).followUps;
  expect(open.map((f) => f.id)).not.toContain(call.followUpId);
  const done = expectOk(await manager.call['followup.list']({ kind: 'trial_usage_call', status: 'done' })).followUps;
  expect(done.find((f) => f.id === call.followUpId)).toMatchObject({ status: 'done', outcome: '月使用不足 10 小时，已提醒使用；晚上偶有卡顿', doneBy: CLERK });
});

test('an overdue equipment recovery is marked, then completed by scanning its units back; a referral credit is listed with its amount', async ({
  page,
  baseURL,
}) => {
  const manager = await contractAs(baseURL, MANAGER);
  const own = await ownTrial(manager, 2, '白雪松', false);
  const trials = expectOk(await manager.call['trial.list']({ limit: 500 })).trials;
  const trial = trials.find((t) => t.enrolmentNo === own.enrolmentNo);
  const recovery =
    trial?.recovery ?? expectOk(await manager.call['trial.cancel']({ enrolmentNo: own.enrolmentNo, note: '客户不再使用' })).recovery;
  if (!recovery) throw new Error('a cancelled trial with lent units opens a recovery order');
  // The clock is frozen on the day the order opened; moving the order two weeks back stands in
  // for the days that would have passed. This test completes the order, so no other spec sees it late.
  const db = new Database(bridgeDatabaseFile());
  try {
    db.prepare(`UPDATE recovery_order SET opened_on = '2026-11-05', due_on = '2026-11-12' WHERE id = ?`).run(recovery.orderId);
  } finally {
    db.close();
  }
  const referee = expectOk(await manager.call['customer.find']({ by: 'phone', phone: '18785209959' })).customers[0];
  if (!referee) {
    const first17 = '520302199203035090'.slice(0, 17);
    const { customer } = expectOk(await manager.call['customer.registerWalkIn']({ phone: '18785209959', name: '庞新', idNumber: first17 + idNumberCheckChar(first17) }));
    expectOk(await manager.call['enrolment.create']({ customerId: customer.customerId, campaignId: 'ZY2026-REFERRAL', options: { referrerPhone: '13985210505' } }));
  }

  await openListsAs(page, CLERK);
  await page.getByRole('tab', { name: '推荐奖励' }).click();
  const referrals = page.getByTestId('referrals');
  const credit = referrals.locator('tbody tr', { hasText: '庞* 187****9959' });
  await expect(credit).toContainText('陈* 139****0505');
  await expect(credit).toContainText('¥50.00');
  await expect(credit).toContainText('2026-11-27');
  await page.screenshot({ path: screenshotPath('lists-referrals') });

  await page.getByRole('tab', { name: '设备回收' }).click();
  const panel = page.getByTestId('recoveries');
  const row = panel.locator(`tr[data-order-id="${recovery.orderId}"]`);
  await expect(row).toContainText('白** 187****9952');
  await expect(row).toContainText(own.stb);
  await expect(row).toHaveClass(/lists-row--overdue/);
  await expect(row).toContainText('2026-11-12逾期 9 天');
  await expect(panel.getByTestId('recoveries-summary')).toContainText('逾期');
  await page.screenshot({ path: screenshotPath('lists-recoveries') });

  await row.getByRole('button', { name: '扫码回收' }).click();
  const dialog = page.getByTestId('recovery-dialog');
  const scan = dialog.getByLabel('扫描串号');
  await expect(scan).toBeFocused();
  await page.keyboard.type('STB2026009999');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('串号 STB2026009999 不在这张回收单上，请核对');
  await page.keyboard.type(own.stb);
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('已扫 1 / 2 台')).toBeVisible();
  await page.screenshot({ path: screenshotPath('lists-recovery-scan') });
  await page.keyboard.type(own.modem);
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('已扫 2 / 2 台')).toBeVisible();
  await dialog.getByRole('button', { name: '确认回收' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveText(`回收单 #${recovery.orderId} 已完成，体验注销已生效`);
  await expect(row).toHaveCount(0);

  const after = expectOk(await manager.call['lists.recoveries']({ status: 'all' })).orders.find((o) => o.orderId === recovery.orderId);
  expect(after).toMatchObject({ status: 'done', closedOn: '2026-11-21' });
  const ended = expectOk(await manager.call['trial.list']({ limit: 500 })).trials.find((t) => t.enrolmentNo === own.enrolmentNo);
  expect(ended?.status).toBe('cancelled');
});

import type { Page } from '@playwright/test';
import { createClient, httpTransport } from '../../shared/contract/client';
import { expect, test } from './support/fixtures';
import { readyToLogIn } from './support/clerk';
import { bridgeUrl, contractAs, demoPin, expectOk, lastAuditSeq, MANAGER } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';

/**
 * The manager's staff accounts on the Settings page (Alt+7): a clerk created by keyboard,
 * a mismatched PIN that keeps what was typed, an account disabled whose login is refused.
 * One database serves the whole run: whatever this spec disables it enables again.
 */
test.afterAll(async ({ baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  expectOk(await manager.call['staff.setActive']({ staffNo: '1002', active: true }));
});

async function openSettingsAs(page: Page, staffNo: string, pin: string): Promise<void> {
  await page.goto('/');
  await keyboardLogin(page, staffNo, pin);
  await expect(page.getByTestId('current-staff')).toContainText(staffNo);
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeFocused();
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: '退出', exact: true }).click();
  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible();
}

test('a manager creates a clerk by keyboard; a mismatched PIN is said and nothing typed is lost; the clerk logs in', async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);
  const before = expectOk(await manager.call['staff.list']({})).staff;
  expect(before.map((member) => member.staffNo)).not.toContain('1003');

  await openSettingsAs(page, MANAGER, demoPin(MANAGER));
  const section = page.getByTestId('staff-accounts');
  await expect(section.getByRole('heading', { name: '员工账号' })).toBeVisible();
  await expect(section.getByRole('columnheader')).toHaveText(['工号', '姓名', '角色', '状态', '操作']);
  const own = section.getByTestId(`staff-row-${MANAGER}`);
  await expect(own).toContainText('王建国');
  await expect(own).toContainText('本人');
  await expect(own.getByTestId('staff-status')).toHaveText('正常');
  // A manager cannot disable themself: the row has no such button.
  await expect(own.getByRole('button', { name: '停用' })).toHaveCount(0);
  await expect(section.getByTestId('staff-row-1001')).toContainText('营业员');

  const form = section.getByTestId('staff-create');
  const staffNo = form.getByLabel('新工号');
  const name = form.getByLabel('姓名', { exact: true });
  const role = form.getByLabel('角色', { exact: true });
  const pin = form.getByLabel('初始 PIN', { exact: true });
  const pinAgain = form.getByLabel('再次输入初始 PIN');
  await staffNo.focus();
  await page.keyboard.type('1003');
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await page.keyboard.type('李娜');
  await page.keyboard.press('Enter');
  await expect(role).toBeFocused();
  await expect(role).toHaveValue('clerk');
  await page.keyboard.press('Enter');
  await expect(pin).toBeFocused();
  await page.keyboard.type('333333');
  await page.keyboard.press('Enter');
  await expect(pinAgain).toBeFocused();
  await page.keyboard.type('333334');
  await page.keyboard.press('Enter');

  const alert = form.getByRole('alert');
  await expect(alert).toHaveText('两次输入的 PIN 不一致，请重新输入第二遍');
  await expect(staffNo).toHaveValue('1003');
  await expect(name).toHaveValue('李娜');
  await expect(role).toHaveValue('clerk');
  await expect(pin).toHaveValue('333333');
  await expect(pinAgain).toHaveValue('333334');
  await expect(pinAgain).toBeFocused();
  await expect(pinAgain).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: screenshotPath('staff-create-mismatch'), fullPage: true });
  // Nothing was created.
  expect(expectOk(await manager.call['staff.list']({})).staff).toEqual(before);

  // The second PIN is selected: typing replaces it.
  await page.keyboard.type('333333');
  await expect(alert).toHaveText('');
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('staff-notice')).toHaveText('已创建 李娜（工号 1003，营业员），可以用初始 PIN 登录');
  const created = section.getByTestId('staff-row-1003');
  await expect(created).toContainText('李娜');
  await expect(created.getByTestId('staff-status')).toHaveText('正常');
  // Ready for the next one.
  await expect(staffNo).toHaveValue('');
  await expect(pinAgain).toHaveValue('');
  await expect(staffNo).toBeFocused();

  // A staff number already there is refused before the core is asked, and stays typed.
  await page.keyboard.type('1001');
  await page.keyboard.press('Enter');
  await expect(alert).toHaveText('工号 1001 已存在，请换一个工号');
  await expect(staffNo).toHaveValue('1001');
  await page.screenshot({ path: screenshotPath('staff-created'), fullPage: true });

  const listed = expectOk(await manager.call['staff.list']({})).staff.find((member) => member.staffNo === '1003');
  expect(listed).toMatchObject({ name: '李娜', role: 'clerk', active: true, lockedUntil: null });
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 50 }));
  expect(entries.filter((e) => e.seq > auditFrom && e.action === 'staff.create')).toMatchObject([{ actor: `staff:${MANAGER}`, subject: 'staff:1003' }]);

  await logOut(page);
  await keyboardLogin(page, '1003', '333333');
  await expect(page.getByTestId('current-staff')).toContainText('李娜');
  // The clerk's Settings page has no accounts section, only whose they are.
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('staff-accounts-note')).toHaveText('员工账号由店长管理；忘记 PIN 或账号被锁定请联系店长。');
  await expect(page.getByTestId('staff-accounts')).toHaveCount(0);
  const clerk = createClient(httpTransport(bridgeUrl(baseURL)));
  const login = expectOk(await clerk.call['session.login']({ staffNo: '1003', pin: '333333' }));
  expect(login.staff).toMatchObject({ staffNo: '1003', name: '李娜', role: 'clerk' });
  clerk.setSession(login.token);
  expect(await clerk.call['staff.setActive']({ staffNo: '1002', active: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('a manager disables a clerk after a confirmation: the clerk is logged out and the login is refused with the reason', async ({ page, baseURL }) => {
  // Another spec locks 1002 on purpose; a locked account is lifted first (support/clerk.ts).
  await readyToLogIn(baseURL, '1002');
  const clerk = await contractAs(baseURL, '1002');
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);

  await openSettingsAs(page, MANAGER, demoPin(MANAGER));
  const row = page.getByTestId('staff-row-1002');
  await expect(row.getByTestId('staff-status')).toHaveText('正常');
  await row.getByRole('button', { name: '停用' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('staff-confirm-active');
  await expect(dialog.getByRole('heading')).toHaveText('停用 刘洋（工号 1002）？');
  // Escape changes nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row.getByRole('button', { name: '停用' })).toBeFocused();
  expect(expectOk(await clerk.call['session.current']({})).staff.staffNo).toBe('1002');

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: '停用' })).toBeFocused();
  await page.screenshot({ path: screenshotPath('staff-disable-confirm'), fullPage: true });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('staff-notice')).toHaveText('已停用 刘洋（工号 1002），该工号不能再登录');
  await expect(row.getByTestId('staff-status')).toHaveText('已停用');
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible();

  // Through the contract: the account is disabled, its open session ended, the audit says who did it.
  expect(expectOk(await manager.call['staff.list']({})).staff.find((member) => member.staffNo === '1002')).toMatchObject({ active: false });
  expect(await clerk.call['session.current']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 50 }));
  expect(entries.filter((e) => e.seq > auditFrom && e.action === 'staff.deactivate')).toMatchObject([{ actor: `staff:${MANAGER}`, subject: 'staff:1002' }]);
  const refused = await createClient(httpTransport(bridgeUrl(baseURL))).call['session.login']({ staffNo: '1002', pin: demoPin('1002') });
  expect(refused).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED', message: '该工号已停用，请联系店长' } });

  // In English too.
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(row.getByTestId('staff-status')).toHaveText('Disabled');
  await expect(page.getByTestId('staff-notice')).toHaveText('刘洋 (staff no. 1002) is disabled and can no longer log in');
  await page.getByRole('banner').getByRole('button', { name: '中文' }).click();

  await logOut(page);
  await keyboardLogin(page, '1002', demoPin('1002'));
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('该工号已停用，请联系店长');
  await expect(page.getByLabel('工号', { exact: true })).toHaveValue('1002');
  await page.screenshot({ path: screenshotPath('staff-disabled-login') });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(alert).toHaveText('This staff number has been disabled; ask the store manager');
  await page.getByRole('button', { name: '中文' }).click();

  // The manager enables the account again; the clerk is back.
  await page.getByLabel('工号', { exact: true }).fill(MANAGER);
  await page.getByLabel('工号', { exact: true }).press('Enter');
  await page.keyboard.type(demoPin(MANAGER));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-staff')).toContainText(MANAGER);
  await page.keyboard.press('Alt+7');
  await row.getByRole('button', { name: '启用' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading')).toHaveText('启用 刘洋（工号 1002）？');
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('staff-status')).toHaveText('正常');
  expectOk(await clerk.call['session.login']({ staffNo: '1002', pin: demoPin('1002') }));
});

test('a locked clerk shows the time the lock ends; the manager resets the PIN in a dialog, which lifts the lock', async ({ page, baseURL }) => {
  await readyToLogIn(baseURL, '1001');
  const passerBy = createClient(httpTransport(bridgeUrl(baseURL)));
  for (let i = 0; i < 5; i++) await passerBy.call['session.login']({ staffNo: '1001', pin: '000000' });
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);

  await openSettingsAs(page, MANAGER, demoPin(MANAGER));
  const row = page.getByTestId('staff-row-1001');
  // The frozen clock says 09:30 in Shanghai; the lock lasts five minutes.
  await expect(row.getByTestId('staff-status')).toHaveText('已锁定至 09:35');
  await row.getByRole('button', { name: '重置 PIN' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('staff-reset-pin');
  await expect(dialog.getByRole('heading')).toHaveText('重置 张敏（工号 1001）的 PIN');
  const pin = dialog.getByLabel('新 PIN', { exact: true });
  const pinAgain = dialog.getByLabel('再次输入新 PIN');
  await expect(pin).toBeFocused();
  await page.keyboard.type(demoPin('1001'));
  await page.keyboard.press('Enter');
  await expect(pinAgain).toBeFocused();
  await page.keyboard.type('111112');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('两次输入的 PIN 不一致，请重新输入第二遍');
  await expect(pin).toHaveValue(demoPin('1001'));
  await expect(pinAgain).toHaveValue('111112');
  expect(await passerBy.call['session.login']({ staffNo: '1001', pin: demoPin('1001') })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });

  await page.keyboard.type(demoPin('1001'));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('staff-notice')).toHaveText('已重置 张敏（工号 1001）的 PIN');
  await expect(row.getByTestId('staff-status')).toHaveText('正常');
  expect(expectOk(await manager.call['staff.list']({})).staff.find((member) => member.staffNo === '1001')?.lockedUntil).toBeNull();
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 50 }));
  expect(entries.filter((e) => e.seq > auditFrom && e.action === 'staff.reset_pin')).toMatchObject([{ actor: `staff:${MANAGER}`, subject: 'staff:1001' }]);
  expectOk(await passerBy.call['session.login']({ staffNo: '1001', pin: demoPin('1001') }));
});

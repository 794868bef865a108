import { expect, test } from './support/fixtures';
import { contractAs, expectOk, lastAuditSeq, MANAGER } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';

const NAV_ZH = ['受理', '积分兑换', '库存', '清单', '报表', '同步', '设置'];
const NAV_EN = ['Enrol', 'Redeem', 'Stock', 'Lists', 'Reports', 'Sync', 'Settings'];

test('a clerk logs in by keyboard, switches language, locks and unlocks with Ctrl+L and the PIN, and logs out; the audit log shows it', async ({
  page,
  baseURL,
}) => {
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible();
  await expect(page.getByText('遵义汇川营业厅')).toBeVisible();
  await page.screenshot({ path: screenshotPath('login-zh') });

  // Keyboard only: type, Tab, type, Enter.
  await keyboardLogin(page, '1001', '111111', 'Tab');

  const topBar = page.getByRole('banner');
  await expect(topBar).toContainText('遵义汇川营业厅');
  await expect(topBar).toContainText('1号柜台');
  await expect(page.getByTestId('current-staff')).toHaveText(/张敏\s*营业员\s*1001/);
  await expect(topBar.getByTestId('demo-badge')).toHaveText('演示');
  await expect(topBar.getByTestId('clock-frozen-badge')).toContainText('2026-11-21 09:30');
  await expect(page.getByTestId('hq-status')).toHaveText('总部未配置');
  await expect(page.getByTestId('unsynced')).toHaveText(/^待同步 \d+ 条$/);
  const nav = page.getByRole('navigation', { name: '功能导航' });
  for (const label of NAV_ZH) await expect(nav.getByRole('button', { name: label, exact: true })).toBeVisible();
  await expect(nav.getByRole('button', { name: '受理', exact: true })).toHaveAttribute('aria-current', 'page');
  // Keyboard first: after login the cursor waits where the clerk types next, the phone number.
  await expect(page.getByLabel('客户手机号码', { exact: true })).toBeFocused();
  await expect(page.getByTestId('customer-panel')).toBeVisible();
  await page.screenshot({ path: screenshotPath('counter-zh') });

  // Alt+3 opens Stock from anywhere.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: '库存' })).toBeFocused();
  await expect(page.getByRole('grid', { name: '库存列表' })).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: '同步' })).toBeFocused();
  await expect(page.getByRole('main')).toContainText('总部未配置');
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeFocused();
  await expect(page.getByRole('main')).toContainText('ZY-HC-001');
  await expect(page.getByRole('main')).toContainText('演示（示例营业厅数据）');
  await page.screenshot({ path: screenshotPath('settings-zh') });
  await page.keyboard.press('Alt+3');

  await topBar.getByRole('button', { name: 'English' }).click();
  for (const label of NAV_EN) {
    await expect(page.getByRole('navigation', { name: 'Navigation' }).getByRole('button', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Stock' })).toBeVisible();
  await expect(page.getByTestId('current-staff')).toHaveText(/张敏\s*Clerk\s*1001/);
  await expect(topBar.getByTestId('demo-badge')).toHaveText('DEMO');
  await expect(page.getByTestId('hq-status')).toHaveText('HQ not configured');
  const { origins } = await page.context().storageState();
  expect(origins.flatMap((origin) => origin.localStorage)).toContainEqual({ name: 'halldesk.language', value: 'en' });
  await page.keyboard.press('Alt+1');
  await page.screenshot({ path: screenshotPath('counter-en') });

  await page.keyboard.press('Control+KeyL');
  const lockScreen = page.getByRole('dialog', { name: 'Counter locked' });
  await expect(lockScreen).toBeVisible();
  await expect(lockScreen.getByTestId('locked-staff')).toContainText('张敏 (Clerk, staff no. 1001)');
  await expect(lockScreen.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.screenshot({ path: screenshotPath('lock-en') });

  // A wrong PIN on the lock screen says so and keeps the counter locked.
  await page.keyboard.type('000000');
  await page.keyboard.press('Enter');
  await expect(lockScreen.getByRole('alert')).toHaveText('Wrong PIN. Attempts left: 4');
  await expect(lockScreen.getByLabel('PIN', { exact: true })).toHaveValue('');
  await expect(lockScreen.getByLabel('PIN', { exact: true })).toBeFocused();

  await page.keyboard.type('111111');
  await page.keyboard.press('Enter');
  await expect(lockScreen).toBeHidden();
  await expect(page.getByLabel("Customer's phone number")).toBeFocused();

  await topBar.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Staff login' })).toBeVisible();
  await expect(page.getByLabel('Staff number', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Staff number', { exact: true })).toHaveValue('');

  // The core recorded every step, in order, against the clerk.
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 100 }));
  const clerkSteps = entries
    .filter((entry) => entry.seq > auditFrom && entry.subject === 'staff:1001')
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => entry.action);
  expect(clerkSteps).toEqual(['session.login', 'session.lock', 'staff.wrong_pin', 'session.unlock', 'session.logout']);
  expect(entries.filter((entry) => entry.seq > auditFrom && entry.subject === 'staff:1001').every((e) => e.actor === 'staff:1001')).toBe(true);
});

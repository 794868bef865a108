import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, MANAGER } from './support/contract';
import { keyboardLogin } from './support/counter';

test('when the core ends the session (PIN reset by the manager), the counter returns to the login screen and says why', async ({
  page,
  baseURL,
}) => {
  // A fake clock in the page, so the 10 s status poll can be run at once.
  await page.clock.install();
  await page.goto('/');
  await keyboardLogin(page, '1001', demoPin('1001'));
  await expect(page.getByTestId('current-staff')).toContainText('张敏');

  const manager = await contractAs(baseURL, MANAGER);
  expectOk(await manager.call['staff.resetPin']({ staffNo: '1001', pin: demoPin('1001') }));
  await page.clock.runFor(10_000);

  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('登录已失效，请重新登录');
  await expect(page.getByLabel('工号', { exact: true })).toBeFocused();
});

test('an answer saying the screen is locked brings up the lock screen', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await keyboardLogin(page, '1001', demoPin('1001'));
  await expect(page.getByTestId('current-staff')).toContainText('张敏');

  // Only the page holds its session token, so the locked answer is played back to it.
  await page.route('**/api/system.status', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'SCREEN_LOCKED', message: '柜台已锁定，请输入 PIN 解锁' } } }),
  );
  await page.clock.runFor(10_000);
  const lockScreen = page.getByRole('dialog', { name: '柜台已锁定' });
  await expect(lockScreen).toBeVisible();
  await expect(lockScreen.getByLabel('PIN', { exact: true })).toBeFocused();

  await page.unroute('**/api/system.status');
  await lockScreen.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible();
});

import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, MANAGER } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';

test('a wrong PIN says how many attempts are left, keeps the staff number and asks for the PIN again', async ({ page, baseURL }) => {
  // Start from a clean failure count whatever ran before.
  const manager = await contractAs(baseURL, MANAGER);
  expectOk(await manager.call['staff.resetPin']({ staffNo: '1001', pin: demoPin('1001') }));

  await page.goto('/');
  await keyboardLogin(page, '1001', '123456');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('工号或 PIN 错误，还可再试 4 次');
  await expect(page.getByLabel('工号', { exact: true })).toHaveValue('1001');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.screenshot({ path: screenshotPath('login-wrong-pin-zh') });

  // The error is kept as a code, so the language switch re-words it.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(alert).toHaveText('Wrong staff number or PIN. Attempts left: 4');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(alert).toHaveText('工号或 PIN 错误，还可再试 4 次');

  // An unknown staff number gets the same answer as a wrong PIN, without a count.
  await page.getByLabel('工号', { exact: true }).fill('9999');
  await page.getByLabel('工号', { exact: true }).press('Enter');
  await page.keyboard.type('123456');
  await page.keyboard.press('Enter');
  await expect(alert).toHaveText('工号或 PIN 错误');
  await expect(page.getByLabel('工号', { exact: true })).toHaveValue('9999');

  // The right PIN still works after a wrong one.
  await page.getByLabel('工号', { exact: true }).fill('1001');
  await page.getByLabel('工号', { exact: true }).press('Enter');
  await page.keyboard.type('111111');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-staff')).toContainText('张敏');
});

test('five wrong PINs lock the account: the sixth attempt, even with the right PIN, is refused until a stated time', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  await keyboardLogin(page, '1002', '000000');
  const alert = page.getByRole('alert');
  const pinField = page.getByLabel('PIN', { exact: true });
  for (const attemptsLeft of [4, 3, 2, 1]) {
    await expect(alert).toHaveText(`工号或 PIN 错误，还可再试 ${attemptsLeft} 次`);
    await expect(pinField).toBeFocused();
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
  }
  // The frozen clock says 09:30 in Shanghai; the lock lasts five minutes.
  await expect(alert).toHaveText('PIN 连续错误 5 次，账号已锁定，请于 2026-11-21 09:35 后再试，或请店长重置 PIN');

  await expect(pinField).toBeFocused();
  await page.keyboard.type(demoPin('1002'));
  await page.keyboard.press('Enter');
  await expect(alert).toHaveText('账号已锁定，请于 2026-11-21 09:35 后再试，或请店长重置 PIN');
  await expect(page.getByLabel('工号', { exact: true })).toHaveValue('1002');
  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('login-locked-zh') });

  const manager = await contractAs(baseURL, MANAGER);
  const { staff } = expectOk(await manager.call['staff.list']({}));
  expect(staff.find((member) => member.staffNo === '1002')?.lockedUntil).toBe('2026-11-21T01:35:00.000Z');
  expect(staff.find((member) => member.staffNo === '1001')?.lockedUntil).toBeNull();
});

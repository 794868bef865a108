import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, lastAuditSeq, MANAGER } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';

const DEFAULTS = { printerName: '', paper: '80', copies: 1, autoPrint: true } as const;

test.afterEach(async ({ baseURL }) => {
  // One database for the whole run: leave the counter printing as it was.
  const manager = await contractAs(baseURL, MANAGER);
  expectOk(await manager.call['settings.setPrinting'](DEFAULTS));
});

test('a manager sets the slip printer, paper, copies and auto-print on the Settings page; the specimen follows the paper', async ({
  page,
  baseURL,
}) => {
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);

  await page.goto('/');
  await keyboardLogin(page, MANAGER, demoPin(MANAGER));
  await expect(page.getByTestId('current-staff')).toContainText(MANAGER);
  await page.keyboard.press('Alt+7');
  const section = page.getByTestId('printing-settings');
  await expect(section.getByRole('heading', { name: '小票打印' })).toBeVisible();
  const specimen = section.getByTestId('slip');
  await expect(specimen).toHaveAttribute('data-paper', '80');
  await expect(specimen.getByTestId('slip-mark-sample')).toContainText('样张');
  await expect(specimen.getByTestId('slip-barcode')).toBeVisible();
  await expect(specimen.getByTestId('slip-qr')).toBeVisible();
  await page.screenshot({ path: screenshotPath('settings-printing-80'), fullPage: true });

  await section.getByLabel('打印机', { exact: true }).fill('XP-58IIH');
  await section.getByLabel('58 mm 热敏纸').check();
  await expect(specimen).toHaveAttribute('data-paper', '58');
  await section.getByLabel('每次打印份数').selectOption('2');
  await section.getByLabel('办理完成后自动打印小票').uncheck();
  await section.getByRole('button', { name: '保存打印设置' }).click();
  await expect(section.getByRole('status')).toHaveText('打印设置已保存');
  await page.screenshot({ path: screenshotPath('settings-printing-58'), fullPage: true });

  const stored = expectOk(await manager.call['settings.get']({}));
  expect(stored.printing).toEqual({ printerName: 'XP-58IIH', paper: '58', copies: 2, autoPrint: false });
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 20 }));
  expect(entries.filter((e) => e.seq > auditFrom && e.action === 'settings.printing')).toHaveLength(1);

  await section.getByLabel('A4 纸').check();
  await expect(specimen).toHaveAttribute('data-paper', 'A4');
  await page.screenshot({ path: screenshotPath('settings-printing-a4'), fullPage: true });
});

test('a clerk sees the printing settings but cannot change them', async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  expectOk(await manager.call['settings.setPrinting']({ printerName: 'XP-80C', paper: '80', copies: 1, autoPrint: true }));

  await page.goto('/');
  await keyboardLogin(page, '1001', demoPin('1001'));
  await expect(page.getByTestId('current-staff')).toContainText('1001');
  await page.keyboard.press('Alt+7');
  const section = page.getByTestId('printing-settings');
  await expect(section.getByText('只有店长可以修改打印设置。')).toBeVisible();
  await expect(section.getByLabel('打印机', { exact: true })).toHaveValue('XP-80C');
  await expect(section.getByLabel('打印机', { exact: true })).toBeDisabled();
  await expect(section.getByLabel('80 mm 热敏纸')).toBeChecked();
  await expect(section.getByLabel('80 mm 热敏纸')).toBeDisabled();
  await expect(section.getByRole('button', { name: '保存打印设置' })).toHaveCount(0);

  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(section.getByRole('heading', { name: 'Slip printing' })).toBeVisible();
  await expect(section.getByText('Only a store manager can change the printing settings.')).toBeVisible();
});

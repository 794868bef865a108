import { expect, test, type Page } from '@playwright/test';
import { contractAs, demoPin, expectOk, MANAGER } from '../e2e/support/contract';
import { keyboardLogin } from '../e2e/support/counter';
import { openCampaign, scanCustomer } from '../e2e/support/clerk';
import { stockGrid } from '../e2e/support/stock';

/** One walk through the counter, saving each main screen for the README (docs/screenshots/). */
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png` });

test.describe.configure({ mode: 'serial' });

test('the counter, screen by screen', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.getByLabel('工号', { exact: true })).toBeFocused();
  await shot(page, '01-login');

  // Clerk: a customer's campaigns, then what he gets from one.
  await keyboardLogin(page, '1001', demoPin('1001'));
  await expect(page.getByTestId('current-staff')).toContainText('1001');
  await scanCustomer(page, '13985210101');
  await expect(page.getByTestId('campaign-ZY2026-UPGRADE-GIFT')).toBeVisible();
  await shot(page, '02-enrol-campaigns');
  await openCampaign(page, 'ZY2026-UPGRADE-GIFT');
  await page.getByLabel('办理套餐').selectOption('STD-129');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('enrol-summary')).toBeVisible();
  await shot(page, '03-enrol-summary');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Points mall: a cart, then the slip with the voucher's QR.
  await page.keyboard.press('Alt+2');
  await scanCustomer(page, '15885222525');
  await page.getByLabel('搜索或扫描商品编码').focus();
  await page.keyboard.type('保温杯');
  await page.keyboard.press('Enter');
  await page.keyboard.type('v12580-c');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-total')).toHaveText('6,800');
  await shot(page, '04-redeem-cart');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('redeem-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('redemption-done').getByTestId('slip-qr')).toBeVisible();
  await shot(page, '05-redeem-slip');

  // Manager: stock, a stocktake under review, lent equipment, lists, reports, sync, settings.
  await page.getByRole('button', { name: '退出' }).click();
  await keyboardLogin(page, MANAGER, demoPin(MANAGER));
  await expect(page.getByTestId('current-staff')).toContainText(MANAGER);
  await page.keyboard.press('Alt+3');
  await expect(stockGrid(page)).toBeVisible();
  await shot(page, '06-stock-grid');
  const manager = await contractAs(baseURL, MANAGER);
  const { stocktake } = expectOk(await manager.call['stocktake.start']({}));
  expectOk(await manager.call['stocktake.count']({ stocktakeId: stocktake.stocktakeId, sku: 'TV-32', bucket: 'on_hand', counted: 10 }));
  expectOk(await manager.call['stocktake.count']({ stocktakeId: stocktake.stocktakeId, sku: 'GIFT-UMBRELLA', bucket: 'on_hand', counted: 25 }));
  await page.getByRole('tab', { name: '盘点' }).click();
  await expect(page.getByText('TV-32').first()).toBeVisible();
  await shot(page, '07-stocktake-review');
  await page.getByRole('tab', { name: '借出设备' }).click();
  await shot(page, '08-lent-equipment');
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: '清单' })).toBeVisible();
  await shot(page, '09-lists');
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: '报表' })).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, '10-reports');
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: '同步' })).toBeVisible();
  await shot(page, '11-sync');
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await shot(page, '12-settings');

  // The lock screen, and the counter in English.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, '13-lock');
  await page.keyboard.type(demoPin(MANAGER));
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'English' }).first().click();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('grid')).toBeVisible();
  await shot(page, '14-stock-grid-en');
});

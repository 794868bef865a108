import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { stockItem } from './support/stock';
import { clerkAs, customerByPhone, openCounterAs, scanCustomer } from './support/clerk';
import type { ContractClient } from '../../shared/contract/client';

const CLERK = '1001';

test('a redemption of a gift from stock and an e-voucher: the cart refuses what the points do not cover; the code shows large and on the slip', async ({
  page,
  baseURL,
}) => {
  const manager = await contractAs(baseURL, MANAGER);
  const wang = await customerByPhone(manager, '13985210202');
  const thermos = await stockItem(manager, 'GIFT-THERMOS');
  const before = expectOk(await manager.call['customer.points']({ customerId: wang.customerId }));
  const offer = expectOk(await manager.call['catalogue.list']({ customerId: wang.customerId }));
  const codesBefore = offer.items.find((item) => item.code === 'V12580-C')?.available ?? 0;

  await openCounterAs(page, baseURL, CLERK, 'redeem');
  await scanCustomer(page, '13985210202');
  const search = page.getByLabel('搜索或扫描商品编码');
  await expect(search).toBeFocused();
  const cart = page.getByTestId('cart');
  await expect(cart.getByTestId('cart-available')).toHaveText(before.available.toLocaleString('en-US'));

  // A name that matches one item: Enter puts it in the cart; the search is ready for the next.
  await page.keyboard.type('保温杯');
  await page.keyboard.press('Enter');
  await expect(cart.locator('[data-code="JF-THERMOS"]')).toBeVisible();
  await expect(search).toHaveValue('');
  // A scanned item code (lower case typed) works the same.
  await page.keyboard.type('v12580-c');
  await page.keyboard.press('Enter');
  await expect(cart.locator('[data-code="V12580-C"]')).toBeVisible();
  await expect(cart.getByTestId('cart-total')).toHaveText('6,800');
  await expect(cart.getByTestId('cart-after')).toHaveText((before.available - 6800).toLocaleString('en-US'));

  // The display unit of the thermos is marked and counted apart.
  const thermosRow = page.getByTestId('catalogue').locator('tr[data-code="JF-THERMOS"]');
  await expect(thermosRow).toContainText('另展示 1（不可兑）');
  // More than the points cover: refused with the figures, the cart as it was.
  await page.getByTestId('catalogue').locator('tr[data-code="JF-RICECOOKER"]').getByRole('button').click();
  await expect(cart.getByTestId('cart-message')).toHaveText(
    `积分不足，不能加入 电饭煲：可用 ${before.available.toLocaleString('en-US')}，加入后需要 31,800，还差 ${(31800 - before.available).toLocaleString('en-US')}`,
  );
  await expect(cart.locator('[data-code="JF-RICECOOKER"]')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('redeem-cart') });

  // Enter in the empty search goes to the confirmation; Enter there redeems.
  await search.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('redeem-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  const done = page.getByTestId('redemption-done');
  await expect(done).toBeVisible();
  const redemptionNo = await done.getAttribute('data-redemption-no');
  if (!redemptionNo) throw new Error('the done step names the redemption');

  const { redemption } = expectOk(await manager.call['redemption.get']({ redemptionNo }));
  expect(redemption).toMatchObject({ status: 'completed', totalPoints: 6800, pointsBefore: before.available, pointsAfter: before.available - 6800 });
  const gift = redemption.lines.find((line) => line.catalogueCode === 'JF-THERMOS');
  const voucherLine = redemption.lines.find((line) => line.catalogueCode === 'V12580-C');
  expect(gift).toMatchObject({ kind: 'gift', quantity: 1, stockSku: 'GIFT-THERMOS' });
  expect(voucherLine?.vouchers).toHaveLength(1);
  const voucher = voucherLine?.vouchers[0];
  if (!voucher) throw new Error('a voucher code was issued');
  expect(voucher.status).toBe('issued');

  // On screen, large; on the slip with its QR code.
  await expect(done.getByTestId('voucher-code')).toHaveText(voucher.code);
  const slipPreview = done.getByTestId('slip-preview');
  await expect(slipPreview.getByTestId('slip-voucher')).toContainText(voucher.code);
  await expect(slipPreview.getByTestId('slip-qr')).toBeVisible();
  const slip = expectOk(await manager.call['slip.get']({ slipNo: redemption.slipNo }));
  expect(slip.slip.vouchers.map((v) => v.code)).toEqual([voucher.code]);
  expect(slip.slip.points).toEqual({ before: before.available, after: before.available - 6800 });
  await expect(done.getByTestId('slip-print-outcome')).toBeVisible();
  await done.getByTestId('slip-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('redeem-slip-preview') });

  // Stock, codes and points moved by exactly this redemption.
  expect((await stockItem(manager, 'GIFT-THERMOS')).onHand).toBe(thermos.onHand - 1);
  const after = expectOk(await manager.call['customer.points']({ customerId: wang.customerId }));
  expect(after.available).toBe(before.available - 6800);
  const offerAfter = expectOk(await manager.call['catalogue.list']({ customerId: wang.customerId }));
  expect(offerAfter.items.find((item) => item.code === 'V12580-C')?.available).toBe(codesBefore - 1);
  await expect(page.getByTestId('customer-points')).toContainText((before.available - 6800).toLocaleString('en-US'));

  // Escape starts the next cart; the redemption is in the customer's list.
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();
  await page.getByTestId('tab-past').click();
  await expect(page.getByTestId('past-redemptions').locator(`li[data-redemption-no="${redemptionNo}"]`)).toContainText(voucher.code);
});

test('per-customer limits and display-only gifts are refused as the cart fills, with what is still allowed', async ({ page, baseURL }) => {
  const clerk = await clerkAs(baseURL, CLERK);
  const manager = await contractAs(baseURL, MANAGER);
  // Every rice cooker left goes on show: what remains in the hall is display units only.
  const cooker = await stockItem(manager, 'GIFT-RICECOOKER');
  if (cooker.onHand > 0) expectOk(await manager.call['stock.toDisplay']({ sku: 'GIFT-RICECOOKER', qty: cooker.onHand }));
  try {
    await limitsAndDisplay(page, baseURL, clerk);
  } finally {
    if (cooker.onHand > 0) expectOk(await manager.call['stock.fromDisplay']({ sku: 'GIFT-RICECOOKER', qty: cooker.onHand }));
  }
});

async function limitsAndDisplay(page: Page, baseURL: string | undefined, clerk: ContractClient): Promise<void> {
  const xie = await customerByPhone(clerk, '15885222525');
  const offer = expectOk(await clerk.call['catalogue.list']({ customerId: xie.customerId }));
  expect(offer.items.find((item) => item.code === 'SVC-DATA-1G')?.customerLimitLeft).toBe(3);

  await openCounterAs(page, baseURL, CLERK, 'redeem');
  await scanCustomer(page, '15885222525');
  const row = page.getByTestId('catalogue').locator('tr[data-code="SVC-DATA-1G"]');
  await expect(row).toContainText('还可 3 / 限 3');
  for (let i = 0; i < 4; i += 1) await row.getByRole('button').click();
  await expect(page.getByTestId('cart-message')).toHaveText('1GB国内流量包（当月有效） 每位客户限兑，该客户最多还可兑 3 件');
  await expect(page.getByTestId('cart').locator('[data-code="SVC-DATA-1G"] input')).toHaveValue('3');
  await expect(page.getByTestId('cart-total')).toHaveText('3,000');
  // The data category narrows the list to the data packs.
  await page.getByTestId('category-data').click();
  await expect(page.getByTestId('catalogue').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('catalogue').locator('tbody tr')).toHaveAttribute('data-code', 'SVC-DATA-1G');

  await page.getByTestId('category-all').click();
  const cookerRow = page.getByTestId('catalogue').locator('tr[data-code="JF-RICECOOKER"]');
  await expect(cookerRow).toContainText(/仅剩展示样品 \d+，不可兑换/);
  await expect(cookerRow.getByRole('button')).toHaveAttribute('aria-disabled', 'true');
  // aria-disabled keeps the button reachable: Enter on it says why, rather than nothing happening.
  await cookerRow.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-message')).toHaveText('电饭煲 只剩展示样品，样品不能兑换');
  await expect(page.getByTestId('cart').locator('[data-code="JF-RICECOOKER"]')).toHaveCount(0);
}

import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { customerByPhone, openCounterAs } from './support/clerk';

const CLERK = '1001';

test('any slip by its number from the reprint box: printed again, marked 补打 with its count, counted by the core', async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  const hu = await customerByPhone(manager, '13985211515');
  const { slipNo } = expectOk(
    await manager.call['enrolment.create']({ customerId: hu.customerId, campaignId: 'ZY2026-SPEND-TIERS', options: { spendFen: 30000 } }),
  );
  expectOk(await manager.call['slip.print']({ slipNo, auto: true }));

  await openCounterAs(page, baseURL, CLERK, 'redeem');
  const box = page.getByTestId('reprint-input');
  await box.focus();
  await page.keyboard.type('no such slip!');
  await page.keyboard.press('Enter');
  await expect(page.getByText('小票号只含字母、数字和短横线，请扫描小票上的条码')).toBeVisible();
  await box.fill('');
  // The scanner reads the slip's barcode and presses Enter.
  await page.keyboard.type(slipNo);
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('reprint-dialog');
  await expect(dialog.getByTestId('slip-print-count')).toHaveText('已打印 1 次');
  await expect(dialog.getByTestId('slip-mark-reprint')).toContainText('补打 第1次');
  await expect(dialog.getByTestId('slip-print')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('slip-print-outcome')).toContainText('补打');
  await expect(dialog.getByTestId('slip-print-count')).toHaveText('已打印 2 次');

  const slip = expectOk(await manager.call['slip.get']({ slipNo }));
  expect(slip.printCount).toBe(2);
  expect(slip.prints.map((print) => print.reprint)).toEqual([false, true]);
  expect(slip.prints[1]?.staffNo).toBe(CLERK);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(box).toBeFocused();
});

import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { approvalPrompt, approveAs, stockItem } from './support/stock';
import { clerkAs, customerByPhone, openCounterAs, scanCustomer } from './support/clerk';

const CLERK = '1002';

test('a clerk voids a redemption with the manager’s PIN at the counter: points and stock back, the code revoked, a VOID slip', async ({ page, baseURL }) => {
  const clerk = await clerkAs(baseURL, CLERK);
  const manager = await contractAs(baseURL, MANAGER);
  const xie = await customerByPhone(clerk, '15885222525');
  const umbrella = await stockItem(manager, 'GIFT-UMBRELLA');
  const pointsBefore = expectOk(await clerk.call['customer.points']({ customerId: xie.customerId })).available;
  const made = expectOk(
    await clerk.call['redemption.create']({
      customerId: xie.customerId,
      lines: [
        { catalogueCode: 'JF-UMBRELLA', quantity: 1 },
        { catalogueCode: 'V12580-C', quantity: 1 },
      ],
    }),
  );
  const code = made.redemption.lines.find((line) => line.catalogueCode === 'V12580-C')?.vouchers[0]?.code;
  if (!code) throw new Error('a voucher code was issued');
  expect((await stockItem(manager, 'GIFT-UMBRELLA')).onHand).toBe(umbrella.onHand - 1);

  await openCounterAs(page, baseURL, CLERK, 'redeem');
  await scanCustomer(page, '15885222525');
  await page.getByTestId('tab-past').click();
  const row = page.getByTestId('past-redemptions').locator(`li[data-redemption-no="${made.redemption.redemptionNo}"]`);
  await expect(row.getByTestId('redemption-status')).toHaveText('已兑换');
  await row.getByTestId('void-start').click();
  const reason = row.getByLabel('作废原因');
  await expect(reason).toBeFocused();
  // No reason, no void: said at once, nothing asked of the manager yet.
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('void-error')).toHaveText('请填写作废原因（至少2个字）');
  await page.keyboard.type('客户改选其他礼品');
  await page.keyboard.press('Enter');

  const prompt = approvalPrompt(page);
  await page.screenshot({ path: screenshotPath('redeem-void-approval') });
  await expect(prompt.getByTestId('approval-purpose')).toContainText(`作废兑换单 ${made.redemption.redemptionNo}（退回 5,000 积分）`);
  await approveAs(page, MANAGER, demoPin(MANAGER));
  await expect(prompt).toBeHidden();
  const done = row.getByTestId('void-done');
  await expect(done).toContainText(`已作废：退回 5,000 积分，客户现有可用积分 ${pointsBefore.toLocaleString('en-US')}`);
  await expect(done.getByTestId('slip-mark-void')).toBeVisible();
  await expect(row.getByTestId('redemption-status')).toHaveText('已作废');
  await expect(row).toContainText(`${code} 已作废`);

  const { redemption } = expectOk(await clerk.call['redemption.get']({ redemptionNo: made.redemption.redemptionNo }));
  expect(redemption.status).toBe('voided');
  expect(redemption.void).toMatchObject({ by: CLERK, approvedBy: MANAGER, reason: '客户改选其他礼品' });
  expect(redemption.lines.flatMap((line) => line.vouchers).map((v) => [v.code, v.status])).toEqual([[code, 'revoked']]);
  expect(expectOk(await clerk.call['customer.points']({ customerId: xie.customerId })).available).toBe(pointsBefore);
  expect((await stockItem(manager, 'GIFT-UMBRELLA')).onHand).toBe(umbrella.onHand);
  const voidSlip = expectOk(await clerk.call['slip.get']({ slipNo: redemption.void?.slipNo ?? '' }));
  expect(voidSlip.slip.kind).toBe('void');
  expect(voidSlip.slip.voids?.slipNo).toBe(made.slipNo);
  expect(voidSlip.slip.voids?.approvedBy).toContain(MANAGER);
  expect(expectOk(await clerk.call['slip.get']({ slipNo: made.slipNo })).voidedBySlip).toBe(redemption.void?.slipNo);
  await expect(page.getByTestId('customer-points')).toContainText(pointsBefore.toLocaleString('en-US'));
});

test('a manager at the counter voids without a prompt', async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  const zheng = await customerByPhone(manager, '13985212424');
  const made = expectOk(await manager.call['redemption.create']({ customerId: zheng.customerId, lines: [{ catalogueCode: 'V12580-C', quantity: 1 }] }));

  await openCounterAs(page, baseURL, MANAGER, 'redeem');
  await scanCustomer(page, '13985212424');
  await page.getByTestId('tab-past').click();
  const row = page.getByTestId('past-redemptions').locator(`li[data-redemption-no="${made.redemption.redemptionNo}"]`);
  await row.getByTestId('void-start').click();
  await page.keyboard.type('误操作');
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('void-done')).toBeVisible();
  await expect(approvalPrompt(page)).toHaveCount(0);
  const { redemption } = expectOk(await manager.call['redemption.get']({ redemptionNo: made.redemption.redemptionNo }));
  expect(redemption.void).toMatchObject({ by: MANAGER, approvedBy: MANAGER });
});

import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { stockItem } from './support/stock';
import { customerByPhone, openCounterAs, scanCustomer } from './support/clerk';

const CLERK = '1001';

test('the prize desk: a wrong ID number is refused and kept for correction; the right one hands over the 43" TV with a prize slip', async ({
  page,
  baseURL,
}) => {
  const manager = await contractAs(baseURL, MANAGER);
  const xie = await customerByPhone(manager, '15885222525');
  const tv = await stockItem(manager, 'TV-43');

  await openCounterAs(page, baseURL, CLERK);
  await scanCustomer(page, '15885222525');
  // A prize waiting is counted on its tab, so the clerk sees it before choosing campaigns.
  const tab = page.getByTestId('tab-prizes');
  await expect(tab).toContainText('1');
  await tab.click();
  const win = page.getByTestId('prize-wins').locator('li[data-win-id="ZY2026-LOTTERY-W0001"]');
  await expect(win.getByTestId('prize-status')).toHaveText('待领取');
  await expect(win).toContainText('须在 2026-11-27 前领取');
  await win.getByTestId('prize-claim-start').click();
  const claim = win.getByTestId('prize-claim');
  await expect(claim.getByLabel('中奖人身份证号码')).toBeFocused();

  // Another customer's (valid) ID: refused by the core, nothing handed over, the number kept.
  await page.keyboard.type('520303199303031786');
  await page.keyboard.press('Enter');
  await expect(claim.getByTestId('prize-error')).toHaveText('身份证号码与中奖人登记的证件不符（已核对 1 次）；请核对本人身份证件后重新录入');
  await expect(claim.getByLabel('中奖人身份证号码')).toHaveValue('520303199303031786');
  expect((await stockItem(manager, 'TV-43')).onHand).toBe(tv.onHand);

  await claim.getByLabel('中奖人身份证号码').fill('520302197609091727');
  await page.keyboard.press('Enter');
  const done = win.getByTestId('prize-done');
  await expect(done).toContainText('已发放奖品：43英寸彩电。');
  await expect(done.getByTestId('slip-preview')).toBeVisible();
  await expect(win.getByTestId('prize-status')).toHaveText('已领取');

  const { wins } = expectOk(await manager.call['prize.listWins']({ customerId: xie.customerId }));
  const claimed = wins.find((w) => w.winId === 'ZY2026-LOTTERY-W0001');
  expect(claimed?.status).toBe('claimed');
  expect((await stockItem(manager, 'TV-43')).onHand).toBe(tv.onHand - 1);
  const slip = expectOk(await manager.call['slip.get']({ slipNo: claimed?.slipNo ?? '' }));
  expect(slip.slip.kind).toBe('prize');
  expect(slip.slip.given.map((line) => line.label).join('|')).toContain('43英寸彩电');
  // The ID number is nowhere on the screen once handed over.
  await expect(page.locator('body')).not.toContainText('520302197609091727');
});

test('a win whose claim window has passed is shown as such, with no hand-over', async ({ page, baseURL }) => {
  await openCounterAs(page, baseURL, CLERK);
  await scanCustomer(page, '15885222626');
  await page.getByTestId('tab-prizes').click();
  const win = page.getByTestId('prize-wins').locator('li[data-win-id="ZY2026-LOTTERY-W0002"]');
  await expect(win.getByTestId('prize-status')).toHaveText('已过领奖期');
  await expect(win.getByTestId('prize-claim-start')).toHaveCount(0);
});

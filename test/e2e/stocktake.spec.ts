import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, lastAuditSeq, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { approvalPrompt, approveAs, auditSince, gridOnHand, openStockAs, stockItem } from './support/stock';

const CLERK = '1001';

test('a stocktake: the manager opens it, counts a shortfall and a missing set-top box by scan, a clerk approves with the manager’s PIN; stock.list then equals the count', async ({
  page,
  baseURL,
}) => {
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);
  const tv = await stockItem(manager, 'TV-43');
  const stb = expectOk(await manager.call['stock.item']({ sku: 'STB-ITV' }));
  const onShelf = stb.units.filter((unit) => unit.state === 'on_hand').map((unit) => unit.serial);
  expect(onShelf.length).toBeGreaterThan(1);
  const [missing, ...found] = onShelf;

  await openStockAs(page, MANAGER);
  await page.getByRole('tab', { name: '盘点' }).click();
  const start = page.getByTestId('stocktake-start');
  await start.getByLabel('盘点说明（可不填）').fill('11月月度盘点（端到端测试）');
  await start.getByRole('button', { name: '开始盘点' }).click();
  await expect(page.getByTestId('stocktake-open')).toContainText('盘点 #');
  const sheet = page.getByTestId('variance-review');
  await expect(page.getByTestId('stocktake-summary')).toContainText('已盘 0');

  // TV-43 by quantity: one fewer on the shelf than the books say.
  const count = page.getByTestId('count-form');
  await count.getByLabel('物品编码').click();
  await page.keyboard.type('TV-43');
  await page.keyboard.press('Enter');
  await expect(count.getByLabel('实盘数量')).toBeFocused();
  await page.keyboard.type(String(tv.onHand - 1));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-done')).toHaveText(`已录入：43英寸彩电（在库）实盘 ${tv.onHand - 1}，账面 ${tv.onHand}，差异 −1。`);
  await expect(count.getByLabel('物品编码')).toBeFocused();

  // The set-top boxes by scanning every unit found: one is not on the shelf.
  await page.keyboard.type('STB-ITV');
  await page.keyboard.press('Enter');
  await expect(count.getByLabel(/逐台扫描实盘串号/)).toBeFocused();
  for (const serial of found) {
    await page.keyboard.type(serial);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-done')).toContainText(`iTV机顶盒（在库）实盘 ${found.length}，账面 ${onShelf.length}，差异 −1`);

  const stbLine = sheet.locator('tr[data-line="STB-ITV:on_hand"]');
  await expect(stbLine).toContainText(`缺：${missing}`);
  await expect(stbLine).toHaveClass(/sheet__row--short/);
  await expect(sheet.locator('tr[data-line="TV-43:on_hand"]')).toContainText('−1');
  await expect(page.getByTestId('stocktake-summary')).toContainText('已盘 2');
  await expect(page.getByTestId('stocktake-summary')).toContainText('有差异 2');
  await sheet.getByLabel('有差异').check();
  await expect(sheet.locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: screenshotPath('stocktake-review') });
  await sheet.getByLabel('未盘点').check();
  await expect(sheet.locator('tr[data-line="TV-43:on_hand"]')).toHaveCount(0);
  await expect(sheet.locator('tr[data-line="GIFT-UMBRELLA:on_hand"]')).toContainText('未盘');

  const review = expectOk(await manager.call['stocktake.review']({}));
  const stocktakeId = review.stocktake.stocktakeId;
  expect(review.lines.find((line) => line.sku === 'TV-43' && line.bucket === 'on_hand')).toMatchObject({
    expected: tv.onHand,
    counted: tv.onHand - 1,
    variance: -1,
  });

  // A clerk approves it: the core asks for a manager's PIN at the counter.
  await page.getByRole('button', { name: '退出' }).click();
  await openStockAs(page, CLERK);
  await page.getByRole('tab', { name: '盘点' }).click();
  await expect(page.getByTestId('stocktake-summary')).toContainText('有差异 2');
  await expect(page.getByTestId('stocktake-cancel')).toHaveCount(0);
  await page.getByTestId('stocktake-approve').click();
  const confirm = page.getByTestId('stocktake-approve-confirm');
  await expect(confirm).toContainText('有差异的 2 行将按实盘数量调整库存');
  await page.keyboard.press('Enter');
  await expect(approvalPrompt(page).getByTestId('approval-purpose')).toHaveText(`待授权：审核盘点 #${stocktakeId}（2 行有差异）`);
  await approveAs(page, MANAGER, demoPin(MANAGER));
  await expect(confirm).toBeHidden();
  const approved = page.getByTestId('stocktake-approved');
  await expect(approved).toContainText(`盘点 #${stocktakeId} 已审核（审核人 ${MANAGER}），调整 2 项`);
  await expect(approved).toContainText('43英寸彩电 在库 −1');
  await expect(approved).toContainText(missing ?? '');
  // Once closed, the stocktake stays on the screen in the history: who, when, what was found.
  const history = page.getByTestId('stocktake-history').locator(`tr[data-stocktake="${stocktakeId}"]`);
  await expect(history).toHaveAttribute('data-status', 'approved');
  await expect(history).toContainText('已审核');
  await expect(history).toContainText(`${MANAGER} · 2026-11-21`);
  await expect(history.locator('td.sheet__num')).toHaveText(['2', '2']);

  // The ledger now says what was counted.
  expect((await stockItem(manager, 'TV-43')).onHand).toBe(tv.onHand - 1);
  const stbAfter = expectOk(await manager.call['stock.item']({ sku: 'STB-ITV' }));
  expect(stbAfter.balance.onHand).toBe(found.length);
  expect(stbAfter.units.find((unit) => unit.serial === missing)?.state).toBe('damaged');
  const closed = expectOk(await manager.call['stocktake.review']({ stocktakeId }));
  expect(closed.stocktake).toMatchObject({ status: 'approved', closedBy: MANAGER });

  await page.getByRole('tab', { name: '库存总览' }).click();
  await expect(gridOnHand(page, 'TV-43')).toHaveText(String(tv.onHand - 1));
  await expect(gridOnHand(page, 'STB-ITV')).toHaveText(String(found.length));

  const audit = await auditSince(manager, auditFrom);
  const approval = audit.find((entry) => entry.action === 'stocktake.approve');
  expect(approval).toMatchObject({ actor: `staff:${CLERK}`, subject: `stocktake:${stocktakeId}`, details: { approvedBy: MANAGER } });
  expect(approval?.details.adjustments).toEqual(
    expect.arrayContaining([
      { sku: 'TV-43', bucket: 'on_hand', delta: -1, serials: [] },
      { sku: 'STB-ITV', bucket: 'on_hand', delta: -1, serials: [missing] },
    ]),
  );
});

test('a manager cancels a stocktake: the ledger is untouched', async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  const umbrella = await stockItem(manager, 'GIFT-UMBRELLA');

  await openStockAs(page, MANAGER);
  await page.getByRole('tab', { name: '盘点' }).click();
  await page.getByTestId('stocktake-start').getByRole('button', { name: '开始盘点' }).click();
  const count = page.getByTestId('count-form');
  await count.getByLabel('物品编码').fill('GIFT-UMBRELLA');
  await count.getByLabel('物品编码').press('Enter');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-done')).toContainText(`差异 −${umbrella.onHand}`);

  await page.getByTestId('stocktake-cancel').click();
  await page.getByTestId('stocktake-cancel-confirm').getByLabel('说明（可不填）').fill('盘点中断，下周重盘');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stocktake-start')).toBeVisible();
  await expect(page.getByTestId('stocktake-history').locator('tr[data-status="cancelled"]').first()).toContainText('已取消');
  expect((await stockItem(manager, 'GIFT-UMBRELLA')).onHand).toBe(umbrella.onHand);
  const none = await manager.call['stocktake.review']({});
  expect(none.ok ? 'still open' : none.error.code).toBe('NOT_FOUND');
});

import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, lastAuditSeq, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { approvalPrompt, approveAs, auditSince, gridOnHand, gridRow, openStockAs, runTag, stockGrid, stockItem } from './support/stock';

const CLERK = '1001';

test('a manager receives stock by keyboard, counted units by scan; the grid, stock.list, the item card and the audit agree', async ({
  page,
  baseURL,
}, testInfo) => {
  const tag = runTag(testInfo);
  const delivery = `HQ-DN-E2E-${tag}01`;
  const serialDelivery = `HQ-DN-E2E-${tag}02`;
  const serials = [`STBE2E${tag}01`, `STBE2E${tag}02`];
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);
  const before = await stockItem(manager, 'TV-32');

  await openStockAs(page, MANAGER);
  await expect(page.getByTestId('stock-count')).toHaveText(/^显示 (\d+) \/ \1 项$/);
  await expect(gridOnHand(page, 'TV-32')).toHaveText(String(before.onHand));
  // Low stock is counted and highlighted (the demo hall opens with too few earbuds).
  const alerts = expectOk(await manager.call['stock.alerts']({}));
  await expect(page.getByTestId('stock-alerts')).toContainText(`低库存预警 ${alerts.items.length} 项`);
  for (const low of alerts.items) await expect(gridRow(page, low.sku)).toHaveClass(/grid__row--low/);

  // 入库: item code (a scanner's Enter moves on), quantity, delivery note, Enter books it.
  await page.getByTestId('page-action-receive').click();
  const form = page.getByRole('dialog', { name: '入库' });
  await expect(form.getByLabel('物品编码')).toBeFocused();
  await page.keyboard.type('tv-32');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('数量')).toBeFocused();
  await expect(form.getByTestId('move-item')).toContainText('32英寸彩电 · 在库');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await page.keyboard.type(delivery);
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('move-outcome')).toContainText(`已入库：32英寸彩电 × 5。 现在在库 ${before.onHand + 5}`);

  const after = await stockItem(manager, 'TV-32');
  expect(after.onHand).toBe(before.onHand + 5);
  await expect(gridOnHand(page, 'TV-32')).toHaveText(String(after.onHand));

  // The same delivery note again is refused, and the form keeps everything that was typed.
  await page.getByTestId('page-action-receive').click();
  await expect(form.getByLabel('物品编码')).toHaveValue('TV-32');
  await form.getByLabel('数量').fill('5');
  await form.getByLabel('送货单号').fill(delivery);
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('move-error')).toHaveText(`送货单 ${delivery} 的32英寸彩电已经入库，不能重复入库；请核对送货单号`);
  await expect(form.getByLabel('送货单号')).toBeFocused();
  await expect(form.getByLabel('数量')).toHaveValue('5');
  expect((await stockItem(manager, 'TV-32')).onHand).toBe(after.onHand);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  // Serial-numbered equipment: each unit scanned (the scanner types it and presses Enter).
  const stbBefore = await stockItem(manager, 'STB-ITV');
  await page.getByTestId('page-action-receive').click();
  await form.getByLabel('物品编码').fill('STB-ITV');
  await form.getByLabel('物品编码').press('Enter');
  const scan = form.getByLabel(/逐台扫描串号/);
  await expect(scan).toBeFocused();
  for (const serial of [...serials, serials[0] ?? '']) {
    await page.keyboard.type(serial);
    await page.keyboard.press('Enter');
  }
  await expect(form.getByRole('status')).toHaveText(`${serials[0]} 已经扫描过`);
  await expect(form.getByTestId('scan-count')).toHaveText('已扫描 2 台');
  await form.getByLabel('送货单号').fill(serialDelivery);
  await scan.focus();
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('move-outcome')).toContainText(`串号：${serials.join('、')}`);
  const card = expectOk(await manager.call['stock.item']({ sku: 'STB-ITV' }));
  expect(card.balance.onHand).toBe(stbBefore.onHand + 2);
  expect(card.units.filter((unit) => serials.includes(unit.serial)).map((unit) => [unit.serial, unit.state])).toEqual(
    serials.map((serial) => [serial, 'on_hand']),
  );
  await expect(gridOnHand(page, 'STB-ITV')).toHaveText(String(card.balance.onHand));

  const audit = await auditSince(manager, auditFrom);
  const receipts = audit.filter((entry) => entry.action === 'stock.receive');
  expect(receipts.map((entry) => [entry.actor, entry.subject, entry.details.ref])).toEqual([
    [`staff:${MANAGER}`, 'stock:TV-32', { type: 'delivery', id: delivery }],
    [`staff:${MANAGER}`, 'stock:STB-ITV', { type: 'delivery', id: serialDelivery }],
  ]);

  // Sorting by a header: on hand, emptiest first; the grid's order is the data's order.
  await stockGrid(page).getByRole('button', { name: '在库' }).click();
  await expect(stockGrid(page).getByRole('columnheader', { name: '在库' })).toHaveAttribute('aria-sort', 'ascending');
  const { items } = expectOk(await manager.call['stock.list']({}));
  const emptiest = [...items].sort((a, b) => a.onHand - b.onHand)[0];
  await expect(stockGrid(page).locator('tbody tr').first()).toHaveAttribute('data-sku', emptiest?.sku ?? '');
  await stockGrid(page).getByRole('button', { name: '在库' }).click();
  await stockGrid(page).getByRole('button', { name: '在库' }).click();
  await expect(stockGrid(page).getByRole('columnheader', { name: '在库' })).toHaveAttribute('aria-sort', 'none');
  await page.screenshot({ path: screenshotPath('stock-grid') });

  // Keyboard into the grid: search, ↓ to the rows, Enter opens the item's card with its history.
  await page.getByLabel('搜索').fill('32英寸');
  await expect(page.getByTestId('stock-count')).toHaveText(`显示 1 / ${items.length} 项`);
  await page.getByLabel('搜索').press('ArrowDown');
  await expect(stockGrid(page)).toBeFocused();
  await expect(gridRow(page, 'TV-32')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('stock-item-detail');
  await expect(detail.getByTestId('detail-onhand')).toHaveText(String(after.onHand));
  const history = detail.getByTestId('movement-history');
  await expect(history.locator('tbody tr').first()).toContainText('入库');
  await expect(history.locator('tbody tr').first()).toContainText('在库 +5');
  await expect(history.locator('tbody tr').first()).toContainText(delivery);
  await page.screenshot({ path: screenshotPath('stock-item-detail') });
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(stockGrid(page)).toBeFocused();
});

test("a clerk records damage with a manager's PIN at the counter: cancel, a wrong PIN, then the right one; the audit names the approver", async ({
  page,
  baseURL,
}) => {
  const manager = await contractAs(baseURL, MANAGER);
  const auditFrom = await lastAuditSeq(manager);
  const before = await stockItem(manager, 'GIFT-THERMOS');

  await openStockAs(page, CLERK);
  // A clerk sees the grid and only what a manager can approve at the counter.
  await expect(page.getByTestId('page-action-damage')).toContainText('需店长授权');
  await expect(page.getByTestId('page-action-return')).toBeVisible();
  await expect(page.getByTestId('page-action-receive')).toHaveCount(0);
  await expect(page.getByTestId('page-action-transferOut')).toHaveCount(0);

  await page.getByTestId('page-action-damage').click();
  const form = page.getByRole('dialog', { name: '报损' });
  await page.keyboard.type('GIFT-THERMOS');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1');
  await form.getByLabel('说明').fill('杯盖破裂，无法发放');
  await page.keyboard.press('Enter');

  const prompt = approvalPrompt(page);
  await expect(prompt).toBeVisible();
  await expect(prompt.getByTestId('approval-purpose')).toHaveText('待授权：报损：保温杯 × 1');
  // Escape: nothing booked, everything typed still there.
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(form.getByTestId('move-error')).toHaveText('未获店长授权，没有办理。填写的内容已保留，可再次提交。');
  await expect(form.getByLabel('说明')).toHaveValue('杯盖破裂，无法发放');
  await expect(form.getByLabel('数量')).toHaveValue('1');

  await form.getByRole('button', { name: /确认报损/ }).click();
  await approveAs(page, MANAGER, '000000');
  await expect(prompt.getByTestId('approval-error')).toHaveText('店长 PIN 错误，还可再试 4 次');
  await expect(prompt.getByLabel('店长 PIN')).toHaveValue('');
  await expect(prompt.getByLabel('店长 PIN')).toBeFocused();
  await expect(prompt.getByLabel('店长工号')).toHaveValue(MANAGER);
  expect((await stockItem(manager, 'GIFT-THERMOS')).onHand).toBe(before.onHand);

  await page.keyboard.type(demoPin(MANAGER));
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('move-outcome')).toContainText(`已报损：保温杯 × 1。 现在在库 ${before.onHand - 1}`);

  const after = await stockItem(manager, 'GIFT-THERMOS');
  expect(after.onHand).toBe(before.onHand - 1);
  await expect(gridOnHand(page, 'GIFT-THERMOS')).toHaveText(String(after.onHand));

  const audit = await auditSince(manager, auditFrom);
  const wrongPin = audit.find((entry) => entry.action === 'staff.wrong_pin' && entry.subject === `staff:${MANAGER}`);
  expect(wrongPin?.details).toMatchObject({ purpose: 'approval' });
  const damage = audit.filter((entry) => entry.action === 'stock.damage');
  expect(damage).toHaveLength(1);
  expect(damage[0]).toMatchObject({
    actor: `staff:${CLERK}`,
    subject: 'stock:GIFT-THERMOS',
    details: { approvedBy: MANAGER, reason: 'damaged', from: 'on_hand', note: '杯盖破裂，无法发放', deltas: { onHand: -1, display: 0, lent: 0 } },
  });

  // A refusal after approval comes back to the form: more than is on hand.
  await page.getByTestId('page-action-damage').click();
  await form.getByLabel('物品编码').fill('GIFT-THERMOS');
  await form.getByLabel('数量').fill(String(after.onHand + 1));
  await form.getByLabel('说明').fill('整箱受潮');
  await page.keyboard.press('Enter');
  await approveAs(page, MANAGER, demoPin(MANAGER));
  await expect(prompt).toBeHidden();
  await expect(form.getByTestId('move-error')).toHaveText(`保温杯在库数量不足：现有 ${after.onHand}，需要 ${after.onHand + 1}`);
  await expect(form.getByLabel('数量')).toBeFocused();
  await expect(form.getByLabel('说明')).toHaveValue('整箱受潮');
  expect((await stockItem(manager, 'GIFT-THERMOS')).onHand).toBe(after.onHand);
});

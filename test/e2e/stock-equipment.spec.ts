import Database from 'better-sqlite3';
import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { bridgeDatabaseFile, openStockAs, runTag } from './support/stock';
import { idNumberCheckChar } from '../../shared/customers/id-number';
import type { ContractClient } from '../../shared/contract/client';

const TRIAL = 'ZY2026-ITV-TRIAL';

/** A broadband walk-in the iTV trial accepts (new yearly line in an upgraded community), lent fresh units. */
async function lendTrialKit(manager: ContractClient, tag: string, n: number): Promise<{ enrolmentNo: string; stb: string; modem: string; phone: string }> {
  const stb = `STBE2E08${tag}${n}`;
  const modem = `E8BE2E08${tag}${n}`;
  const phone = `18785${tag}990${n}`;
  for (const [sku, serial] of [
    ['STB-ITV', stb],
    ['MODEM-E8B', modem],
  ] as const) {
    expectOk(await manager.call['stock.receive']({ sku, qty: 1, serials: [serial], deliveryRef: `E2E-LEND-${tag}${n}` }));
  }
  const first17 = `520302199001${tag}${String(300 + n)}`;
  const { customer } = expectOk(
    await manager.call['customer.registerWalkIn']({
      phone,
      name: n === 1 ? '欧阳娜' : '钱多多',
      idNumber: first17 + idNumberCheckChar(first17),
      broadband: { itvCapable: true, hasItv: false, communityUpgraded: true, productKind: 'yearly', planCode: 'e8-68', newInstall: true },
    }),
  );
  const enrolled = expectOk(
    await manager.call['enrolment.create']({
      customerId: customer.customerId,
      campaignId: TRIAL,
      options: { equipmentSerials: { 'STB-ITV': [stb], 'MODEM-E8B': [modem] } },
    }),
  );
  return { enrolmentNo: enrolled.enrolmentNo, stb, modem, phone };
}

test('lent equipment: who holds which serial (masked), since when, and an overdue recovery marked', async ({ page, baseURL }, testInfo) => {
  const manager = await contractAs(baseURL, MANAGER);
  const tag = runTag(testInfo);
  const kept = await lendTrialKit(manager, tag, 1);
  const cancelled = await lendTrialKit(manager, tag, 2);
  const { recovery } = expectOk(await manager.call['trial.cancel']({ enrolmentNo: cancelled.enrolmentNo, note: '客户不再使用' }));
  if (!recovery) throw new Error('a cancelled trial opens a recovery order');

  // The clock is frozen on the day the order opened; dating the loan and its order back stands
  // in for the weeks that would have passed, so the overdue marking can be seen and checked.
  const db = new Database(bridgeDatabaseFile());
  try {
    db.transaction(() => {
      db.prepare(`UPDATE recovery_order SET opened_on = '2026-11-05', due_on = '2026-11-12' WHERE id = ?`).run(recovery.orderId);
      db.prepare(`UPDATE equipment_loan SET lent_on = '2026-10-08' WHERE recovery_order_id = ?`).run(recovery.orderId);
    })();
  } finally {
    db.close();
  }
  const { units, summary } = expectOk(await manager.call['equipment.units']({ show: 'overdue' }));
  const ours = units.filter((unit) => unit.recovery?.orderId === recovery.orderId);
  expect(ours.map((unit) => unit.serial).sort()).toEqual([cancelled.modem, cancelled.stb].sort());
  expect(ours.every((unit) => unit.recovery?.daysOverdue === 9)).toBe(true);
  expect(summary.overdue).toBeGreaterThanOrEqual(2);

  await openStockAs(page, MANAGER);
  await page.getByRole('tab', { name: '借出设备' }).click();
  const view = page.getByTestId('lent-equipment');
  const keptRow = view.locator(`tr[data-serial="${kept.stb}"]`);
  await expect(keptRow).toContainText(`欧** ${kept.phone.slice(0, 3)}****${kept.phone.slice(7)}`);
  await expect(keptRow).toContainText('2026-11-21');
  await expect(keptRow).not.toContainText('欧阳娜');
  const overdueRow = view.locator(`tr[data-serial="${cancelled.stb}"]`);
  await expect(overdueRow).toHaveClass(/lent__row--overdue/);
  await expect(overdueRow).toContainText(`钱** ${cancelled.phone.slice(0, 3)}****${cancelled.phone.slice(7)}`);
  await expect(overdueRow).toContainText('2026-10-08');
  await expect(overdueRow).toContainText(`回收单 #${recovery.orderId}（2026-11-05 开单）`);
  await expect(overdueRow).toContainText('2026-11-12逾期 9 天');
  await page.screenshot({ path: screenshotPath('stock-equipment') });

  await view.getByLabel('逾期未回收').check();
  await expect(view.locator('tbody tr')).toHaveCount(units.length);
  await expect(view.locator(`tr[data-serial="${kept.stb}"]`)).toHaveCount(0);

  // The item card names the holder the same way.
  await page.getByRole('tab', { name: '库存总览' }).click();
  await page.locator('tr[data-sku="STB-ITV"]').click();
  const units2 = page.getByTestId('stock-item-detail').getByTestId('serial-units');
  await expect(units2.locator('tr', { hasText: kept.stb })).toContainText('已借出');
  await expect(units2.locator('tr', { hasText: kept.stb })).toContainText(`欧** ${kept.phone.slice(0, 3)}****${kept.phone.slice(7)}`);
});

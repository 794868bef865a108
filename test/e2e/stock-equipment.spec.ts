import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { openStockAs, runTag } from './support/stock';
import { idNumberCheckChar } from '../../shared/customers/id-number';
import type { ContractClient } from '../../shared/contract/client';

const TRIAL = 'ZY2026-ITV-TRIAL';
/** The units the demo seed lent to 曹颖 (electron/core/enrolment/demo-trial.ts). */
const SEEDED = { stb: 'STB2026000108', modem: 'E8B2026000208' };

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

test('lent equipment: who holds which serial (masked), since which movement, for which enrolment, and an overdue recovery marked', async ({
  page,
  baseURL,
}, testInfo) => {
  const manager = await contractAs(baseURL, MANAGER);
  const tag = runTag(testInfo);
  const kept = await lendTrialKit(manager, tag, 1);

  // The demo hall opens with 曹颖's cancelled iTV trial (docs/demo.md): lent 2026-10-21,
  // recovery due 2026-11-19, so two days overdue on the demo day — no dates edited by hand.
  const { units, summary } = expectOk(await manager.call['equipment.units']({ show: 'overdue' }));
  const seeded = units.filter((unit) => unit.holder?.phoneMasked === '187****3030');
  expect(seeded.map((unit) => unit.serial).sort()).toEqual([SEEDED.modem, SEEDED.stb]);
  const order = seeded[0]?.recovery;
  if (!order) throw new Error('the demo trial has an open recovery order');
  expect(seeded.every((unit) => unit.recovery?.daysOverdue === 2 && unit.since?.on === '2026-10-21' && unit.since.reason === 'lent')).toBe(true);
  expect(summary.overdue).toBeGreaterThanOrEqual(2);

  await openStockAs(page, MANAGER);
  await page.getByRole('tab', { name: '借出设备' }).click();
  const view = page.getByTestId('lent-equipment');
  const keptRow = view.locator(`tr[data-serial="${kept.stb}"]`);
  await expect(keptRow).toContainText(`欧** ${kept.phone.slice(0, 3)}****${kept.phone.slice(7)}`);
  await expect(keptRow.getByTestId('unit-since')).toHaveText('2026-11-21 借出');
  await expect(keptRow.getByTestId('unit-enrolment')).toHaveText(kept.enrolmentNo);
  await expect(keptRow).not.toContainText('欧阳娜');
  const overdueRow = view.locator(`tr[data-serial="${SEEDED.stb}"]`);
  await expect(overdueRow).toHaveClass(/lent__row--overdue/);
  await expect(overdueRow).toContainText('曹* 187****3030');
  await expect(overdueRow.getByTestId('unit-since')).toHaveText('2026-10-21 借出');
  await expect(overdueRow.getByTestId('unit-enrolment')).toHaveText(seeded[0]?.loan?.enrolmentNo ?? 'an enrolment');
  await expect(overdueRow).toContainText(`回收单 #${order.orderId}（2026-11-12 开单）`);
  await expect(overdueRow).toContainText('2026-11-19逾期 2 天');
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

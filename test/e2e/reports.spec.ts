import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { contractAs, demoPin, expectOk, MANAGER } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';
import { idNumberCheckChar } from '../../shared/customers/id-number';
import type { ContractClient } from '../../shared/contract/client';
import { formatYuan } from '../../shared/money/fen';

/** An iTV trial of this spec's own (walk-in 18785209961, units received for it), so today has business to report. */
async function ownTrial(manager: ContractClient): Promise<void> {
  const phone = '18785209961';
  if (expectOk(await manager.call['customer.find']({ by: 'phone', phone })).customers.length > 0) return;
  for (const [sku, serial] of [
    ['STB-ITV', 'STBE2E0961'],
    ['MODEM-E8B', 'E8BE2E0961'],
  ] as const) {
    expectOk(await manager.call['stock.receive']({ sku, qty: 1, serials: [serial], deliveryRef: 'E2E-REPORTS-1' }));
  }
  const first17 = '52030219850505601';
  const { customer } = expectOk(
    await manager.call['customer.registerWalkIn']({
      phone,
      name: '田野',
      idNumber: first17 + idNumberCheckChar(first17),
      broadband: { itvCapable: true, hasItv: false, communityUpgraded: true, productKind: 'yearly', planCode: 'e8-68', newInstall: true },
    }),
  );
  expectOk(
    await manager.call['enrolment.create']({
      customerId: customer.customerId,
      campaignId: 'ZY2026-ITV-TRIAL',
      options: { equipmentSerials: { 'STB-ITV': ['STBE2E0961'], 'MODEM-E8B': ['E8BE2E0961'] } },
    }),
  );
}

async function openReportsAs(page: Page, staffNo: string): Promise<void> {
  await page.goto('/');
  await keyboardLogin(page, staffNo, demoPin(staffNo));
  await expect(page.getByTestId('current-staff')).toContainText(staffNo);
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: '报表' })).toBeFocused();
}

test("the manager's summary of today and of the week shows the contract's figures, with bars", async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  await ownTrial(manager);
  const day = expectOk(await manager.call['report.summary']({ period: 'day' }));
  expect(day.totals.trialsEnrolled).toBeGreaterThanOrEqual(1);

  await openReportsAs(page, MANAGER);
  const summary = page.getByTestId('business-summary');
  await expect(page.getByTestId('report-range')).toHaveText('2026-11-21');
  const tile = (key: string) => summary.locator(`[data-tile="${key}"] .tile__value`);
  await expect(tile('enrolments')).toHaveText(String(day.totals.enrolments));
  await expect(tile('customerPays')).toHaveText(formatYuan(day.totals.customerPaysFen));
  await expect(tile('redemptions')).toHaveText(String(day.totals.redemptions));
  await expect(tile('trials')).toHaveText(String(day.totals.trialsEnrolled));
  await expect(summary.locator('[data-tile="trials"] .tile__detail')).toContainText(
    `设备借出 ${day.totals.equipmentLent} 台、收回 ${day.totals.equipmentRecovered} 台`,
  );

  // One bar per campaign on offer, each with its count; the trial's bar is not empty.
  const campaigns = summary.getByTestId('chart-by-campaign');
  await expect(campaigns.locator('.chart__row')).toHaveCount(day.byCampaign.length);
  const trialBar = campaigns.locator('[data-key="ZY2026-ITV-TRIAL"]');
  const trialLine = day.byCampaign.find((c) => c.campaignId === 'ZY2026-ITV-TRIAL');
  await expect(trialBar.locator('.chart__value')).toHaveText(String(trialLine?.enrolments));
  expect(Number(await trialBar.locator('rect').getAttribute('width'))).toBeGreaterThan(0);
  // Stock out by item: the set-top boxes lent today are on it, as many as the ledger says.
  const boxes = day.byItem.find((i) => i.sku === 'STB-ITV');
  await expect(summary.getByTestId('chart-by-item').locator('[data-key="STB-ITV"] .chart__value')).toHaveText(String((boxes?.issued ?? 0) + (boxes?.lent ?? 0)));
  await page.screenshot({ path: screenshotPath('reports-day') });
  await summary.getByTestId('report-staff').scrollIntoViewIfNeeded();
  const staffRow = summary.getByTestId('report-staff').locator('tbody tr').first();
  await expect(staffRow).toContainText(day.byStaff[0]?.staffNo ?? '—');
  await page.screenshot({ path: screenshotPath('reports-day-tables') });

  await page.getByRole('radio', { name: '周报' }).click();
  const week = expectOk(await manager.call['report.summary']({ period: 'week' }));
  await expect(page.getByTestId('report-range')).toHaveText('2026-11-16（周一）至 2026-11-22（周日）');
  const days = summary.getByTestId('chart-by-day').locator('.chart__day');
  await expect(days).toHaveCount(7);
  const saturday = week.byDay.find((d) => d.date === '2026-11-21');
  await expect(summary.getByTestId('chart-by-day').locator('[data-date="2026-11-21"] .chart__figures')).toHaveText(
    `${saturday?.enrolments} / ${saturday?.redemptions}`,
  );
  await expect(tile('enrolments')).toHaveText(String(week.totals.enrolments));
  await page.screenshot({ path: screenshotPath('reports-week') });

  // A step back: the week before, with nothing in it yet.
  await page.getByRole('button', { name: '◀ 上一周' }).click();
  await expect(page.getByTestId('report-range')).toHaveText('2026-11-09（周一）至 2026-11-15（周日）');
  await expect(tile('enrolments')).toHaveText('0');
});

test('a clerk is told the summary is the manager’s', async ({ page }) => {
  await openReportsAs(page, '1001');
  await expect(page.getByRole('alert')).toHaveText('营业报表仅店长可查看，请店长登录后打开。');
});

import { expect, test } from './support/fixtures';
import { expectOk } from './support/contract';
import { screenshotPath } from './support/counter';
import { clerkAs, customerByPhone, openCounterAs, scanCustomer } from './support/clerk';

const CLERK = '1002';

test('a customer who may join little: every ineligible campaign lists every reason the core gives, in Chinese and in English', async ({ page, baseURL }) => {
  const clerk = await clerkAs(baseURL, CLERK);
  const chenJing = await customerByPhone(clerk, '13985210505');
  const { evaluations } = expectOk(await clerk.call['campaign.evaluateForCustomer']({ customerId: chenJing.customerId }));

  await openCounterAs(page, baseURL, CLERK);
  await scanCustomer(page, '13985210505');
  const list = page.getByTestId('campaign-list');
  // Those she may join (with entries) come first, and the first of them has the focus.
  await expect(list.locator('li[data-status]').first()).toHaveAttribute('data-status', 'needs_options');
  await expect(list.getByRole('button').first()).toBeFocused();

  const ineligible = evaluations.filter((e) => e.status === 'ineligible');
  expect(ineligible.length).toBeGreaterThanOrEqual(4);
  for (const { campaign, evaluation } of ineligible) {
    const reasons = page.getByTestId(`reasons-${campaign.id}`).locator(':scope > li');
    await expect(reasons).toHaveCount(evaluation.reasons.length);
    for (const [i, reason] of evaluation.reasons.entries()) {
      await expect(reasons.nth(i)).toHaveAttribute('data-code', reason.code);
      await expect(reasons.nth(i)).toContainText(reason.text);
    }
  }
  const codes = (id: string) => page.getByTestId(`reasons-${id}`).locator(':scope > li');
  await expect(codes('ZY2026-UPGRADE-POINTS').and(page.locator('[data-code="NONE_OF_ALTERNATIVES"]'))).toHaveCount(1);
  await expect(page.getByTestId('reasons-ZY2026-TENURE-CARE').locator('[data-code="BRAND_NOT_ALLOWED"]')).toContainText('本活动仅限全球通客户');
  await expect(page.getByTestId('reasons-ZY2026-REBINDING').locator('[data-code="NO_CONTRACT"]')).toBeVisible();
  await expect(page.getByTestId('reasons-ZY2026-ITV-TRIAL').locator('[data-code="NO_BROADBAND"]')).toContainText('该客户没有电信宽带');
  await page.screenshot({ path: screenshotPath('enrol-customer-campaigns') });

  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enrol' })).toBeVisible();
  await expect(page.getByTestId('reasons-ZY2026-TENURE-CARE').locator('[data-code="BRAND_NOT_ALLOWED"]')).toContainText(
    'Only for GoTone customers; this customer is on other brands.',
  );
  await expect(page.getByTestId('reasons-ZY2026-ITV-TRIAL').locator('[data-code="NO_BROADBAND"]')).toContainText('The customer has no broadband line');
  const alternatives = page.getByTestId('reasons-ZY2026-UPGRADE-POINTS').locator('[data-code="NONE_OF_ALTERNATIVES"]');
  await expect(alternatives).toContainText('The customer meets none of the alternatives:');
  await expect(alternatives).toContainText('ARPU ¥80.00 is below the required ¥120.00.');
  await expect(page.getByTestId('customer-card')).toContainText('Not GoTone');
  await expect(page.getByTestId('customer-plan')).toHaveText('Chat 39 (STD-39)');
  await page.screenshot({ path: screenshotPath('enrol-customer-campaigns-en') });
});

test('each re-binding tier says why it does not apply; the tenure care says from which day it will', async ({ page, baseURL }) => {
  await openCounterAs(page, baseURL, CLERK);
  await scanCustomer(page, '13985210909');
  const rebinding = page.getByTestId('reasons-ZY2026-REBINDING').locator('[data-code="NO_BONUS_BRANCH"]');
  await expect(rebinding).toContainText('①【存多少送多少】合约2026-12-31到期');
  await expect(rebinding).toContainText('③【超多少送多少】累计消费¥840.00未超过合约金额¥1,200.00。');

  await scanCustomer(page, '15885220404');
  await expect(page.getByTestId('reasons-ZY2026-TENURE-CARE').locator('[data-code="NO_TENURE_TIER"]')).toContainText('2027-03-01起可办理');
});

import { expect, test } from './support/fixtures';
import { expectOk } from './support/contract';
import { clerkAs, customerCard, openCounterAs, openCampaign, phoneField, scanCustomer } from './support/clerk';

const CLERK = '1002';

test('the customer card: masked numbers, brand, plan, tenure, points with the nearest expiry, the retention light as a badge with text', async ({
  page,
  baseURL,
}) => {
  const clerk = await clerkAs(baseURL, CLERK);
  await openCounterAs(page, baseURL, CLERK);

  await scanCustomer(page, '13985212424');
  const card = customerCard(page);
  await expect(card.getByTestId('customer-name')).toHaveText('郑凯');
  await expect(card.getByTestId('customer-brand')).toHaveText('非全球通');
  await expect(card.getByTestId('customer-plan')).toHaveText('畅享89元套餐（STD-89）');
  await expect(card.getByTestId('customer-tenure')).toHaveText('12 年（2014-09-09 入网）');
  // 600 points expired on 2026-10-31: only the lot that is still valid counts and is named.
  await expect(card.getByTestId('customer-points')).toContainText('2,400');
  await expect(card.getByTestId('customer-points-expiry')).toHaveText('其中 2,400 分于 2027-03-31 到期');
  await expect(card.getByTestId('customer-light')).toHaveText('红灯 · 预警');
  await expect(card.getByTestId('customer-light')).toHaveClass(/light--red/);
  const found = expectOk(await clerk.call['customer.find']({ by: 'phone', phone: '13985212424' })).customers[0];
  expect(found?.points.available).toBe(2400);
  expect(found?.retentionLight).toBe('red');
  // Phone and ID numbers appear only masked once the search field is cleared.
  await expect(phoneField(page)).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('13985212424');
  await expect(page.locator('body')).not.toContainText('520303198506061657');

  await scanCustomer(page, '13985210202');
  await expect(card.getByTestId('customer-brand')).toHaveText('全球通');
  await expect(card.getByTestId('customer-light')).toHaveText('绿灯 · 稳定');
  await expect(card.getByTestId('customer-tenure')).toHaveText('12 年（2014-06-01 入网）');
  await expect(card.getByTestId('customer-points-expiry')).toHaveText('其中 1,500 分于 2026-12-31 到期');

  await scanCustomer(page, '15885221010');
  await expect(card.getByTestId('customer-broadband')).toHaveText('e9-99 · 品牌套餐 · 未装 iTV');
  await scanCustomer(page, '18785200707');
  await expect(card.getByTestId('customer-contract')).toHaveText('存费赠机，2027-01-31 到期；已消费 ¥2,040.00 / ¥2,400.00，剩余 ¥360.00');
  // Left the network: said on the card itself, not only by the retention light.
  await scanCustomer(page, '13985211616');
  await expect(card.getByTestId('customer-churned')).toHaveText('已离网');
  await scanCustomer(page, '13985210202');
  await expect(card.getByTestId('customer-churned')).toHaveCount(0);
});

test('in English the card names the plan and the history the campaign in English; the tenure is the core’s count', async ({ page, baseURL }) => {
  await openCounterAs(page, baseURL, CLERK);
  // 曹颖: the demo hall's iTV trial, enrolled 2026-10-21 and cancelled (docs/demo.md).
  await scanCustomer(page, '18785203030');
  const card = customerCard(page);
  await expect(card.getByTestId('customer-plan')).toHaveText('畅享59元套餐（STD-59）');
  await expect(card.getByTestId('customer-tenure')).toHaveText('11 年（2015-04-12 入网）');
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(card.getByTestId('customer-plan')).toHaveText('Enjoy 59 (STD-59)');
  await expect(card.getByTestId('customer-tenure')).toHaveText('11 yr (joined 2015-04-12)');
  await page.getByRole('tab', { name: /Enrolments/ }).click();
  const history = page.getByTestId('enrolment-history');
  await expect(history).toContainText('iTV free trial: the full package free for 3 months');
  await expect(history).not.toContainText('iTV体验营销');
});

test('searching by the last 4 digits and by ID last 4 + name: a list to pick from by keyboard; nobody found says what to do', async ({ page, baseURL }) => {
  await openCounterAs(page, baseURL, CLERK);
  // Last 4 only finds customers this hall served in the last 30 days: none yet for this number.
  await page.keyboard.type('9999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-not-found')).toHaveText('近30天本厅没有尾号为 9999 的客户；请输入完整手机号码查找。');

  await page.getByTestId('lookup-mode-id').click();
  await expect(page.getByLabel('身份证后4位')).toBeFocused();
  await page.keyboard.type('0246');
  await page.keyboard.press('Tab');
  await page.keyboard.type('王秀英');
  await page.keyboard.press('Enter');
  const results = page.getByTestId('customer-results');
  await expect(results).toContainText('找到 1 位客户');
  await expect(results.getByRole('button', { name: /王秀英/ })).toBeFocused();
  await expect(results).toContainText('139****0202');
  await page.keyboard.press('Enter');
  await expect(customerCard(page).getByTestId('customer-name')).toHaveText('王秀英');
  await expect(results).toBeHidden();

  // A wrong ID last 4 is refused before anything is asked.
  await page.getByTestId('lookup-mode-id').click();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '请输入身份证号码的后4位' })).toBeVisible();
});

test('a new customer clears the task cleanly; Escape steps back from the campaign to the list and from the list to the search', async ({ page, baseURL }) => {
  await openCounterAs(page, baseURL, CLERK);
  await scanCustomer(page, '13985210909');
  await openCampaign(page, 'ZY2026-SPEND-TIERS');
  await page.keyboard.type('320');
  await page.keyboard.press('Escape');
  // Back on the list, the campaign that was open has the focus; its entries are kept.
  await expect(page.getByTestId('campaign-ZY2026-SPEND-TIERS').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('消费金额')).toHaveValue('320');

  // The next customer steps up while the form is open: everything of the last one goes.
  await scanCustomer(page, '13985210808');
  await expect(page.getByTestId('options-form')).toBeHidden();
  await expect(page.getByTestId('campaign-list')).toBeVisible();
  await expect(page.getByTestId('campaign-list').getByRole('button').first()).toBeFocused();
  await scanCustomer(page, '13985210909');
  await openCampaign(page, 'ZY2026-SPEND-TIERS');
  await expect(page.getByLabel('消费金额')).toHaveValue('');

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(phoneField(page)).toBeFocused();
  await expect(customerCard(page)).toBeVisible();
  await page.getByTestId('customer-clear').click();
  await expect(customerCard(page)).toBeHidden();
  await expect(phoneField(page)).toBeFocused();
});

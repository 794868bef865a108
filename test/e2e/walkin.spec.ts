import { expect, test } from './support/fixtures';
import { expectOk } from './support/contract';
import { clerkAs, customerCard, openCounterAs, phoneField } from './support/clerk';

const CLERK = '1001';
const WALK_IN = { phone: '18985202828', name: '欧阳娜', idNumber: '520303200005202001' };

test('a walk-in not in the cache: not found, registered with her ID number checked before sending, then on the card as a new customer', async ({
  page,
  baseURL,
}) => {
  const clerk = await clerkAs(baseURL, CLERK);
  expect(expectOk(await clerk.call['customer.find']({ by: 'phone', phone: WALK_IN.phone })).customers).toEqual([]);

  await openCounterAs(page, baseURL, CLERK);
  await page.keyboard.type(WALK_IN.phone);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-not-found')).toContainText('本机客户资料中没有号码 189****2828');
  await expect(page.getByTestId('walk-in-start')).toBeFocused();
  await page.keyboard.press('Enter');

  const form = page.getByTestId('walk-in');
  await expect(form.getByLabel('手机号码')).toHaveValue(WALK_IN.phone);
  await expect(form.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type(WALK_IN.name);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('身份证号码')).toBeFocused();
  // One digit wrong: the check character no longer matches, and nothing is sent.
  const mistyped = `${WALK_IN.idNumber.slice(0, 16)}12`;
  await page.keyboard.type(mistyped);
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('walk-in-error')).toHaveText('身份证号码校验位不对，请对照证件逐位核对');
  await expect(form.getByLabel('身份证号码')).toBeFocused();
  await expect(form.getByLabel('身份证号码')).toHaveValue(mistyped);
  await expect(form.getByLabel('姓名')).toHaveValue(WALK_IN.name);
  expect(expectOk(await clerk.call['customer.find']({ by: 'phone', phone: WALK_IN.phone })).customers).toEqual([]);

  await form.getByLabel('身份证号码').fill(WALK_IN.idNumber);
  await page.keyboard.press('Enter');
  const card = customerCard(page);
  await expect(card.getByTestId('customer-name')).toHaveText(WALK_IN.name);
  await expect(card.getByTestId('customer-phone')).toHaveText('189****2828');
  await expect(card).toContainText('新入网');
  await expect(card).toContainText('证件尾号 2001');
  await expect(form).toBeHidden();
  await expect(page.locator('body')).not.toContainText(WALK_IN.idNumber);
  await expect(phoneField(page)).toHaveValue('');

  const [registered] = expectOk(await clerk.call['customer.find']({ by: 'phone', phone: WALK_IN.phone })).customers;
  expect(registered).toMatchObject({ name: WALK_IN.name, kind: 'new', idLast4: '2001', phoneMasked: '189****2828' });
  // A new customer may now join the new-customer campaigns: the signup gift only needs the plan.
  await expect(page.getByTestId('campaign-ZY2026-SIGNUP-TV')).toHaveAttribute('data-status', 'needs_options');
  await expect(page.getByTestId('campaign-ZY2026-PREPAY-BONUS')).toHaveAttribute('data-status', 'needs_options');
});

import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { stockItem } from './support/stock';
import {
  confirmEnrolment,
  customerByPhone,
  enrolSummary,
  openCampaign,
  openSharedCounter,
  scanCustomer,
  serialsOnHand,
  type SharedCounter,
} from './support/clerk';
import type { ContractClient } from '../../shared/contract/client';
import type { BenefitView, EnrolmentView } from '../../shared/enrolment/views';

/**
 * One enrolment of each of the ten campaign kinds, through the Enrol page by keyboard as a
 * clerk does it (scan the customer, open the campaign, type the entries, Enter to check,
 * Enter to confirm), each checked afterwards through the contract: the enrolment with its
 * benefits, and what it did to stock, points, the customer and the slip.
 */
const CLERK = '1001';

let counter: SharedCounter;
let manager: ContractClient;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, baseURL }) => {
  counter = await openSharedCounter(browser, baseURL, CLERK);
  manager = await contractAs(baseURL, MANAGER);
});

test.afterEach(() => counter.expectNoErrors());

test.afterAll(async () => {
  await counter.close();
});

async function enrolment(enrolmentNo: string): Promise<EnrolmentView> {
  return expectOk(await manager.call['enrolment.get']({ enrolmentNo })).enrolment;
}

function benefit<K extends BenefitView['type']>(view: EnrolmentView, type: K): Extract<BenefitView, { type: K }> {
  const found = view.benefits.find((b): b is Extract<BenefitView, { type: K }> => b.type === type);
  if (!found) throw new Error(`enrolment ${view.enrolmentNo} has no ${type} benefit`);
  return found;
}

/** The enrolment's slip as the core froze it, with its print count. */
async function slipOf(view: EnrolmentView) {
  return expectOk(await manager.call['slip.get']({ slipNo: view.slipNo }));
}

test('入网有礼 signup gift: a new customer signs STD-129 and takes a 32" TV from stock; the plan goes onto the snapshot', async () => {
  const { page } = counter;
  const tv = await stockItem(manager, 'TV-32');
  await scanCustomer(page, '13985211818');
  await openCampaign(page, 'ZY2026-SIGNUP-TV');
  const plan = page.getByLabel('办理套餐');
  await expect(plan).toBeFocused();
  await plan.selectOption('STD-129');
  await page.keyboard.press('Enter');
  await expect(enrolSummary(page)).toContainText('赠送 32英寸彩电 × 1（价值 ¥1,299.00）');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(view).toMatchObject({ kind: 'signup_gift', campaignId: 'ZY2026-SIGNUP-TV', phoneMasked: '139****1818', options: { chosenPlanCode: 'STD-129' } });
  expect(benefit(view, 'gift')).toMatchObject({ sku: 'TV-32', quantity: 1, valueFen: 129900, purchased: false });
  expect((await stockItem(manager, 'TV-32')).onHand).toBe(tv.onHand - 1);
  expect((await customerByPhone(manager, '13985211818')).planCode).toBe('STD-129');
  const slip = await slipOf(view);
  expect(slip.slip.kind).toBe('enrolment');
  expect(slip.slip.given.map((line) => line.label).join('|')).toContain('32英寸彩电');
  await expect(page.getByTestId('enrol-done')).toContainText(enrolmentNo);
});

test('预存赠费 prepay bonus: ¥1,200 typed in yuan, ¥600 back over 12 months shown month by month', async () => {
  const { page } = counter;
  await scanCustomer(page, '13985211919');
  await openCampaign(page, 'ZY2026-PREPAY-BONUS');
  await expect(page.getByLabel('预存金额')).toBeFocused();
  await page.keyboard.type('1,200');
  await expect(page.getByText('即 ¥1,200.00')).toBeVisible();
  await page.keyboard.press('Enter');
  const summary = enrolSummary(page);
  await expect(summary).toContainText('预存赠费 ¥600.00，2026-12 起分 12 个月返还');
  const table = summary.getByTestId('instalments');
  await expect(table.locator('tbody tr')).toHaveCount(12);
  await expect(table.locator('tbody tr').first()).toHaveText(/2026-12\s*¥50\.00/);
  await expect(table.locator('tbody tr').last()).toHaveText(/2027-11\s*¥50\.00/);
  await expect(summary.getByTestId('customer-pays')).toHaveText('¥1,200.00');
  await page.screenshot({ path: screenshotPath('enrol-summary-prepay') });
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(view.options.prepayFen).toBe(120000);
  const credit = benefit(view, 'credit_schedule');
  expect(credit.totalFen).toBe(60000);
  expect(credit.instalments).toHaveLength(12);
  expect(credit.instalments.every((row) => row.amountFen === 5000)).toBe(true);
  expect(credit.instalments[0]?.month).toBe('2026-12');
  expect(benefit(view, 'payment').customerPaysFen).toBe(120000);
  expect((await slipOf(view)).slip.schedule).toHaveLength(12);
});

test('老带新 referral: a churned referrer is refused with the reason and nothing typed is lost; the right one gives ¥50 each', async () => {
  const { page } = counter;
  const liMing = await customerByPhone(manager, '13985210101');
  await scanCustomer(page, '15885222020');
  await openCampaign(page, 'ZY2026-REFERRAL');
  const referrer = page.getByLabel('推荐人手机号码');
  await expect(referrer).toBeFocused();
  await page.keyboard.type('13985211616');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary-reasons').locator('[data-code="REFERRER_CHURNED"]')).toContainText('推荐人 139****1616 已离网');
  await expect(referrer).toHaveValue('13985211616');
  await expect(referrer).toBeFocused();
  await referrer.fill('');
  await page.keyboard.type('13985210101');
  await page.keyboard.press('Enter');
  await expect(enrolSummary(page)).toContainText('推荐人 139****0101 获赠 ¥50.00（2026-11-27 前到账）；新客户获赠 ¥50.00（随 2026-12 账单）');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(view.options.referrerPhoneMasked).toBe('139****0101');
  expect(benefit(view, 'referral_credit')).toMatchObject({
    referrerPhoneMasked: '139****0101',
    referrerFen: 5000,
    referrerDueBy: '2026-11-27',
    refereeFen: 5000,
    refereeBillMonth: '2026-12',
  });
  // The referrer's credit is a follow-up task due by the day on the summary.
  const due = expectOk(await manager.call['followup.list']({ kind: 'referral_credit_due', status: 'open' }));
  expect(due.followUps).toContainEqual(expect.objectContaining({ phoneMasked: '139****0101', dueOn: '2026-11-27', customerId: liMing.customerId }));
});

test('套餐升级 upgrade: STD-129 at 80 % for 12 months and a 43" TV from stock', async () => {
  const { page } = counter;
  const tv = await stockItem(manager, 'TV-43');
  await scanCustomer(page, '13985210101');
  await openCampaign(page, 'ZY2026-UPGRADE-GIFT');
  await page.getByLabel('办理套餐').selectOption('STD-129');
  await page.keyboard.press('Enter');
  await expect(enrolSummary(page)).toContainText('STD-129 月费 ¥129.00 → ¥103.20（按 80% 收取），2026-12 至 2027-11');
  await expect(enrolSummary(page)).toContainText('赠送 43英寸彩电 × 1（价值 ¥1,999.00）');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(benefit(view, 'discount')).toMatchObject({ target: 'plan_fee', percent: 80, planCode: 'STD-129', baseFeeFen: 12900, discountedFeeFen: 10320, fromMonth: '2026-12', toMonth: '2027-11' });
  expect(benefit(view, 'gift')).toMatchObject({ sku: 'TV-43', quantity: 1 });
  expect((await stockItem(manager, 'TV-43')).onHand).toBe(tv.onHand - 1);
  // The list now says why 升舱计划 is closed to him: the two campaigns exclude each other.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reasons-ZY2026-UPGRADE-POINTS').locator('[data-code="EXCLUSIVE_CAMPAIGN_ACTIVE"]')).toBeVisible();
});

test('满减 spend threshold: ¥550 spent, ¥60 off; the customer pays ¥490', async () => {
  const { page } = counter;
  await scanCustomer(page, '13985210202');
  await openCampaign(page, 'ZY2026-SPEND-TIERS');
  await page.keyboard.type('550');
  await page.keyboard.press('Enter');
  await expect(enrolSummary(page)).toContainText('消费 ¥550.00，满 ¥500.00 立减 ¥60.00');
  await expect(enrolSummary(page).getByTestId('customer-pays')).toHaveText('¥490.00');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(benefit(view, 'spend_deduction')).toMatchObject({ spendFen: 55000, tierThresholdFen: 50000, deductionFen: 6000 });
  expect(benefit(view, 'payment')).toMatchObject({ spendFen: 55000, deductionFen: 6000, customerPaysFen: 49000 });
});

test('抽奖 lottery: ¥260 of business gives 5 draw chances', async () => {
  const { page } = counter;
  await scanCustomer(page, '18785202727');
  await openCampaign(page, 'ZY2026-LOTTERY');
  await page.keyboard.type('260');
  await page.keyboard.press('Enter');
  await expect(enrolSummary(page)).toContainText('获得抽奖机会 5 次');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(benefit(view, 'lottery_chances')).toMatchObject({ count: 5, claimWithinWorkingDays: 7 });
});

test('体验营销 iTV trial: the set-top box and e8-b modem are lent by scan; dates and calls on the summary; units leave the shelf', async () => {
  const { page } = counter;
  const [stb] = await serialsOnHand(manager, 'STB-ITV');
  const [modem] = await serialsOnHand(manager, 'MODEM-E8B');
  if (!stb || !modem) throw new Error('the demo hall has set-top boxes and modems on the shelf');
  const lentBefore = (await stockItem(manager, 'STB-ITV')).lent;
  await scanCustomer(page, '15885221010');
  await openCampaign(page, 'ZY2026-ITV-TRIAL');
  // The scanner: serial + Enter for the box, the focus moves to the modem, serial + Enter, then the old modem.
  await page.keyboard.type(stb);
  await page.keyboard.press('Enter');
  await page.keyboard.type(modem);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('旧光猫串号')).toBeFocused();
  await page.keyboard.type('MDE2E0001');
  await page.keyboard.press('Enter');
  const terms = enrolSummary(page).getByTestId('trial-terms');
  await expect(terms.getByTestId('trial-free-until')).toHaveText('2027-01-31');
  await expect(terms).toContainText('2027-02-01 起 ¥35.00/月，协议 24 个月至 2029-01-31');
  await expect(terms).toContainText(`iTV机顶盒 ${stb}；e8-b光猫 ${modem}`);
  await expect(terms).toContainText('2026-12-05 使用回访；2027-01-17 到期提醒');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(view.trial).toMatchObject({ status: 'awaiting_install', installBy: '2026-11-28', freeUntil: '2027-01-31', conversionOn: '2027-02-01' });
  expect(view.trial?.equipment.map((unit) => [unit.sku, unit.serial, unit.status])).toEqual([
    ['STB-ITV', stb, 'lent'],
    ['MODEM-E8B', modem, 'lent'],
  ]);
  expect(benefit(view, 'trial').oldModemSerial).toBe('MDE2E0001');
  expect((await stockItem(manager, 'STB-ITV')).lent).toBe(lentBefore + 1);
  expect(await serialsOnHand(manager, 'STB-ITV')).not.toContain(stb);
});

test('二次捆绑 re-binding: a contract ending this month, ¥600 prepaid, ¥600 back over 12 months (存多少送多少)', async () => {
  const { page } = counter;
  await scanCustomer(page, '18785200606');
  await openCampaign(page, 'ZY2026-REBINDING');
  await page.keyboard.type('600');
  await page.keyboard.press('Enter');
  await expect(enrolSummary(page)).toContainText('存多少送多少 ¥600.00，2026-12 起分 12 个月返还');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(benefit(view, 'credit_schedule')).toMatchObject({ purpose: 'rebinding_bonus', label: '存多少送多少', totalFen: 60000 });
  expect(benefit(view, 'payment').customerPaysFen).toBe(60000);
});

test('网龄关怀 tenure discount: 10 years on the day, voice at 70 % — no entries, straight to the summary', async () => {
  const { page } = counter;
  await scanCustomer(page, '18785202323');
  await openCampaign(page, 'ZY2026-TENURE-CARE');
  await expect(enrolSummary(page)).toContainText('语音通话费按 70% 收取，2026-12 至 2027-11');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(benefit(view, 'discount')).toMatchObject({ target: 'voice', percent: 70, fromMonth: '2026-12', toMonth: '2027-11' });
});

test('升舱计划 upgrade points: GOTONE-158 earns 3,000 points valid to 2026-12-31, on the card at once', async () => {
  const { page } = counter;
  const before = await customerByPhone(manager, '15885220303');
  await scanCustomer(page, '15885220303');
  await openCampaign(page, 'ZY2026-UPGRADE-POINTS');
  await page.getByLabel('办理套餐').selectOption('GOTONE-158');
  await page.keyboard.press('Enter');
  await expect(enrolSummary(page)).toContainText('奖励积分 3,000 分，有效期至 2026-12-31');
  const enrolmentNo = await confirmEnrolment(page);

  const view = await enrolment(enrolmentNo);
  expect(benefit(view, 'bonus_points')).toEqual({ type: 'bonus_points', points: 3000, expiresOn: '2026-12-31' });
  const points = expectOk(await manager.call['customer.points']({ customerId: before.customerId }));
  expect(points.available).toBe(before.points.available + 3000);
  expect(points.lots).toContainEqual(expect.objectContaining({ source: 'campaign', available: 3000, expiresOn: '2026-12-31' }));
  await expect(page.getByTestId('customer-points')).toContainText((before.points.available + 3000).toLocaleString('en-US'));
});

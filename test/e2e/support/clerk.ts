import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { ContractClient } from '../../../shared/contract/client';
import type { CustomerCard } from '../../../shared/customers/contract';
import { maskPhone } from '../../../shared/customers/snapshot';
import { bridgeUrl, contractAs, demoPin, expectOk, MANAGER } from './contract';
import { keyboardLogin } from './counter';

/**
 * A counter page logged in once and shared by the tests of one serial describe block,
 * so a suite of flows does not log in again for each. It fails a test on any console
 * error or page error, as the `page` fixture does (support/fixtures.ts).
 */
export interface SharedCounter {
  page: Page;
  /** Call after each test: the errors logged since the last call must be none. */
  expectNoErrors: () => void;
  close: () => Promise<void>;
}

/**
 * One database serves the whole run, and another spec locks a clerk's account on purpose
 * (five wrong PINs, with the clock frozen the lock never runs out). A test that needs the
 * account has the manager reset its PIN first, which lifts the lock; an unlocked account
 * is left alone, so its open sessions survive.
 */
export async function readyToLogIn(baseURL: string | undefined, staffNo: string): Promise<void> {
  const manager = await contractAs(baseURL, MANAGER);
  const { staff } = expectOk(await manager.call['staff.list']({}));
  if (staff.find((member) => member.staffNo === staffNo)?.lockedUntil) {
    expectOk(await manager.call['staff.resetPin']({ staffNo, pin: demoPin(staffNo) }));
  }
}

/** A contract client logged in as a clerk, the account made usable first (see readyToLogIn). */
export async function clerkAs(baseURL: string | undefined, staffNo: string): Promise<ContractClient> {
  await readyToLogIn(baseURL, staffNo);
  return contractAs(baseURL, staffNo);
}

export async function openSharedCounter(browser: Browser, baseURL: string | undefined, staffNo: string): Promise<SharedCounter> {
  await readyToLogIn(baseURL, staffNo);
  const context = await browser.newContext({
    baseURL: bridgeUrl(baseURL),
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await keyboardLogin(page, staffNo, demoPin(staffNo));
  await expect(page.getByTestId('current-staff')).toContainText(staffNo);
  return {
    page,
    expectNoErrors: () => {
      const seen = errors.splice(0);
      expect(seen, 'errors logged by the page').toEqual([]);
    },
    close: () => context.close(),
  };
}

/** Logs in by keyboard on the test's own page and opens the Enrol (Alt+1) or Redeem (Alt+2) page. */
export async function openCounterAs(page: Page, baseURL: string | undefined, staffNo: string, where: 'enrol' | 'redeem' = 'enrol'): Promise<void> {
  await readyToLogIn(baseURL, staffNo);
  await page.goto('/');
  await keyboardLogin(page, staffNo, demoPin(staffNo));
  await expect(page.getByTestId('current-staff')).toContainText(staffNo);
  if (where === 'redeem') await page.keyboard.press('Alt+2');
  await expect(phoneField(page)).toBeFocused();
}

export function phoneField(page: Page): Locator {
  return page.getByLabel('客户手机号码', { exact: true });
}

export function customerCard(page: Page): Locator {
  return page.getByTestId('customer-card');
}

/**
 * A customer steps up: the scanner types the number into the phone field and presses
 * Enter; the card shows the number masked.
 */
export async function scanCustomer(page: Page, phone: string): Promise<void> {
  await phoneField(page).focus();
  await page.keyboard.type(phone);
  await page.keyboard.press('Enter');
  await expect(customerCard(page).getByTestId('customer-phone')).toHaveText(maskPhone(phone));
}

export async function customerByPhone(client: ContractClient, phone: string): Promise<CustomerCard> {
  const { customers } = expectOk(await client.call['customer.find']({ by: 'phone', phone }));
  const customer = customers[0];
  if (!customer) throw new Error(`no demo customer ${phone}`);
  return customer;
}

/** The campaign's row in the list; its button opens it (focus + Enter, as ↑↓ would). */
export async function openCampaign(page: Page, campaignId: string): Promise<void> {
  const row = page.getByTestId(`campaign-${campaignId}`);
  await row.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('enrol-campaign')).toBeVisible();
}

export function enrolSummary(page: Page): Locator {
  return page.getByTestId('enrol-summary');
}

/** Enter on the confirm button (it has the focus once the check passed); answers the enrolment number shown. */
export async function confirmEnrolment(page: Page): Promise<string> {
  await expect(page.getByTestId('enrol-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  const done = page.getByTestId('enrol-done');
  await expect(done).toBeVisible();
  const enrolmentNo = await done.getAttribute('data-enrolment-no');
  if (!enrolmentNo) throw new Error('the done step names the enrolment');
  // The slip step: its preview is there and the counter's auto-print has run (or the button waits).
  await expect(done.getByTestId('slip-preview')).toBeVisible();
  return enrolmentNo;
}

/** Serials on the shelf for a serial-numbered item, in order: a test lends the first free ones. */
export async function serialsOnHand(client: ContractClient, sku: string): Promise<string[]> {
  const card = expectOk(await client.call['stock.item']({ sku }));
  return card.units.filter((unit) => unit.state === 'on_hand').map((unit) => unit.serial);
}

import type { Page } from '@playwright/test';
import { createClient, httpTransport } from '../../shared/contract/client';
import { expectOk } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';
import { expect, test } from './support/fixtures';
import { HALL_B } from './support/sync-world-api';
import { startSyncWorld, type SyncWorld } from './support/sync-world-client';

// A production install that knows nothing but HQ's address: its own HQ (ephemeral port,
// embedded PostgreSQL in a temp folder) and its own bridge, not the suite's demo bridge.
let world: SyncWorld;
let counterUrl: string;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  world = await startSyncWorld();
  counterUrl = (await world.call('bridge', { mode: 'blank' })).url;
});

test.afterAll(async () => {
  await world?.stop();
});

/** Retypes a field from scratch by keyboard: select all, type. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('a blank counter registers with HQ from its first screen by keyboard alone; every refusal says what to do', async ({ page }) => {
  test.setTimeout(90_000);
  // The operator names the hall's manager on the code: a blank counter has nobody else to log in.
  const manager = { staffNo: '9001', name: '李红', pin: '246810' };
  const good = await world.call('code', { hallCode: HALL_B.code, counterCode: '01', manager });
  const used = await world.call('code', { hallCode: HALL_B.code, counterCode: '02' });
  await world.call('spendCode', { code: used.code });
  // A code that expires as it is made: HQ answers REGISTRATION_CODE_EXPIRED.
  const expired = await world.call('code', { hallCode: HALL_B.code, counterCode: '01', ttlHours: 0 });

  await page.goto(counterUrl);
  await expect(page.getByRole('heading', { level: 1, name: '在总部注册本柜台' })).toBeVisible();
  const address = page.getByLabel('总部地址', { exact: true });
  const code = page.getByLabel('注册码', { exact: true });
  const error = page.locator('#registration-error');
  // The install's HALLDESK_HQ_URL is offered: the cursor waits in the code.
  await expect(address).toHaveValue(world.hqUrl);
  await expect(code).toBeFocused();

  // Checked before HQ is asked: no address, then a code of the wrong shape.
  await page.keyboard.press('Shift+Tab');
  await expect(address).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(error).toHaveText('请填写总部地址');
  await expect(address).toBeFocused();
  await page.keyboard.type(world.hqUrl.replace(/^http:\/\//, ''));
  await page.keyboard.press('Tab');
  await expect(code).toBeFocused();
  await page.keyboard.type('ABC-12');
  await page.keyboard.press('Enter');
  await expect(error).toHaveText(/注册码格式不对/);
  await expect(code).toBeFocused();
  // The address typed without a scheme got one.
  await expect(address).toHaveValue(world.hqUrl);

  // HQ answers: no such code, a used one, an expired one. The cursor stays in the code.
  await retype(page, 'zzzz-zzzz-zzzz');
  await page.keyboard.press('Enter');
  await expect(error).toHaveText(/总部没有这个注册码/);
  await expect(code).toBeFocused();
  await expect(code).toHaveValue('ZZZZ-ZZZZ-ZZZZ');
  await page.screenshot({ path: screenshotPath('registration-refused') });

  await retype(page, used.code);
  await page.keyboard.press('Enter');
  await expect(error).toHaveText(/已经用过了/);
  await retype(page, expired.code);
  await page.keyboard.press('Enter');
  await expect(error).toHaveText(/已过期/);

  // HQ out of reach: the cursor goes back to the address.
  await page.keyboard.press('Shift+Tab');
  await expect(address).toBeFocused();
  await retype(page, 'http://127.0.0.1:9');
  await page.keyboard.press('Tab');
  await retype(page, good.code);
  await page.keyboard.press('Enter');
  await expect(error).toHaveText('连不上总部 http://127.0.0.1:9。请检查地址是否正确、网线或网络是否正常，再试一次。');
  await expect(address).toBeFocused();

  // The same screen in English (the fields keep what was typed).
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register this counter with HQ' })).toBeVisible();
  await page.getByLabel('HQ address', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(error).toHaveText(/^HQ at http:\/\/127\.0\.0\.1:9 cannot be reached/);
  await page.getByRole('button', { name: '中文' }).click();

  // The right address and the operator's code, typed in lower case without dashes.
  await address.focus();
  await retype(page, world.hqUrl);
  await page.keyboard.press('Tab');
  await retype(page, good.code.replace(/-/g, '').toLowerCase());
  await page.keyboard.press('Enter');

  // Registered: the login screen names the hall and counter HQ gave this PC.
  await expect(page.getByRole('heading', { level: 1, name: '员工登录' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.login__hall')).toContainText(HALL_B.name);
  await expect(page.locator('.login__hall')).toContainText('01号柜台');
  await expect(page.getByLabel('工号', { exact: true })).toBeFocused();

  // HQ has exactly one device for the counter, and the counter says which hall it is.
  expect(await world.call('devices', { hallCode: HALL_B.code, counterCode: '01' })).toEqual({ active: 1 });
  const counter = createClient(httpTransport(counterUrl));
  const info = expectOk(await counter.call['system.info']({}));
  expect(info.hall).toEqual({ code: HALL_B.code, name: HALL_B.name });
  expect(info.demo).toBe(false);
  expect(info.registered).toBe(true);
  // Registering twice is refused: the counter has its device now.
  const again = await counter.call['sync.register']({ hqUrl: world.hqUrl, code: good.code });
  expect(again.ok ? null : again.error.code).toBe('CONFLICT');

  // The provisioned manager logs in; the counter syncs with the HQ it registered with.
  await keyboardLogin(page, manager.staffNo, manager.pin);
  await expect(page.getByTestId('current-staff')).toContainText(manager.name);
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: '同步' })).toBeFocused();
  await expect(page.locator('[data-tile="hq"]')).toContainText('总部在线', { timeout: 15_000 });
  await expect(page.locator('[data-tile="hq"]')).toContainText(world.hqUrl);
  await expect(page.locator('[data-tile="lastSuccess"]')).not.toContainText('尚未同步');
});

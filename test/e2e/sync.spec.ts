import type { Page } from '@playwright/test';
import type { ContractClient } from '../../shared/contract/client';
import { contractAs, demoPin, expectOk, MANAGER } from './support/contract';
import { keyboardLogin, screenshotPath } from './support/counter';
import { expect, test } from './support/fixtures';
import { DEMO_HALL } from './support/sync-world-api';
import { startSyncWorld, type SyncWorld } from './support/sync-world-client';

// The demo hall's counter 01 on its own bridge, synced with an HQ of this file's own
// (ephemeral port, embedded PostgreSQL in a temp folder); the hall's counter 02 lives in
// the world process. Real clocks on both sides, so "3 分钟前" is real too.
let world: SyncWorld;
let counter: { url: string; dataDir: string };
let manager: ContractClient;

const CLERK = '1001';
const TV = 'TV-43'; // the demo hall has 6
const CUSTOMERS = 8_000; // several pulled pages, each slowed by the link, so the progress bar shows

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  world = await startSyncWorld();
  counter = await world.call('bridge', { mode: 'demo' });
  manager = await contractAs(counter.url, MANAGER);
});

test.afterAll(async () => {
  await world?.stop();
});

function tile(page: Page, key: string) {
  return page.locator(`[data-tile="${key}"]`);
}

async function openSyncPage(page: Page, staffNo: string): Promise<void> {
  await page.goto(counter.url);
  await keyboardLogin(page, staffNo, demoPin(staffNo));
  await expect(page.getByTestId('current-staff')).toContainText(staffNo);
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: '同步' })).toBeFocused();
}

/** Presses "立即同步" by keyboard and waits until that sync is over. */
async function syncNowByKeyboard(page: Page): Promise<void> {
  const button = page.getByTestId('sync-now');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('立即同步', { timeout: 30_000 });
  await expect(button).toBeEnabled();
}

test('a demo counter on its own: the sync page says HQ is not configured, and there is nothing to sync', async ({ page }) => {
  await openSyncPage(page, MANAGER);
  await expect(tile(page, 'hq')).toContainText('总部未配置');
  await expect(tile(page, 'hq')).toContainText('演示柜台单机运行');
  await expect(page.getByTestId('sync-now')).toBeDisabled();
  await expect(page.getByTestId('sync-next')).toHaveText('本柜台未连接总部，无需同步');
  await expect(page.getByTestId('conflict-tasks')).toHaveCount(0);
});

test('registered with HQ: reachable, last success, the outbox drained by "sync now"; a conflict raised at HQ becomes a manager task, resolved with a note', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await openSyncPage(page, MANAGER);

  // The operator's code, exchanged through the contract (a demo counter has no registration screen).
  // The counter reaches HQ over a relay that can act as a slow hall line.
  const { code } = await world.call('code', { hallCode: DEMO_HALL.code, counterCode: '01' });
  expectOk(await manager.call['sync.register']({ hqUrl: world.linkUrl, code }));
  await expect(tile(page, 'hq')).toContainText('总部在线', { timeout: 20_000 });
  await expect(tile(page, 'hq')).toContainText(world.linkUrl);
  await expect(tile(page, 'lastSuccess')).not.toContainText('尚未同步');
  await expect(tile(page, 'lastSuccess')).toContainText('刚刚');
  await expect(tile(page, 'clock')).toContainText('正常');
  await expect(page.getByTestId('sync-next')).toContainText('下次自动同步');

  // All six 43" TVs written off here: one event waits, then "sync now" takes it to HQ.
  expectOk(await manager.call['stock.damage']({ sku: TV, qty: 6, from: 'on_hand', note: '运输破损，整批报损' }));
  await expect(tile(page, 'outbox')).toContainText('1 条', { timeout: 10_000 });
  await expect(tile(page, 'outbox')).toContainText('最早一条');
  await expect(page.getByTestId('unsynced')).toHaveText('待同步 1 条', { timeout: 12_000 });
  await syncNowByKeyboard(page);
  await expect(tile(page, 'outbox')).toContainText('0 条');
  // The top bar hears of the finished sync at once, not at its next 10-second poll.
  await expect(page.getByTestId('unsynced')).toHaveText('待同步 0 条', { timeout: 2_500 });
  await expect(tile(page, 'outbox')).toContainText('已全部上传');
  expect(expectOk(await manager.call['sync.status']({})).outbox).toMatchObject({ pending: 0, rejected: 0 });

  // Counter 02, which has not heard of that, gives one away too: HQ's hall goes to −1.
  await world.call('secondCounterDamage', { sku: TV, qty: 1, note: '展示样机跌落' });
  const atHq = (await world.call('conflicts', { hallCode: DEMO_HALL.code })).conflicts;
  expect(atHq).toHaveLength(1);
  const conflictId = atHq[0]?.conflictId ?? '';
  expect(atHq[0]).toMatchObject({ kind: 'negative_stock', status: 'open', details: { sku: TV, balance: -1 } });

  // Meanwhile: an event HQ will refuse, customers to pull over a slow line, and HQ's clock 3½ minutes ahead.
  await world.call('injectBadEvent', { dataDir: counter.dataDir });
  await world.call('customers', { count: CUSTOMERS });
  await world.call('slowPull', { delayMs: 400 });
  await world.call('hqClock', { offsetMs: 210_000 });

  const button = page.getByTestId('sync-now');
  await button.focus();
  await page.keyboard.press('Enter');
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toContainText(/正在从总部下载：[\d,]+ \/ [\d,]+ 行（\d+%）/, { timeout: 15_000 });
  await expect(button).toBeDisabled();
  await page.screenshot({ path: screenshotPath('sync-pulling') });
  await expect(button).toHaveText('立即同步', { timeout: 30_000 });
  await world.call('slowPull', { delayMs: 0 });

  // The conflict as a task: what happened, its figures, what to do.
  const task = page.locator(`[data-conflict-id="${conflictId}"]`);
  await expect(task).toBeVisible();
  await expect(task).toContainText('库存为负');
  await expect(task).toContainText('43英寸彩电');
  await expect(task).toContainText('两个柜台同时送出了最后一台电视');
  await expect(task.locator('.conflict__figure--bad')).toContainText('-1');
  await expect(task).toContainText('清点货架和展示区的43英寸彩电实物');
  await expect(task).toContainText('联系总部补发');
  await expect(tile(page, 'conflicts')).toContainText('1 项待店长处理');
  // The refused event, in plain words with HQ's code; it stays on the counter.
  const refused = page.getByTestId('rejected-events');
  await expect(refused).toContainText('库存变动');
  await expect(refused).toContainText('数据不完整或格式不对，总部未入账');
  await expect(refused).toContainText('INVALID_PAYLOAD');
  await expect(tile(page, 'outbox')).toContainText('另有 1 条被总部拒收');
  // The clock: 3½ minutes slow, a warning past 2.
  await expect(tile(page, 'clock')).toContainText(/本机比总部慢 3 分 (2\d|3\d) 秒/);
  await expect(page.getByTestId('sync-clock-warning')).toContainText('超过 2 分钟');
  await page.screenshot({ path: screenshotPath('sync-conflict') });

  // A clerk sees the manager's task and what to do about it, without the means to close it.
  const clerkContext = await browser.newContext();
  const clerkPage = await clerkContext.newPage();
  await openSyncPage(clerkPage, CLERK);
  await expect(clerkPage.locator(`[data-conflict-id="${conflictId}"]`)).toContainText('由店长处理');
  await expect(clerkPage.getByRole('button', { name: '处理并关闭…' })).toHaveCount(0);
  await clerkPage.screenshot({ path: screenshotPath('sync-clerk') });
  await clerkContext.close();

  // The manager closes it with a note, by keyboard; an empty note is refused.
  await task.getByRole('button', { name: '处理并关闭…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('resolve-conflict');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('处理说明（必填）')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('alert')).toHaveText('请写明处理结果（至少 2 个字）');
  await page.screenshot({ path: screenshotPath('sync-resolve-dialog') });
  const note = '已盘点，货架实物 0 台；向总部申请调拨 1 台';
  await page.keyboard.type(note);
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('conflict-closed')).toBeFocused();
  await expect(task).toHaveCount(0);

  const { conflicts } = expectOk(await manager.call['sync.conflicts']({ status: 'all' }));
  expect(conflicts.find((c) => c.conflictId === conflictId)).toMatchObject({
    status: 'resolved',
    note,
    resolvedBy: MANAGER,
    resolutionPending: true,
  });

  // HQ hears of it with the next sync; the resolved task shows with its note.
  await world.call('hqClock', { offsetMs: 0 });
  await syncNowByKeyboard(page);
  const closedAtHq = (await world.call('conflicts', { hallCode: DEMO_HALL.code })).conflicts;
  expect(closedAtHq[0]).toMatchObject({ conflictId, status: 'resolved', note, resolvedBy: MANAGER });
  // The counter clears its "pending" mark when HQ's change feed brings the resolution back,
  // which may be the pull of this sync or of the one right after it.
  await expect
    .poll(
      async () => {
        await manager.call['sync.now']({});
        return expectOk(await manager.call['sync.conflicts']({ status: 'all' })).conflicts.find((c) => c.conflictId === conflictId)?.resolutionPending;
      },
      { timeout: 20_000 },
    )
    .toBe(false);
  await page.getByLabel('显示已处理的').check();
  await expect(page.locator(`[data-conflict-id="${conflictId}"]`)).toContainText(note);
  await expect(tile(page, 'clock')).toContainText('正常');

  // The same page in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('sync-now')).toHaveText('Sync now');
  await expect(tile(page, 'hq')).toContainText('HQ online');
  await expect(page.getByTestId('rejected-events')).toContainText('Incomplete or malformed data; HQ did not book it');
  await expect(page.locator(`[data-conflict-id="${conflictId}"]`)).toContainText('Negative stock');
  await page.screenshot({ path: screenshotPath('sync-resolved-en') });
});

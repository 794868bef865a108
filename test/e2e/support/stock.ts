import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ContractClient } from '../../../shared/contract/client';
import type { AuditEntry } from '../../../shared/audit/contract';
import type { StockItemView } from '../../../shared/stock/schemas';
import { demoPin, expectOk } from './contract';
import { keyboardLogin } from './counter';

/** Logs in by keyboard and opens the stock page with Alt+3, as a manager or clerk starts the day's count. */
export async function openStockAs(page: Page, staffNo: string): Promise<void> {
  await page.goto('/');
  await keyboardLogin(page, staffNo, demoPin(staffNo));
  await expect(page.getByTestId('current-staff')).toContainText(staffNo);
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: '库存' })).toBeFocused();
  await expect(stockGrid(page)).toBeVisible();
}

export function stockGrid(page: Page): Locator {
  return page.getByRole('grid', { name: '库存列表' });
}

/** The grid row of one item (rows carry their item code). */
export function gridRow(page: Page, sku: string): Locator {
  return stockGrid(page).locator(`tr[data-sku="${sku}"]`);
}

/** The on-hand figure the grid shows for an item (the cell also holds the low-stock mark). */
export function gridOnHand(page: Page, sku: string): Locator {
  return gridRow(page, sku).locator('.grid__cell--onHand .grid__number');
}

export async function stockItem(client: ContractClient, sku: string): Promise<StockItemView> {
  const { items } = expectOk(await client.call['stock.list']({}));
  const item = items.find((candidate) => candidate.sku === sku);
  if (!item) throw new Error(`stock.list has no ${sku}`);
  return item;
}

/** Audit entries written after `afterSeq`, oldest first. */
export async function auditSince(manager: ContractClient, afterSeq: number): Promise<AuditEntry[]> {
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 500 }));
  return entries.filter((entry) => entry.seq > afterSeq).reverse();
}

/** The bridge's SQLite file (playwright.config.ts gives the run its own data folder). */
export function bridgeDatabaseFile(): string {
  const dir = process.env.HALLDESK_E2E_DATA_DIR;
  if (!dir) throw new Error('playwright.config.ts sets HALLDESK_E2E_DATA_DIR');
  return join(dir, 'halldesk.sqlite');
}

/** The manager's step-up prompt, wherever it opened. */
export function approvalPrompt(page: Page): Locator {
  return page.getByRole('alertdialog', { name: '需要店长授权' });
}

/** A manager types their staff number and PIN into the prompt, by keyboard. */
export async function approveAs(page: Page, staffNo: string, pin: string): Promise<void> {
  const prompt = approvalPrompt(page);
  await expect(prompt.getByLabel('店长工号')).toBeFocused();
  await page.keyboard.type(staffNo);
  await page.keyboard.press('Enter');
  await expect(prompt.getByLabel('店长 PIN')).toBeFocused();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/**
 * Two characters that differ between repeats and retries of a test in one run (one database):
 * delivery notes, serials and phone numbers made with it are new each time.
 */
export function runTag(info: { repeatEachIndex: number; retry: number }): string {
  return `${info.repeatEachIndex % 10}${info.retry % 10}`;
}

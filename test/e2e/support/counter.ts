import { expect, type Page } from '@playwright/test';

/** Where the review screenshots go (test-results/ is Playwright's output folder, ignored by git). */
export function screenshotPath(name: string): string {
  return `test-results/screens/${name}.png`;
}

/** Logs in from the login screen with the keyboard only, as a clerk does. */
export async function keyboardLogin(page: Page, staffNo: string, pin: string, move: 'Tab' | 'Enter' = 'Enter'): Promise<void> {
  await expect(page.getByLabel('工号', { exact: true })).toBeFocused();
  await page.keyboard.type(staffNo);
  await page.keyboard.press(move);
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

import { defineConfig } from '@playwright/test';
import e2e from './playwright.config';

/**
 * `npm run screenshots`: the README's pictures of the main screens at 1366×768, taken from the
 * real UI on a fresh demo hall with the e2e bridge settings (frozen demo day, no demo HQ).
 * Not part of npm test: it writes docs/screenshots/ and proves nothing by itself.
 */
export default defineConfig({
  ...e2e,
  testDir: 'test/screenshots',
  retries: 0,
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** A fixed port: the bridge is started once per run and the tests' contract clients dial it too. */
// HALLDESK_E2E_PORT lets two runs on one machine (a CI job and a developer) keep apart.
const PORT = Number(process.env.HALLDESK_E2E_PORT ?? 5199);

// The runner and every worker evaluate this file; the variable makes them agree on one
// fresh data folder, so each run starts from a newly seeded demo hall.
process.env.HALLDESK_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'halldesk-e2e-'));
const dataDir = process.env.HALLDESK_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // One bridge, one database: tests that lock accounts must not race each other.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalTeardown: './test/e2e/support/teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    // Debian's Chromium: Playwright's own browser download is not available on these machines.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx tsx electron/bridge/serve.ts',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HALLDESK_DATA_DIR: dataDir,
      HALLDESK_NOW: '2026-11-21T09:30:00+08:00',
      HALLDESK_WEB_PORT: String(PORT),
      // The counter on its own: a shared demo HQ would feed it other runs' stock and revoke
      // counter 01 of whichever database registered before. Sync has its own tests with their own HQ.
      HALLDESK_DEMO_HQ: 'off',
    },
  },
});
